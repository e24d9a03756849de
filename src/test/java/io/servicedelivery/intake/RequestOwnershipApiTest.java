package io.servicedelivery.intake;

import static io.servicedelivery.intake.ApiRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.identity.Groups;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12: who sees which requests. A second API client neither sees nor touches the portal's requests (404, not
 * 403, and absent from its list) until an operations manager binds it to their customer; the staff see the requests
 * they work on, and their records without the customer's e-mail address and the cost.
 */
@WebIntegrationTest
class RequestOwnershipApiTest {

  private static final String REQUESTS = "/api/service-requests";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;

  private ApiDeliveries deliveries;
  private String otherClient;

  @BeforeEach
  void secondApiClient() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
    otherClient = "client-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(otherClient);
    user.setPassword(otherClient);
    identityService.saveUser(user);
    identityService.createMembership(otherClient, Groups.API_CLIENTS);
  }

  @AfterEach
  void cleanUp() {
    RunningRequests.deleteAll(runtimeService, jdbc);
    jdbc.sql("delete from api_client_customer").update();
    identityService.deleteUser(otherClient);
  }

  @Test
  void anotherApiClientNeitherSeesNorTouchesThePortalsRequests() {
    String open = deliveries.submit();
    String delivered = deliveries.deliver(1.0, 0);

    for (String requestId : List.of(open, delivered)) {
      assertThat(get(otherClient, REQUESTS + "/" + requestId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(get(otherClient, REQUESTS + "/" + requestId).getBody().path("requestId").asText())
          .as("the same problem as for an unknown request")
          .isEqualTo(requestId);
    }
    assertThat(post(otherClient, REQUESTS + "/" + open + "/cancellation", Map.of("reason", "not mine"))
            .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(otherClient, REQUESTS + "/" + open + "/customer-response", Map.of("answer", "not mine"))
            .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(otherClient, REQUESTS + "/" + delivered + "/feedback", Map.of("rating", 1)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(requestIds(get(otherClient, REQUESTS + "?size=100").getBody())).doesNotContain(open, delivered);
    assertThat(requestIds(get(otherClient, REQUESTS + "?customerId=CUST-042&size=100").getBody())).isEmpty();

    // nothing happened to them, and the portal still has both
    JsonNode stillOpen = get("portal", REQUESTS + "/" + open).getBody();
    assertThat(stillOpen.path("status").asText()).isNotEqualTo("CANCELLED");
    assertThat(get("portal", REQUESTS + "/" + delivered).getBody().has("feedback")).isFalse();
    assertThat(requestIds(get("portal", REQUESTS + "?customerId=CUST-042&size=100").getBody()))
        .contains(open, delivered);
    assertThat(post("portal", REQUESTS + "/" + delivered + "/feedback", Map.of("rating", 5)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anotherClientsExternalReferenceIsRefusedWithoutNamingItsRequest() {
    String reference = "PORTAL-" + UUID.randomUUID();
    ResponseEntity<JsonNode> first = submit("portal", vpnRequest(reference));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> again = submit(otherClient, vpnRequest(reference));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(again.getBody().toString()).doesNotContain(first.getBody().path("requestId").asText());
    assertThat(submit("portal", vpnRequest(reference)).getStatusCode()).as("the portal's retry").isEqualTo(HttpStatus.OK);
  }

  @Test
  void anOperationsManagerBindsAClientToACustomerAndItSeesTheCustomersRequests() {
    String requestId = deliveries.submit();
    String binding = "/api/api-clients/" + otherClient + "/customers/CUST-042";

    for (String user : List.of("portal", "coordinator", "staff1")) {
      ResponseEntity<JsonNode> refused = exchange(user, HttpMethod.PUT, binding, null);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(exchange(otherClient, HttpMethod.GET, "/api/api-clients/" + otherClient + "/customers", null)
            .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange("manager", HttpMethod.PUT, "/api/api-clients/staff1/customers/CUST-042", null)
            .getStatusCode())
        .as("staff1 is no API client")
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(exchange("manager", HttpMethod.PUT, binding, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(exchange("manager", HttpMethod.PUT, binding, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode customers =
        exchange("manager", HttpMethod.GET, "/api/api-clients/" + otherClient + "/customers", null).getBody();
    assertThat(customers.findValuesAsText("customerId")).containsExactly("CUST-042");
    assertThat(customers.get(0).path("boundBy").asText()).isEqualTo("manager");

    assertThat(get(otherClient, REQUESTS + "/" + requestId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(requestIds(get(otherClient, REQUESTS + "?size=100").getBody())).contains(requestId);
    assertThat(post(otherClient, REQUESTS + "/" + requestId + "/cancellation", Map.of("reason", "served now"))
            .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(exchange("manager", HttpMethod.DELETE, binding, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get(otherClient, REQUESTS + "/" + requestId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("portal", REQUESTS + "/" + requestId).getStatusCode())
        .as("the submitter keeps its own request")
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theStaffSeeTheRequestsTheyWorkOnWithoutTheCustomersAddressAndTheCost() {
    String requestId = deliveries.submit();
    deliveries.complete(requestId, "Task_PlanDelivery", Map.of(
        "plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00",
        "deliveryInstructions", "Standard profile"));

    // NETWORK_ACCESS goes to staff2 (network skill): reserved for them, the task assigned to them
    assertThat(get("staff2", REQUESTS + "/" + requestId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(requestIds(get("staff2", REQUESTS + "?size=100").getBody())).contains(requestId);
    assertThat(get("staff1", REQUESTS + "/" + requestId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(requestIds(get("staff1", REQUESTS + "?size=100").getBody())).doesNotContain(requestId);
    assertThat(get("staff1", REQUESTS + "/" + requestId + "/record").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("qa", REQUESTS + "/" + requestId + "/record").getStatusCode())
        .as("nothing to review yet")
        .isEqualTo(HttpStatus.NOT_FOUND);

    deliveries.complete(requestId, "Task_ExecuteServiceActivities", Map.of(
        "progressStatus", "DONE",
        "progressReport", "VPN profile deployed and tested with the user",
        "effortHours", 2.0,
        "materialsCost", 0.0,
        "checklistConfirmed", new ArrayList<>(catalog.get("NETWORK_ACCESS").checklist())));

    // the review waits for quality assurance: qa works on it now
    for (String user : List.of("staff2", "qa")) {
      ResponseEntity<JsonNode> record = get(user, REQUESTS + "/" + requestId + "/record");
      assertThat(record.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(record.getBody().path("requesterName").asText()).isEqualTo("Ada Customer");
      assertThat(record.getBody().has("requesterEmail")).as(user).isFalse();
      assertThat(record.getBody().has("cost")).as(user).isFalse();
    }
    assertThat(get("analyst", REQUESTS + "/" + requestId + "/record").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (String user : List.of("coordinator", "manager")) {
      JsonNode record = get(user, REQUESTS + "/" + requestId + "/record").getBody();
      assertThat(record.path("requesterEmail").asText()).as(user).isNotEmpty();
      assertThat(record.path("cost").path("total").decimalValue()).as(user).isPositive();
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private ResponseEntity<JsonNode> get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, null);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  private ResponseEntity<JsonNode> submit(String user, Map<String, Object> request) {
    return post(user, REQUESTS, request);
  }

  private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static List<String> requestIds(JsonNode page) {
    return page.path("items").findValuesAsText("requestId");
  }
}
