package io.servicedelivery.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The CAPA read API over HTTP: for QA leads and operations managers, with a problem body for an unknown CAPA. */
@WebIntegrationTest
class CapaApiTest {

  @Autowired TestRestTemplate http;
  @Autowired Capas capas;
  @Autowired RuntimeService runtimeService;

  private final String requestId = "SR-" + UUID.randomUUID().toString().substring(0, 8);
  // a service of its own, so that no CAPA left open by another test takes the request in
  private final String serviceCode = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private String capaId;

  @BeforeEach
  void openCapa() {
    capaId = capas.request(new CapaRequest(requestId, serviceCode, null, 2, CapaTrigger.REPEATED_FAILURE, "Not tested", "qa"));
  }

  @AfterEach
  void endCapa() {
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(capaId).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished"));
  }

  @Test
  void qaLeadsListTheOpenCapasOfARequest() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("qa", "qa").getForEntity("/api/capas?open=true&requestId=" + requestId, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).hasSize(1);
    assertThat(response.getBody().get(0).path("id").asText()).isEqualTo(capaId);
    assertThat(response.getBody().get(0).path("status").asText()).isEqualTo("ROOT_CAUSE_ANALYSIS");
    assertThat(response.getBody().get(0).path("trigger").asText()).isEqualTo("REPEATED_FAILURE");
  }

  @Test
  void managersSeeACapaWithItsLinkedRequests() {
    JsonNode capa = http.withBasicAuth("manager", "manager").getForObject("/api/capas/" + capaId, JsonNode.class);

    assertThat(capa.path("serviceCode").asText()).isEqualTo(serviceCode);
    assertThat(capa.path("problem").asText()).isEqualTo("Not tested");
    assertThat(capa.path("requests").findValuesAsText("requestId")).containsExactly(requestId);
    assertThat(capa.path("requests").get(0).path("reviewRound").asInt()).isEqualTo(2);
    assertThat(capa.path("actionPlans")).isEmpty();
  }

  @Test
  void staffMayNotReadCapas() {
    assertThat(http.withBasicAuth("staff1", "staff1").getForEntity("/api/capas", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anUnknownCapaIsA404Problem() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("qa", "qa").getForEntity("/api/capas/CAPA-999999", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("capaId").asText()).isEqualTo("CAPA-999999");
  }
}
