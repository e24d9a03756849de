package io.servicedelivery.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff read a request's service delivery record. */
@WebIntegrationTest
class DeliveryRecordApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;

  private ApiDeliveries deliveries;

  @BeforeEach
  void deliveries() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
  }

  @AfterEach
  void deleteRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void theRecordOfADeliveredRequestHasItsStepsSlaCostBillingAndRating() {
    String requestId = deliveries.deliver(2.0, 12.5);
    http.withBasicAuth("portal", "portal")
        .postForEntity("/api/service-requests/" + requestId + "/feedback", Map.of("rating", 4), JsonNode.class);

    ResponseEntity<JsonNode> response = record("manager", requestId);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode record = response.getBody();
    assertThat(record.path("requestId").asText()).isEqualTo(requestId);
    assertThat(record.path("outcome").asText()).isEqualTo("CLOSED");
    assertThat(record.path("plannedCompletionAt").asText()).isEqualTo("2026-11-23T11:00:00Z");
    assertThat(record.path("sla").path("responseMet").asBoolean()).isTrue();
    assertThat(record.path("sla").path("resolutionMet").asBoolean()).isTrue();
    assertThat(record.path("sla").path("paused").asText()).isEqualTo("PT0S");
    assertThat(record.path("reworkCount").asInt()).isZero();
    assertThat(record.path("firstTimeRight").asBoolean()).isTrue();
    assertThat(record.path("cost").path("effortHours").decimalValue()).isEqualByComparingTo("2");
    assertThat(record.path("cost").path("ratePerHour").decimalValue()).isEqualByComparingTo("80");
    assertThat(record.path("cost").path("materials").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(record.path("cost").path("total").decimalValue()).isEqualByComparingTo("172.50");
    assertThat(record.path("cost").path("currency").asText()).isEqualTo("EUR");
    assertThat(record.path("billingStatus").asText()).isEqualTo("UNBILLED");
    assertThat(record.path("feedback").path("rating").asInt()).isEqualTo(4);
    assertThat(record.path("steps").findValuesAsText("activityId"))
        .containsSubsequence(
            "Task_ReceiveRequest",
            "Task_PlanDelivery",
            "Task_AllocateResource",
            "Task_ExecuteServiceActivities",
            "Task_CompleteServiceDelivery",
            "Task_ReviewQuality",
            "Task_CloseRequest");
    JsonNode execution = step(record, "Task_ExecuteServiceActivities");
    assertThat(execution.path("process").asText()).isEqualTo("service-delivery");
    assertThat(execution.path("assignee").asText()).isEqualTo("staff2");
    assertThat(execution.has("startedAt")).isTrue();
    assertThat(execution.has("endedAt")).isTrue();
    assertThat(execution.path("duration").asText()).startsWith("PT");
    assertThat(step(record, "Task_ReviewQuality").path("process").asText()).isEqualTo("quality-control");
  }

  @Test
  void coordinatorsAndManagersReadEveryRecordTheOtherStaffOnlyTheirsAndTheCustomersSystemsNone() {
    String requestId = deliveries.submit();

    for (String user : new String[] {"coordinator", "manager"}) {
      assertThat(record(user, requestId).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    // nobody of them works on the request yet (see RecordAccessApiTest for the staff's own requests)
    for (String user : new String[] {"staff1", "qa", "analyst"}) {
      assertThat(record(user, requestId).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(record("portal", requestId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode open = record("coordinator", requestId).getBody();
    assertThat(open.path("outcome").asText()).isEqualTo("OPEN");
    assertThat(open.path("billingStatus").asText()).isEqualTo("NOT_BILLABLE");
    assertThat(open.has("cost")).isFalse();
    assertThat(step(open, "Task_PlanDelivery").has("endedAt")).as("still open").isFalse();
  }

  @Test
  void anUnknownRequestIsA404Problem() {
    ResponseEntity<JsonNode> response = record("manager", "SR-999999");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("requestId").asText()).isEqualTo("SR-999999");
  }

  private ResponseEntity<JsonNode> record(String user, String requestId) {
    return http.withBasicAuth(user, user)
        .getForEntity("/api/service-requests/" + requestId + "/record", JsonNode.class);
  }

  private static JsonNode step(JsonNode record, String activityId) {
    for (JsonNode step : record.path("steps")) {
      if (step.path("activityId").asText().equals(activityId)) {
        return step;
      }
    }
    throw new AssertionError("No step " + activityId + " in " + record.path("steps"));
  }
}
