package io.servicedelivery.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.TemporaryUsers;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine REST API over HTTP with real authentication: each step of a request is done by a user of the group
 * that owns it, nobody else sees or completes it, and anonymous callers are turned away.
 */
@WebIntegrationTest
class EngineRestWorkflowTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  private final List<String> requests = new ArrayList<>();

  @AfterEach
  void deleteRequests() {
    requests.forEach(
        id ->
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).rootProcessInstances().list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test", true, true)));
    jdbc.sql("delete from resource_reservation").update();
  }

  @Test
  void everyStepIsDoneByTheRightGroupThroughTheEngineRestApi() {
    String requestId = startRequestAs("coordinator", "NETWORK_ACCESS", "VPN_ACCESS", "HIGH");

    String plan = onlyTaskOf("coordinator", requestId, "Task_PlanDelivery");
    assertThat(tasksOf("staff1", requestId)).as("staff1 sees nothing of the coordinators' work").isEmpty();
    submit(
        "coordinator",
        plan,
        Map.of(
            "plannedStart", value("2026-11-23T10:00+01:00"),
            "plannedCompletion", value("2026-11-23T12:00+01:00"),
            "deliveryInstructions", value("Standard VPN profile")));

    String execute = onlyTaskOf("staff2", requestId, "Task_ExecuteServiceActivities");
    assertThat(tasksOf("staff1", requestId)).as("the task is assigned to staff2 only").isEmpty();
    submit(
        "staff2",
        execute,
        Map.of(
            "checklistConfirmed",
            Map.of(
                "type", "Object",
                "value",
                    "[\"Access approved by the data owner\",\"Account or rule configured\","
                        + "\"Connectivity tested with the user\",\"Change recorded in the configuration database\"]",
                "valueInfo",
                    Map.of(
                        "objectTypeName", "java.util.ArrayList",
                        "serializationDataFormat", "application/json")),
            "progressStatus", value("DONE"),
            "progressReport", value("VPN profile deployed and tested with the user"),
            "effortHours", value(1.25)));

    String review = onlyTaskOf("qa", requestId, "Task_ReviewQuality");
    assertThat(tasksOf("staff1", requestId)).as("staff1 cannot see the quality review").isEmpty();
    assertThat(http.withBasicAuth("staff1", "staff1").getForEntity("/engine-rest/task/" + review, String.class)
            .getStatusCode().is4xxClientError())
        .isTrue();
    ResponseEntity<String> forbidden =
        http.withBasicAuth("staff1", "staff1")
            .postForEntity(
                "/engine-rest/task/" + review + "/submit-form",
                Map.of("variables", Map.of("qualityVerdict", value("PASSED"))),
                String.class);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(onlyTaskOf("qa", requestId, "Task_ReviewQuality")).as("still open").isEqualTo(review);

    ResponseEntity<String> incomplete =
        http.withBasicAuth("qa", "qa")
            .postForEntity(
                "/engine-rest/task/" + review + "/submit-form",
                Map.of("variables", Map.of("qualityVerdict", value("FAILED"))),
                String.class);
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody()).contains("A failed quality review needs at least one finding");
    assertThat(onlyTaskOf("qa", requestId, "Task_ReviewQuality")).as("still open").isEqualTo(review);

    submit("qa", review, Map.of("qualityVerdict", value("PASSED")));
    // the request is closed with the review; the customer's mail is sent in a job of its own, which this test
    // context (no job executor) runs itself
    AsyncJobs.runDue(managementService, null);
    // the customer confirms the completed delivery; the request is closed then
    assertThat(
            http.withBasicAuth("coordinator", "coordinator")
                .postForEntity("/api/service-requests/" + requestId + "/confirmation", null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    AsyncJobs.runDue(managementService, null);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId).count()).isZero();
    assertThat(
            historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(requestId).list().stream()
                .map(task -> task.getTaskDefinitionKey() + ":" + task.getAssignee())
                .toList())
        .containsExactlyInAnyOrder(
            "Task_PlanDelivery:null", "Task_ExecuteServiceActivities:staff2", "Task_ReviewQuality:null");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(requestId)
                .processDefinitionKey("service-delivery")
                .singleResult()
                .getEndActivityId())
        .isEqualTo("EndEvent_RequestClosed");
  }

  @Test
  void anonymousCallsAndWrongPasswordsGet401() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user of its own: Camunda delays logins after a failed attempt, which must not slow the demo users down
    String userId = TemporaryUsers.create(identityService);
    assertThat(http.withBasicAuth(userId, "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    identityService.deleteUser(userId);
    assertThat(http.postForEntity("/engine-rest/process-definition/key/service-delivery/start", Map.of(), String.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void qualityLeadsMayOpenACapaInTasklistOthersMayNot() {
    Map<String, Object> capa =
        Map.of(
            "variables",
            Map.of(
                "capaTitle", value("Recurring licence mix-ups"),
                "capaProblem", value("Licences of other customers were assigned twice this month")));

    ResponseEntity<String> byStaff =
        http.withBasicAuth("staff1", "staff1")
            .postForEntity("/engine-rest/process-definition/key/capa/submit-form", capa, String.class);
    ResponseEntity<JsonNode> byQa =
        http.withBasicAuth("qa", "qa")
            .postForEntity("/engine-rest/process-definition/key/capa/submit-form", capa, JsonNode.class);

    // staff may not even see the process (404)
    assertThat(byStaff.getStatusCode().is4xxClientError()).as(byStaff.getBody()).isTrue();
    assertThat(byQa.getStatusCode()).isEqualTo(HttpStatus.OK);
    String capaId = byQa.getBody().path("businessKey").asText();
    assertThat(capaId).startsWith("CAPA-");
    assertThat(onlyTaskOf("qa", capaId, "Task_AnalyseRootCause")).isNotNull();
    runtimeService.deleteProcessInstance(byQa.getBody().path("id").asText(), "test finished");
  }

  @Test
  void onlyServiceCoordinatorsMayStartRequests() {
    ResponseEntity<String> response =
        http.withBasicAuth("staff1", "staff1")
            .postForEntity(
                "/engine-rest/process-definition/key/service-delivery/submit-form",
                Map.of("variables", Map.of("title", value("Sneaky"))),
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void everyGroupSeesTheSharedFiltersAndSlaAtRiskListsTasksAtRiskOrDueWithinFourHours() {
    for (String user : List.of("manager", "coordinator", "staff1", "qa", "analyst")) {
      JsonNode filters = http.withBasicAuth(user, user).getForObject("/engine-rest/filter", JsonNode.class);
      List<String> names = new ArrayList<>();
      filters.forEach(filter -> names.add(filter.path("name").asText()));
      assertThat(names)
          .as(user)
          .containsExactlyInAnyOrder(
              TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.SLA_AT_RISK);
    }
    String critical = startRequestAs("coordinator", "NETWORK_ACCESS", "NEW_ACCESS", "CRITICAL"); // plan within 15 min
    String low = startRequestAs("coordinator", "NETWORK_ACCESS", "NEW_ACCESS", "LOW"); // plan within 8 h

    assertThat(filterList("coordinator", TasklistFilters.SLA_AT_RISK)).contains(critical).doesNotContain(low);
    assertThat(filterList("coordinator", TasklistFilters.MY_GROUPS_TASKS)).contains(critical, low);

    String lowInstance =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(low).singleResult().getId();
    runtimeService.setVariable(lowInstance, Variables.SLA_STATE, "AT_RISK");
    assertThat(filterList("coordinator", TasklistFilters.SLA_AT_RISK)).contains(critical, low);
    assertThat(filterList("staff1", TasklistFilters.MY_GROUPS_TASKS)).doesNotContain(critical, low);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private String startRequestAs(String user, String service, String type, String priority) {
    JsonNode instance =
        http.withBasicAuth(user, user)
            .postForObject(
                "/engine-rest/process-definition/key/service-delivery/submit-form",
                Map.of(
                    "variables",
                    Map.of(
                        "serviceCode", value(service),
                        "requestType", value(type),
                        "priority", value(priority),
                        "title", value("Network access for the new office"),
                        "description", value("Twelve desks on the third floor"),
                        "requesterName", value("Ada Customer"),
                        "requesterEmail", value("ada@customer.example"))),
                JsonNode.class);
    String requestId = instance.path("businessKey").asText();
    assertThat(requestId).as(instance.toString()).startsWith("SR-");
    requests.add(requestId);
    return requestId;
  }

  private List<String> tasksOf(String user, String requestId) {
    JsonNode tasks =
        http.withBasicAuth(user, user)
            .getForObject("/engine-rest/task?processInstanceBusinessKey=" + requestId, JsonNode.class);
    return tasks.findValuesAsText("taskDefinitionKey");
  }

  private String onlyTaskOf(String user, String requestId, String taskDefinitionKey) {
    JsonNode tasks =
        http.withBasicAuth(user, user)
            .getForObject(
                "/engine-rest/task?processInstanceBusinessKey=" + requestId + "&taskDefinitionKey=" + taskDefinitionKey,
                JsonNode.class);
    assertThat(tasks).as(user + " sees " + taskDefinitionKey).hasSize(1);
    return tasks.get(0).path("id").asText();
  }

  private void submit(String user, String taskId, Map<String, Object> variables) {
    ResponseEntity<String> response =
        http.withBasicAuth(user, user)
            .postForEntity(
                "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<String> filterList(String user, String filterName) {
    JsonNode filters =
        http.withBasicAuth(user, user).getForObject("/engine-rest/filter?name=" + filterName, JsonNode.class);
    String filterId = filters.get(0).path("id").asText();
    JsonNode tasks =
        http.withBasicAuth(user, user).getForObject("/engine-rest/filter/" + filterId + "/list", JsonNode.class);
    List<String> processInstanceIds = tasks.findValuesAsText("processInstanceId");
    return processInstanceIds.stream()
        .map(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey())
        .toList();
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

}
