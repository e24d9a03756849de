package io.servicedelivery.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.testsupport.TemporaryUsers;
import io.servicedelivery.testsupport.WebIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The catalog read API over HTTP: authenticated, complete, and a problem body for what does not exist. */
@WebIntegrationTest
class ServiceCatalogApiTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identityService;

  @Test
  void listsAtLeastFiveServicesToAnyAuthenticatedUser() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("staff1", "staff1").getForEntity("/api/catalog/services", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().findValuesAsText("code"))
        .hasSizeGreaterThanOrEqualTo(5)
        .contains("LAPTOP_PROVISIONING", "NETWORK_ACCESS", "ONSITE_REPAIR", "SOFTWARE_INSTALLATION", "DATA_RECOVERY");
  }

  @Test
  void serviceDetailHasRequestTypesSkillChecklistCostAndAnSlaPerPriority() {
    JsonNode service =
        http.withBasicAuth("coordinator", "coordinator")
            .getForObject("/api/catalog/services/LAPTOP_PROVISIONING", JsonNode.class);

    assertThat(service.path("name").asText()).isEqualTo("Laptop provisioning");
    assertThat(service.path("requiredSkill").asText()).isEqualTo("hardware");
    assertThat(service.path("standardEffortHours").decimalValue()).isEqualByComparingTo("3");
    assertThat(service.path("costRatePerHour").decimalValue()).isEqualByComparingTo("65");
    assertThat(service.path("requestTypes").findValuesAsText("code")).contains("NEW_LAPTOP", "REPLACEMENT", "LOAN");
    assertThat(service.path("checklist")).hasSize(5);
    assertThat(service.path("slaTargets").findValuesAsText("priority"))
        .containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW");
    for (JsonNode target : service.path("slaTargets")) {
      assertThat(target.path("resolutionMinutes").asInt()).isGreaterThan(target.path("responseMinutes").asInt());
    }
  }

  @Test
  void unknownServiceIsA404ProblemNamingTheCode() {
    ResponseEntity<JsonNode> response =
        http.withBasicAuth("coordinator", "coordinator")
            .getForEntity("/api/catalog/services/TELEPORTATION", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
    assertThat(response.getBody().path("serviceCode").asText()).isEqualTo("TELEPORTATION");
    assertThat(response.getBody().path("detail").asText()).contains("TELEPORTATION");
  }

  @Test
  void anonymousCallersGetA401Problem() {
    ResponseEntity<JsonNode> response = http.getForEntity("/api/catalog/services", JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    String userId = TemporaryUsers.create(identityService);
    assertThat(http.withBasicAuth(userId, "nope").getForEntity("/api/catalog/services", JsonNode.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.deleteUser(userId);
  }
}
