package io.servicedelivery.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
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

  /**
   * Every error response of {@code /api} is an RFC 9457 problem: say so once instead of on every operation. A 400 is
   * always {@link ApiExceptionHandler}'s list of invalid values.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      Content problem = problemContent(openApi, ProblemDetail.class);
      Content invalidRequest = problemContent(openApi, InvalidRequestProblem.class);
      openApi.getPaths().values().stream()
          .flatMap(path -> path.readOperations().stream())
          .flatMap(operation -> operation.getResponses().entrySet().stream())
          .filter(response -> response.getKey().startsWith("4") || response.getKey().startsWith("5"))
          .forEach(
              response ->
                  response.getValue().setContent(response.getKey().equals("400") ? invalidRequest : problem));
    };
  }

  /** Adds the type's schema to the components and returns problem+json content referring to it. */
  private static Content problemContent(OpenAPI openApi, Class<?> type) {
    ResolvedSchema resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(type);
    openApi.getComponents().addSchemas(resolved.schema.getName(), resolved.schema);
    resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
    return new Content()
        .addMediaType(
            "application/problem+json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + resolved.schema.getName())));
  }
}
