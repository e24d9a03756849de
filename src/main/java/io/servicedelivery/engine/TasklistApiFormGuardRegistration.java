package io.servicedelivery.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link TasklistApiFormGuard} in front of the webapps' engine API, where the webapps are configured. */
@Configuration
class TasklistApiFormGuardRegistration {

  @Bean
  FilterRegistrationBean<TasklistApiFormGuard> tasklistApiFormGuard(
      ObjectProvider<ProcessEngine> processEngine, CamundaBpmProperties properties) {
    String applicationPath = properties.getWebapp().getApplicationPath();
    String apiRoot = (applicationPath.endsWith("/") ? applicationPath : applicationPath + "/") + "api/engine/";
    FilterRegistrationBean<TasklistApiFormGuard> registration =
        new FilterRegistrationBean<>(
            new TasklistApiFormGuard(processEngine, new TaskFormFields(processEngine), apiRoot));
    registration.setName("tasklist-api-form-guard");
    registration.addUrlPatterns(apiRoot + "*");
    return registration;
  }
}
