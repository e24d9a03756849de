package io.servicedelivery.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

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

  /** Every error response of {@code /api} is an RFC 9457 problem: say so once instead of on every operation. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      Schema<?> problem = ModelConverters.getInstance().readAllAsResolvedSchema(ProblemDetail.class).schema;
      openApi.getComponents().addSchemas("ProblemDetail", problem);
      Content content =
          new Content()
              .addMediaType(
                  "application/problem+json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
      openApi.getPaths().values().stream()
          .flatMap(path -> path.readOperations().stream())
          .flatMap(operation -> operation.getResponses().entrySet().stream())
          .filter(response -> response.getKey().startsWith("4") || response.getKey().startsWith("5"))
          .forEach(response -> response.getValue().setContent(content));
    };
  }
}
