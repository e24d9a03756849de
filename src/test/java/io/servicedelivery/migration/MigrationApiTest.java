package io.servicedelivery.migration;

import static io.servicedelivery.migration.NextServiceDeliveryVersion.PERFORM_SERVICE_ACTIVITIES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.HttpBrowser;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration API over HTTP: versions with their running requests, the validation with a request that cannot move
 * and why, the 400s naming the field, a batch started (201), watched and refused a second time (409), and 403 for
 * anybody but the operations managers. The next version of service-delivery is deployed for each test and deleted
 * after it: the other tests of this shared application context start their requests on the current version.
 */
@WebIntegrationTest
class MigrationApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper objectMapper;
  @LocalServerPort int port;

  private ApiDeliveries deliveries;
  private int current;
  private String waitingToBePlanned;
  private String beingExecuted;
  private String nextDeployment;

  @BeforeEach
  void requestsOnTheCurrentVersionAndTheNextVersionDeployed() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
    current = latestVersion();
    waitingToBePlanned = deliveries.submit();
    beingExecuted = deliveries.submit();
    deliveries.complete(beingExecuted, "Task_PlanDelivery", Map.of(
        "plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00",
        "deliveryInstructions", "Standard profile"));
    nextDeployment = NextServiceDeliveryVersion.deploy(repositoryService);
  }

  @AfterEach
  void removeNextVersionAndRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
    repositoryService.deleteDeployment(nextDeployment, true);
    managementService.createBatchQuery().list().forEach(batch -> managementService.deleteBatch(batch.getId(), true));
  }

  @Test
  void versionsCountTheirRunningRequests() {
    ResponseEntity<JsonNode> versions =
        http.withBasicAuth("manager", "manager")
            .getForEntity("/api/migrations/versions?processKey=service-delivery", JsonNode.class);

    assertThat(versions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(versions.getBody()).hasSize(2);
    JsonNode next = versions.getBody().get(0);
    assertThat(next.path("version").asInt()).isEqualTo(current + 1);
    assertThat(next.path("latest").asBoolean()).isTrue();
    assertThat(next.path("runningInstances").asLong()).isZero();
    JsonNode old = versions.getBody().get(1);
    assertThat(old.path("version").asInt()).isEqualTo(current);
    assertThat(old.path("runningInstances").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(http.withBasicAuth("manager", "manager").getForObject("/api/migrations/processes", JsonNode.class))
        .extracting(JsonNode::asText)
        .contains(ServiceDeliveryProcess.KEY, "resource-allocation");
  }

  @Test
  void theValidationNamesTheRequestThatCannotMoveAndWhy() {
    ResponseEntity<JsonNode> response =
        post("/api/migrations/validation", request(List.of(), Map.of(), List.of()), "manager");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode validation = response.getBody();
    assertThat(validation.path("planValid").asBoolean()).isTrue();
    JsonNode executing = instance(validation, beingExecuted);
    assertThat(executing.path("canMove").asBoolean()).isFalse();
    assertThat(executing.path("reasons").toString())
        .contains("Task_ExecuteServiceActivities")
        .contains("'planReviewers'");
    assertThat(instance(validation, waitingToBePlanned).path("reasons")).hasSize(1);

    JsonNode withInstructionAndVariable =
        post("/api/migrations/validation",
            request(List.of(instruction("Task_ExecuteServiceActivities", PERFORM_SERVICE_ACTIVITIES)),
                NextServiceDeliveryVersion.variables(), List.of()),
            "manager")
            .getBody();
    assertThat(instance(withInstructionAndVariable, beingExecuted).path("canMove").asBoolean()).isTrue();
    assertThat(instance(withInstructionAndVariable, waitingToBePlanned).path("canMove").asBoolean()).isTrue();
  }

  @Test
  void badInputIsA400NamingTheField() {
    Map<String, Object> same = request(List.of(), Map.of(), List.of());
    same.put("targetVersion", current);
    assertBadRequest(same, "targetVersion");

    Map<String, Object> unknownVersion = request(List.of(), Map.of(), List.of());
    unknownVersion.put("sourceVersion", 99);
    assertBadRequest(unknownVersion, "sourceVersion");

    assertBadRequest(request(List.of(instruction("Task_NoSuchTask", PERFORM_SERVICE_ACTIVITIES)), Map.of(), List.of()),
        "instructions[0].sourceActivityId");

    Map<String, Object> unknownProcess = request(List.of(), Map.of(), List.of());
    unknownProcess.put("processKey", "no-such-process");
    assertBadRequest(unknownProcess, "processKey");

    assertBadRequest(request(List.of(), Map.of(), List.of("not-an-instance")), "processInstanceIds[0]");
  }

  @Test
  void aStartedMigrationIsABatchToWatchAndASecondOfTheSameRequestsIsAConflict() {
    JsonNode customerViewBefore = customerView(beingExecuted);
    Map<String, Object> request =
        request(List.of(instruction("Task_ExecuteServiceActivities", PERFORM_SERVICE_ACTIVITIES)),
            NextServiceDeliveryVersion.variables(), List.of(instanceIdOf(waitingToBePlanned), instanceIdOf(beingExecuted)));

    ResponseEntity<JsonNode> started = post("/api/migrations", request, "manager");

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String batchId = started.getBody().path("batchId").asText();
    assertThat(started.getHeaders().getLocation()).hasToString("/api/migrations/" + batchId);
    assertThat(started.getBody().path("instances").asInt()).isEqualTo(2);
    assertThat(started.getBody().path("startedBy").asText()).isEqualTo("manager");

    ResponseEntity<JsonNode> again = post("/api/migrations", request, "manager");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().path("runningBatchId").asText()).isEqualTo(batchId);

    JsonNode running = watch(batchId);
    assertThat(running.path("finished").asBoolean()).isFalse();
    assertThat(running.path("jobsDone").asLong()).isZero();

    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    runJobs(batch.getSeedJobDefinitionId());
    runJobs(batch.getBatchJobDefinitionId());
    assertThat(watch(batchId).path("jobsDone").asLong()).isEqualTo(2);
    runJobs(batch.getMonitorJobDefinitionId());

    JsonNode finished = watch(batchId);
    assertThat(finished.path("finished").asBoolean()).isTrue();
    assertThat(finished.path("jobs").asLong()).isEqualTo(2);
    assertThat(finished.path("targetVersion").asInt()).isEqualTo(current + 1);
    assertThat(http.withBasicAuth("manager", "manager").getForObject("/api/migrations", JsonNode.class).toString())
        .contains(batchId);
    assertThat(customerView(beingExecuted)).as("the customer's view of the request").isEqualTo(customerViewBefore);
    assertThat(http.withBasicAuth("manager", "manager")
            .getForObject("/api/service-requests/" + beingExecuted + "/record", JsonNode.class)
            .path("processVersion").asInt())
        .as("the record's process version")
        .isEqualTo(current + 1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(beingExecuted)
        .taskDefinitionKey(PERFORM_SERVICE_ACTIVITIES).count()).isEqualTo(1);
    assertThat(http.withBasicAuth("manager", "manager").getForEntity("/api/migrations/no-such-batch", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyOperationsManagersMayMigrate() {
    for (String user : List.of("coordinator", "portal")) {
      assertThat(http.withBasicAuth(user, user).getForEntity("/api/migrations/versions", String.class).getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post("/api/migrations", request(List.of(), Map.of(), List.of()), user).getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(http.getForEntity("/api/migrations", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theDashboardValidatesWithTheSessionAndItsCsrfTokenOnly() throws Exception {
    HttpBrowser manager = new HttpBrowser(port);
    manager.signIn("manager", "manager");
    String token = objectMapper.readTree(manager.get("/dashboard/api/session").body()).path("csrfToken").asText();
    String body = objectMapper.writeValueAsString(request(List.of(), Map.of(), List.of()));

    assertThat(postJson(manager, "/dashboard/api/migrations/validation", body).statusCode())
        .as("without the CSRF token")
        .isEqualTo(403);
    HttpResponse<String> validated =
        postJson(manager, "/dashboard/api/migrations/validation", body, "X-CSRF-TOKEN", token);
    assertThat(validated.statusCode()).isEqualTo(200);
    assertThat(objectMapper.readTree(validated.body()).path("instances").size()).isGreaterThanOrEqualTo(2);
    assertThat(postJson(new HttpBrowser(port), "/dashboard/api/migrations", body).statusCode())
        .as("without a session (and so without a token: the CSRF check refuses it first)")
        .isEqualTo(403);
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  private static HttpResponse<String> postJson(HttpBrowser browser, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        browser.request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return browser.send(request);
  }

  private int latestVersion() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
        .latestVersion().singleResult().getVersion();
  }

  private Map<String, Object> request(
      List<Map<String, Object>> instructions, Map<String, Object> variables, List<String> instanceIds) {
    Map<String, Object> request = new HashMap<>();
    request.put("processKey", ServiceDeliveryProcess.KEY);
    request.put("sourceVersion", current);
    request.put("targetVersion", current + 1);
    request.put("instructions", new ArrayList<>(instructions));
    request.put("variables", variables);
    request.put("processInstanceIds", instanceIds);
    return request;
  }

  private static Map<String, Object> instruction(String source, String target) {
    return Map.of("sourceActivityId", source, "targetActivityId", target, "updateEventTrigger", false);
  }

  private ResponseEntity<JsonNode> post(String path, Object body, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private void assertBadRequest(Map<String, Object> request, String field) {
    ResponseEntity<JsonNode> response = post("/api/migrations/validation", request, "manager");
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().path("errors").findValuesAsText("field")).as(response.getBody().toString())
        .contains(field);
  }

  private JsonNode watch(String batchId) {
    ResponseEntity<JsonNode> status =
        http.withBasicAuth("manager", "manager").getForEntity("/api/migrations/" + batchId, JsonNode.class);
    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
    return status.getBody();
  }

  private JsonNode customerView(String requestId) {
    return http.withBasicAuth("portal", "portal").getForObject("/api/service-requests/" + requestId, JsonNode.class);
  }

  private String instanceIdOf(String requestId) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
        .processDefinitionKey(ServiceDeliveryProcess.KEY).singleResult().getId();
  }

  private static JsonNode instance(JsonNode validation, String requestId) {
    for (JsonNode instance : validation.path("instances")) {
      if (instance.path("businessKey").asText().equals(requestId)) {
        return instance;
      }
    }
    throw new AssertionError(requestId + " is not in " + validation);
  }

  private void runJobs(String jobDefinitionId) {
    managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }
}
