package io.servicedelivery.engine;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TasklistStartFormData} in front of the webapps' engine API, which Tasklist calls, and of {@code
 * /engine-rest}, so that both serve a start form with the same options.
 */
@Configuration
class TasklistStartFormDataRegistration {

  @Bean
  FilterRegistrationBean<TasklistStartFormData> tasklistStartFormData(
      ObjectProvider<FormInputData> inputData, CamundaBpmProperties properties) {
    String applicationPath = properties.getWebapp().getApplicationPath();
    String apiRoot = (applicationPath.endsWith("/") ? applicationPath : applicationPath + "/") + "api/engine/";
    FilterRegistrationBean<TasklistStartFormData> registration =
        new FilterRegistrationBean<>(new TasklistStartFormData(inputData));
    registration.setName("tasklist-start-form-data");
    registration.addUrlPatterns(apiRoot + "*", "/engine-rest/*");
    return registration;
  }
}
