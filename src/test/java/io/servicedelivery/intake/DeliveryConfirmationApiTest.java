package io.servicedelivery.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.records.ClosedBy;
import io.servicedelivery.records.DeliveryObjections;
import io.servicedelivery.records.RequestOutcome;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer confirms or objects to a completed delivery through the API (issue 15). */
@WebIntegrationTest
class DeliveryConfirmationApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;
  @Autowired DeliveryObjections objections;

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
  void theCustomerConfirmsACompletedDeliveryAndTheRequestIsClosed() {
    String requestId = deliveries.resolve(1.0, 0);
    assertThat(view(requestId).path("status").asText()).isEqualTo("COMPLETED");

    ResponseEntity<JsonNode> confirmed = post(requestId, "confirmation", null);

    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(confirmed.getBody().path("status").asText()).isEqualTo("CLOSED");
    assertThat(confirmed.getBody().path("timeline").findValuesAsText("event"))
        .containsExactly("RECEIVED", "PLANNED", "IN_PROGRESS", "COMPLETED", "CLOSED");
    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.closedBy()).isEqualTo(ClosedBy.CONFIRMED);
    assertThat(record.firstTimeRight()).isTrue();

    ResponseEntity<JsonNode> again = post(requestId, "confirmation", null);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(again.getBody().path("detail").asText()).contains("not completed and waiting");
  }

  @Test
  void anObjectionReopensTheRequestWithTheCustomersWordsUntilItIsDeliveredAgainAndConfirmed() {
    String requestId = deliveries.resolve(1.0, 0);

    ResponseEntity<JsonNode> objected =
        post(requestId, "objection", Map.of("reason", "The VPN drops every ten minutes"));

    assertThat(objected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(objected.getBody().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(objected.getBody().path("timeline").findValuesAsText("event"))
        .containsExactly("RECEIVED", "PLANNED", "IN_PROGRESS", "COMPLETED", "REOPENED", "IN_PROGRESS");
    Task execute =
        taskService.createTaskQuery().processInstanceBusinessKey(requestId)
            .taskDefinitionKey(ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES).singleResult();
    assertThat(execute.getAssignee()).isEqualTo("staff2");
    assertThat(formService.getTaskFormVariables(execute.getId())
            .getValueTyped(ServiceDeliveryProcess.Variables.CUSTOMER_OBJECTION).getValue())
        .isEqualTo("The VPN drops every ten minutes");
    assertThat(records.get(requestId).reopenCount()).isEqualTo(1);
    assertThat(objections.of(requestId)).extracting(DeliveryObjections.Objection::objection)
        .containsExactly("The VPN drops every ten minutes");
    assertThat(post(requestId, "confirmation", null).getStatusCode())
        .as("nothing to confirm while it is worked on again").isEqualTo(HttpStatus.CONFLICT);

    deliveries.complete(requestId, "Task_ExecuteServiceActivities", Map.of(
        "progressStatus", "DONE",
        "progressReport", "Replaced the VPN profile; stable for an hour",
        "effortHours", 1.5,
        "materialsCost", 0,
        "checklistConfirmed", new ArrayList<>(catalog.get("NETWORK_ACCESS").checklist())));
    deliveries.complete(requestId, "Task_ReviewQuality", Map.of("qualityVerdict", "PASSED"));
    assertThat(view(requestId).path("status").asText()).isEqualTo("COMPLETED");
    deliveries.confirm(requestId);

    ServiceDeliveryRecord record = records.get(requestId);
    assertThat(record.outcome()).isEqualTo(RequestOutcome.CLOSED);
    assertThat(record.reopenCount()).isEqualTo(1);
    assertThat(record.firstTimeRight()).as("reopened once").isFalse();
    assertThat(view(requestId).path("timeline").findValuesAsText("event"))
        .containsExactly(
            "RECEIVED", "PLANNED", "IN_PROGRESS", "COMPLETED", "REOPENED", "IN_PROGRESS", "COMPLETED", "CLOSED");
    JsonNode kept =
        http.withBasicAuth("coordinator", "coordinator")
            .getForObject("/api/service-requests/" + requestId + "/record", JsonNode.class);
    assertThat(kept.path("reopenCount").asInt()).isEqualTo(1);
    assertThat(kept.path("objections").findValuesAsText("objection"))
        .containsExactly("The VPN drops every ten minutes");
    assertThat(kept.path("closedBy").asText()).isEqualTo("CONFIRMED");
    assertThat(kept.path("resolvedAt").isTextual()).isTrue();
    assertThat(kept.path("firstTimeRight").asBoolean()).isFalse();
  }

  @Test
  void anObjectionNeedsAReasonAndOnlyACompletedRequestTakesOne() {
    String completed = deliveries.resolve(1.0, 0);
    String open = deliveries.submit();

    ResponseEntity<JsonNode> noReason = post(completed, "objection", Map.of("reason", " "));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().path("errors").findValuesAsText("field")).containsExactly("reason");

    ResponseEntity<JsonNode> notCompleted = post(open, "objection", Map.of("reason", "Nothing happened yet"));
    assertThat(notCompleted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(open, "confirmation", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("SR-999999", "confirmation", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("staff1", "staff1")
            .postForEntity("/api/service-requests/" + completed + "/confirmation", null, JsonNode.class)
            .getStatusCode())
        .as("the customer's decision, not the staff's").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(records.get(completed).awaitsConfirmation()).isTrue();
  }

  @Test
  void aCompletedRequestCannotBeCancelledAnyMore() {
    String requestId = deliveries.resolve(1.0, 0);

    ResponseEntity<JsonNode> cancelled = post(requestId, "cancellation", Map.of("reason", "Not needed any more"));

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(cancelled.getBody().path("detail").asText())
        .contains("already completed and waits for the customer's confirmation");
    assertThat(records.get(requestId).outcome()).isEqualTo(RequestOutcome.OPEN);
    assertThat(view(requestId).path("status").asText()).isEqualTo("COMPLETED");
  }

  private ResponseEntity<JsonNode> post(String requestId, String action, Object body) {
    return http.withBasicAuth("portal", "portal")
        .postForEntity("/api/service-requests/" + requestId + "/" + action, body, JsonNode.class);
  }

  private JsonNode view(String requestId) {
    return http.withBasicAuth("portal", "portal").getForObject("/api/service-requests/" + requestId, JsonNode.class);
  }
}
