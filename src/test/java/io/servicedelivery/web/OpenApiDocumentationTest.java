package io.servicedelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /v3/api-docs} documents every endpoint of {@code /api}, its errors as problem details, and Basic auth. */
@WebIntegrationTest
class OpenApiDocumentationTest {

  @Autowired TestRestTemplate http;

  @Test
  void everyEndpointAndItsErrorsAreDocumented() {
    ResponseEntity<JsonNode> response = http.getForEntity("/v3/api-docs", JsonNode.class);
    JsonNode paths = response.getBody().path("paths");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(paths.path("/api/service-requests").path("post").path("responses").fieldNames())
        .toIterable()
        .contains("200", "201", "400", "401", "403", "422");
    assertThat(paths.path("/api/service-requests/{requestId}").path("get").path("responses").has("404")).isTrue();
    assertThat(paths.path("/api/service-requests/{requestId}/cancellation").path("post").path("responses").has("409"))
        .isTrue();
    assertThat(paths.has("/api/integrations/service-desk/tickets")).isTrue();
    assertThat(paths.has("/api/integrations/sales-orders")).isTrue();
    assertThat(paths.has("/api/catalog/services/{code}")).isTrue();
    assertThat(paths.path("/api/service-requests/{requestId}/feedback").path("post").path("responses").fieldNames())
        .toIterable()
        .contains("201", "400", "404", "409");
    assertThat(paths.path("/api/service-requests/{requestId}/record").path("get").path("responses").has("404"))
        .isTrue();
    JsonNode export = paths.path("/api/records/export").path("get").path("responses");
    assertThat(export.path("200").path("content").has("text/csv")).isTrue();
    for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = path.next();
      assertThat(entry.getKey()).startsWith("/api/");
      entry.getValue().forEach(
          operation ->
              operation.path("responses").fields().forEachRemaining(
                  code -> {
                    if (code.getKey().startsWith("4")) {
                      assertThat(code.getValue().path("content").path("application/problem+json").path("schema")
                              .path("$ref").asText())
                          .as(entry.getKey() + " " + code.getKey())
                          .isEqualTo(
                              code.getKey().equals("400")
                                  ? "#/components/schemas/InvalidRequestProblem"
                                  : "#/components/schemas/ProblemDetail");
                    }
                  }));
    }
    assertThat(response.getBody().path("components").path("securitySchemes").path("basic").path("scheme").asText())
        .isEqualTo("basic");
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
