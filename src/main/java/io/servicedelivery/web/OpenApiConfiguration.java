package io.servicedelivery.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of {@code /api} at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration
class OpenApiConfiguration {

  private static final String BASIC = "basic";

  @Bean
  OpenAPI serviceDeliveryApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Service Delivery Orchestrator API")
                .version("1")
                .description(
                    "Submit and follow service requests, read the service catalog and manage its changes. "
                        + "Authenticate with HTTP Basic as a Camunda user. Errors are RFC 9457 problem details."))
        .components(
            new Components()
                .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
