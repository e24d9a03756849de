package io.servicedelivery.engine;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.quality.QualityControlProcess.Variables;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.HttpBrowser;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the owner of a task may submit through {@code /engine-rest}: values its form would refuse are a 400 problem
 * naming the field and the reason, never a 500 nor a Java class name; variables its form does not submit are a 400
 * as well; and process variables are written directly by Camunda administrators only. Nothing refused changes the
 * request: the task stays open and every variable keeps its value.
 */
@WebIntegrationTest
class TaskFormInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private ApiDeliveries deliveries;

  @BeforeEach
  void deliveries() {
    deliveries = new ApiDeliveries(http, taskService, catalog);
  }

  @AfterEach
  void cleanUp() {
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  @Test
  void plannedDatesThatAreNoDatesWithAnOffsetAreRefusedNamingTheField() throws Exception {
    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();

    for (Object start : List.of("not-a-date", "2026-02-30T10:00+01:00",
        "2026-11-23T24:00+01:00", "", 20261123)) {
      Map<String, Object> values = plan("2026-11-23T12:00+01:00");
      values.put(ResourceAllocationProcess.Variables.PLANNED_START, start);
      assertRefused(submitForm("coordinator", plan, values), ResourceAllocationProcess.Variables.PLANNED_START);
    }
    Map<String, Object> withoutStart = plan("2026-11-23T12:00+01:00");
    withoutStart.remove(ResourceAllocationProcess.Variables.PLANNED_START);
    assertRefused(submitForm("coordinator", plan, withoutStart), ResourceAllocationProcess.Variables.PLANNED_START);

    assertThat(openTask(requestId, PLAN_DELIVERY).getId()).as("still open").isEqualTo(plan);
    assertThat(variable(requestId, ResourceAllocationProcess.Variables.PLANNED_START)).as("nothing saved").isNull();
  }

  @Test
  void plannedDatesWithoutAnOffsetAreTheWallClockTimesOfTheRequestsCalendar() throws Exception {
    String requestId = deliveries.submit(); // HIGH network access: its SLA counts in the 24x7 calendar, in UTC
    String plan = openTask(requestId, PLAN_DELIVERY).getId();

    ResponseEntity<String> accepted =
        submitForm(
            "coordinator",
            plan,
            with(plan("2026-11-23T12:00"), ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-23T10:00"));

    assertThat(accepted.getStatusCode().value()).isEqualTo(204);
    assertThat(((Date) variable(requestId, ResourceAllocationProcess.Variables.PLANNED_START)).toInstant())
        .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(((Date) variable(requestId, ResourceAllocationProcess.Variables.PLANNED_COMPLETION)).toInstant())
        .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
  }

  @Test
  void aPlanEndingBeforeItStartsIsRefused() throws Exception {
    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();

    JsonNode problem =
        assertRefused(submitForm("coordinator", plan, plan("2026-11-23T09:00+01:00")), ResourceAllocationProcess.Variables.PLANNED_COMPLETION);

    assertThat(problem.path("message").asText())
        .isEqualTo("plannedCompletion: must be after the planned start (Mon 23 Nov 2026, 09:00 UTC)");
    assertThat(openTask(requestId, PLAN_DELIVERY).getId()).isEqualTo(plan);
  }

  @Test
  void aPlanEndingAfterTheResolutionDueTimeNeedsAReason() throws Exception {
    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();
    Instant due = ((Date) variable(requestId, ServiceDeliveryProcess.Variables.RESOLUTION_DUE_AT)).toInstant();
    Map<String, Object> late = new HashMap<>();
    late.put(ResourceAllocationProcess.Variables.PLANNED_START, formDateTime(due.minus(1, ChronoUnit.HOURS)));
    late.put(ResourceAllocationProcess.Variables.PLANNED_COMPLETION, formDateTime(due.plus(1, ChronoUnit.DAYS)));
    late.put(ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS, "Standard profile");

    assertRefused(submitForm("coordinator", plan, late), ServiceDeliveryProcess.Variables.PLAN_DEVIATION_REASON);
    assertThat(openTask(requestId, PLAN_DELIVERY).getId()).isEqualTo(plan);

    late.put(ServiceDeliveryProcess.Variables.PLAN_DEVIATION_REASON, "The customer's site is closed until then");
    assertThat(submitForm("coordinator", plan, late).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(openTask(requestId, PLAN_DELIVERY)).isNull();
  }

  @Test
  void effortMaterialsAndProgressThatAreNoValidNumbersOrChoicesAreRefused() throws Exception {
    String requestId = planned();
    Task execute = openTask(requestId, EXECUTE_SERVICE_ACTIVITIES);
    String assignee = execute.getAssignee();

    assertRefused(submitForm(assignee, execute.getId(), with(report(), Variables.EFFORT_HOURS, -3)),
        Variables.EFFORT_HOURS);
    assertRefused(submitForm(assignee, execute.getId(), with(report(), Variables.EFFORT_HOURS, "abc")),
        Variables.EFFORT_HOURS);
    assertRefused(
        submit(assignee, execute.getId(), "submit-form",
            typed(with(report(), Variables.EFFORT_HOURS, "NaN"), Variables.EFFORT_HOURS, "Double")),
        Variables.EFFORT_HOURS);
    assertRefused(submitForm(assignee, execute.getId(), without(report(), Variables.EFFORT_HOURS)),
        Variables.EFFORT_HOURS);
    assertRefused(submitForm(assignee, execute.getId(), without(report(), Variables.PROGRESS_STATUS)),
        Variables.PROGRESS_STATUS);
    assertRefused(submitForm(assignee, execute.getId(), with(report(), Variables.PROGRESS_STATUS, "ALMOST")),
        Variables.PROGRESS_STATUS);
    assertRefused(submitForm(assignee, execute.getId(), with(report(), ServiceDeliveryProcess.Variables.MATERIALS_COST, -5)),
        ServiceDeliveryProcess.Variables.MATERIALS_COST);

    assertThat(openTask(requestId, EXECUTE_SERVICE_ACTIVITIES).getId()).as("still open").isEqualTo(execute.getId());
    assertThat(variable(requestId, Variables.EFFORT_HOURS)).as("nothing saved").isNull();

    assertThat(submitForm(assignee, execute.getId(), report()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aVerdictOrSeverityOutsideTheirChoicesOrAFailureWithoutFindingsIsRefused() throws Exception {
    String requestId = planned();
    deliveries.complete(requestId, EXECUTE_SERVICE_ACTIVITIES, report());
    String review = openTask(requestId, REVIEW_QUALITY).getId();

    JsonNode bare =
        assertRefused(submitForm("qa", review, Map.of(Variables.QUALITY_VERDICT, "FAILED")),
            Variables.QUALITY_FINDINGS, Variables.FINDING_SEVERITY);
    assertThat(bare.path("message").asText())
        .startsWith("qualityFindings: A failed quality review needs at least one finding");
    assertRefused(submitForm("qa", review, Map.of(Variables.QUALITY_VERDICT, "FAILED",
        Variables.QUALITY_FINDINGS, " \n ", Variables.FINDING_SEVERITY, "MINOR")), Variables.QUALITY_FINDINGS);
    assertRefused(submitForm("qa", review, Map.of(Variables.QUALITY_VERDICT, "MAYBE")), Variables.QUALITY_VERDICT);
    assertRefused(submitForm("qa", review, Map.of(Variables.QUALITY_VERDICT, "FAILED",
        Variables.QUALITY_FINDINGS, "Profile not tested", Variables.FINDING_SEVERITY, "SEVERE")),
        Variables.FINDING_SEVERITY);

    assertThat(openTask(requestId, REVIEW_QUALITY).getId()).as("still open").isEqualTo(review);
  }

  @Test
  void theAssigneeCannotRewriteProcessVariablesThroughTheVariableEndpoints() throws Exception {
    String requestId = planned();
    Task execute = openTask(requestId, EXECUTE_SERVICE_ACTIVITIES);
    String assignee = execute.getAssignee();
    String processInstanceId = execute.getProcessInstanceId();
    Object email = variable(requestId, ServiceDeliveryProcess.Variables.REQUESTER_EMAIL);
    Map<String, Object> outside = Map.of("value", "someone@outside.example", "type", "String");

    List<ResponseEntity<String>> attempts =
        List.of(
            call(assignee, HttpMethod.PUT, "/engine-rest/task/" + execute.getId() + "/variables/requesterEmail",
                outside),
            call(assignee, HttpMethod.PUT, "/engine-rest/task/" + execute.getId() + "/localVariables/requesterEmail",
                outside),
            call(assignee, HttpMethod.POST, "/engine-rest/task/" + execute.getId() + "/variables",
                Map.of("modifications", Map.of("requesterEmail", outside))),
            call(assignee, HttpMethod.DELETE, "/engine-rest/task/" + execute.getId() + "/variables/requesterEmail",
                null),
            call(assignee, HttpMethod.PUT,
                "/engine-rest/engine/default/task/" + execute.getId() + "/variables/requesterEmail", outside),
            call(assignee, HttpMethod.PUT,
                "/engine-rest/process-instance/" + processInstanceId + "/variables/requesterEmail", outside),
            call(assignee, HttpMethod.PUT,
                "/engine-rest/execution/" + processInstanceId + "/localVariables/requesterEmail", outside),
            call("coordinator", HttpMethod.PUT,
                "/engine-rest/process-instance/" + processInstanceId + "/variables/requesterEmail", outside));

    for (ResponseEntity<String> attempt : attempts) {
      assertThat(attempt.getStatusCode()).as("%s", attempt.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(attempt.getHeaders().getContentType()).hasToString("application/problem+json");
      assertThat(attempt.getBody()).contains("forms");
    }
    assertThat(variable(requestId, ServiceDeliveryProcess.Variables.REQUESTER_EMAIL)).isEqualTo(email);
    assertThat(taskService.getVariablesLocal(execute.getId())).doesNotContainKey(ServiceDeliveryProcess.Variables.REQUESTER_EMAIL);
    assertThat(call(assignee, HttpMethod.GET, "/engine-rest/task/" + execute.getId() + "/variables/requesterEmail",
        null).getStatusCode()).as("reading stays open").isEqualTo(HttpStatus.OK);

    ResponseEntity<String> byAdministrator =
        call("demo", HttpMethod.PUT, "/engine-rest/process-instance/" + processInstanceId + "/variables/adminNote",
            Map.of("value", "checked", "type", "String"));
    assertThat(byAdministrator.getStatusCode()).as("%s", byAdministrator.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.getVariable(processInstanceId, "adminNote")).isEqualTo("checked");
  }

  @Test
  void aCompletionCarryingVariablesItsFormDoesNotSubmitIsRefusedAndChangesNothing() throws Exception {
    String requestId = planned();
    Task execute = openTask(requestId, EXECUTE_SERVICE_ACTIVITIES);
    String assignee = execute.getAssignee();
    Object rate = variable(requestId, ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR);
    Object email = variable(requestId, ServiceDeliveryProcess.Variables.REQUESTER_EMAIL);

    JsonNode cheaper =
        assertRefused(
            submit(assignee, execute.getId(), "complete",
                values(with(report(), ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR, 0.01))),
            ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR);
    assertThat(cheaper.path("errors")).hasSize(1);
    assertRefused(
        submitForm(assignee, execute.getId(), with(report(), ServiceDeliveryProcess.Variables.REQUESTER_EMAIL, "someone@outside.example")),
        ServiceDeliveryProcess.Variables.REQUESTER_EMAIL);

    assertThat(openTask(requestId, EXECUTE_SERVICE_ACTIVITIES).getId()).as("still open").isEqualTo(execute.getId());
    assertThat(variable(requestId, ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR)).isEqualTo(rate);
    assertThat(variable(requestId, ServiceDeliveryProcess.Variables.REQUESTER_EMAIL)).isEqualTo(email);
    assertThat(variable(requestId, Variables.EFFORT_HOURS)).isNull();

    Map<String, Object> asTasklistSubmitsIt = new LinkedHashMap<>(values(report()));
    asTasklistSubmitsIt.put(
        Variables.CHECKLIST_CONFIRMED,
        Map.of(
            "type", "Object",
            "value", JSON.writeValueAsString(catalog.get("NETWORK_ACCESS").checklist()),
            "valueInfo",
            Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
    assertThat(submit(assignee, execute.getId(), "submit-form", asTasklistSubmitsIt).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(variable(requestId, ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR)).isEqualTo(rate);
  }

  @Test
  void aTaskEndsOnlyThroughItsFormNotThroughAnErrorOrADelegationsResolution() throws Exception {
    String requestId = planned();
    Task execute = openTask(requestId, EXECUTE_SERVICE_ACTIVITIES);
    String assignee = execute.getAssignee();
    Object rate = variable(requestId, ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR);
    String task = "/engine-rest/task/" + execute.getId();

    for (String action : List.of("/bpmnError", "/bpmnEscalation")) {
      ResponseEntity<String> thrown =
          call(assignee, HttpMethod.POST, task + action,
              Map.of("errorCode", "Error_RequestCancelled", "escalationCode", "late",
                  "variables", values(Map.of(ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR, 0.01))));
      assertThat(thrown.getStatusCode()).as("%s %s", action, thrown.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(thrown.getBody()).contains("through its form");
    }
    assertRefused(submit(assignee, execute.getId(), "resolve",
        values(with(report(), ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR, 0.01))), ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR);

    assertThat(openTask(requestId, EXECUTE_SERVICE_ACTIVITIES).getId()).as("still open").isEqualTo(execute.getId());
    assertThat(variable(requestId, ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR)).isEqualTo(rate);
  }

  @Test
  void messagesSignalsAndConditionsAreSentByTheApplicationNotByPeople() throws Exception {
    String businessKey = "SR-CRAFTED-" + System.nanoTime();
    Map<String, Object> crafted =
        Map.of(
            "messageName", "ServiceRequestSubmitted",
            "businessKey", businessKey,
            "processVariables", values(Map.of(Variables.SERVICE_CODE, "NETWORK_ACCESS",
                ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR, 0.01)));

    for (String path : List.of("/engine-rest/message", "/engine-rest/engine/default/message")) {
      ResponseEntity<String> message = call("coordinator", HttpMethod.POST, path, crafted);
      assertThat(message.getStatusCode()).as("%s", message.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(message.getBody()).contains("application's own systems");
    }
    assertThat(call("coordinator", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(call("coordinator", HttpMethod.POST, "/engine-rest/condition",
        Map.of("variables", values(Map.of("anything", 1)))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();

    assertThat(call("demo", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "Signal_NobodyWaitsFor"))
        .getStatusCode()).as("administrators may").isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aStartCarriesOnlyItsStartFormsFieldsAndNoNumberOfItsOwn() throws Exception {
    String start = "/engine-rest/process-definition/key/service-delivery/submit-form";
    long before = runtimeService.createProcessInstanceQuery().count();

    JsonNode cheaper =
        assertRefused(call("coordinator", HttpMethod.POST, start,
            Map.of("variables", values(with(orderForm(), ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR, 0.01)))),
            ServiceDeliveryProcess.Variables.COST_RATE_PER_HOUR);
    assertThat(cheaper.path("detail").asText()).contains("start form", "Service delivery");
    assertRefused(call("coordinator", HttpMethod.POST, "/engine-rest/process-definition/key/service-delivery/start",
        Map.of("variables", values(with(orderForm(), ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE, "staff1")))),
        ServiceDeliveryProcess.Variables.ALLOCATED_RESOURCE);
    assertRefused(call("coordinator", HttpMethod.POST, start,
        Map.of("businessKey", "SR-MINE", "variables", values(orderForm()))), "businessKey");
    ResponseEntity<String> elsewhere =
        call("coordinator", HttpMethod.POST, "/engine-rest/process-definition/key/service-delivery/start",
            Map.of("variables", values(orderForm()),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_CloseRequest"))));
    assertThat(elsewhere.getStatusCode()).as("%s", elsewhere.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

    ResponseEntity<String> throughTheForm =
        call("coordinator", HttpMethod.POST, start, Map.of("variables", values(orderForm())));
    assertThat(throughTheForm.getStatusCode()).as("%s", throughTheForm.getBody()).isEqualTo(HttpStatus.OK);
    String requestId = JSON.readTree(throughTheForm.getBody()).path("businessKey").asText();
    assertThat(requestId).startsWith("SR-");
    assertThat(openTask(requestId, PLAN_DELIVERY)).as("the request is under way").isNotNull();
  }

  @Test
  void tasklistsOwnApiRefusesAStartBeyondTheFormAndAnErrorThrownFromATask() throws Exception {
    TasklistSession tasklist = TasklistSession.signIn(port, "coordinator");
    String definitionId =
        JSON.readTree(call("coordinator", HttpMethod.GET,
            "/engine-rest/process-definition/key/service-delivery", null).getBody()).path("id").asText();

    HttpResponse<String> start =
        tasklist.send("POST", "/process-definition/" + definitionId + "/submit-form",
            JSON.writeValueAsString(Map.of("businessKey", "SR-MINE", "variables", values(orderForm()))));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
    assertThat(JSON.readTree(start.body()).path("message").asText()).startsWith("businessKey: ");

    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();
    HttpResponse<String> error =
        tasklist.send("POST", "/task/" + plan + "/bpmnError", "{\"errorCode\":\"Error_RequestCancelled\"}");
    assertThat(error.statusCode()).as(error.body()).isEqualTo(403);
    assertThat(openTask(requestId, PLAN_DELIVERY).getId()).isEqualTo(plan);
  }

  @Test
  void tasklistsOwnApiAnswersARefusedValueWithA400ItsMessageNamingTheField() throws Exception {
    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();
    TasklistSession tasklist = TasklistSession.signIn(port, "coordinator");

    HttpResponse<String> refused =
        tasklist.send("POST", "/task/" + plan + "/submit-form",
            JSON.writeValueAsString(Map.of("variables", values(plan("2026-11-23T09:00+01:00")))));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .endsWith("plannedCompletion: must be after the planned start (Mon 23 Nov 2026, 09:00 UTC)");
    assertThat(openTask(requestId, PLAN_DELIVERY).getId()).isEqualTo(plan);
  }

  @Test
  void tasklistsOwnApiRefusesExtraVariablesAndVariableWritesAlike() throws Exception {
    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();
    Object email = variable(requestId, ServiceDeliveryProcess.Variables.REQUESTER_EMAIL);
    TasklistSession tasklist = TasklistSession.signIn(port, "coordinator");

    HttpResponse<String> extra =
        tasklist.send("POST", "/task/" + plan + "/submit-form",
            JSON.writeValueAsString(Map.of("variables",
                values(with(plan("2026-11-23T12:00+01:00"), ServiceDeliveryProcess.Variables.REQUESTER_EMAIL, "someone@outside.example")))));
    assertThat(extra.statusCode()).as(extra.body()).isEqualTo(400);
    assertThat(JSON.readTree(extra.body()).path("message").asText()).startsWith("requesterEmail: ");

    HttpResponse<String> write =
        tasklist.send("PUT", "/task/" + plan + "/variables/requesterEmail",
            "{\"value\":\"someone@outside.example\",\"type\":\"String\"}");
    assertThat(write.statusCode()).as(write.body()).isEqualTo(403);

    assertThat(openTask(requestId, PLAN_DELIVERY).getId()).isEqualTo(plan);
    assertThat(variable(requestId, ServiceDeliveryProcess.Variables.REQUESTER_EMAIL)).isEqualTo(email);
  }

  /** Signed in to Tasklist as a person is, calling the API Tasklist calls, with its CSRF token. */
  private record TasklistSession(HttpBrowser browser) {

    static TasklistSession signIn(int port, String user) throws Exception {
      HttpBrowser browser = new HttpBrowser(port);
      HttpResponse<String> login = browser.camundaLogin("default", user, user);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      return new TasklistSession(browser);
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
      return browser.send(
          browser.request("/camunda/api/engine/engine/default" + path)
              .header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
              .method(method, BodyPublishers.ofString(json)));
    }
  }

  @Test
  void javaCallersGetTheRefusalItself() {
    String requestId = deliveries.submit();
    String plan = openTask(requestId, PLAN_DELIVERY).getId();

    assertThatThrownBy(() -> taskService.complete(plan, plan("2026-11-23T09:00+01:00")))
        .isInstanceOf(InvalidTaskInputException.class)
        .hasMessage("plannedCompletion: must be after the planned start (Mon 23 Nov 2026, 09:00 UTC)");
  }

  // --- helpers

  private String planned() {
    String requestId = deliveries.submit();
    deliveries.complete(requestId, PLAN_DELIVERY, plan("2026-11-23T12:00+01:00"));
    return requestId;
  }

  private static Map<String, Object> plan(String completion) {
    Map<String, Object> plan = new HashMap<>();
    plan.put(ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-23T10:00+01:00");
    plan.put(ResourceAllocationProcess.Variables.PLANNED_COMPLETION, completion);
    plan.put(ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS, "Standard profile");
    return plan;
  }

  /** What the order form (the start form of a delivery) submits. */
  private static Map<String, Object> orderForm() {
    Map<String, Object> order = new HashMap<>();
    order.put(Variables.SERVICE_CODE, "NETWORK_ACCESS");
    order.put(ServiceDeliveryProcess.Variables.REQUEST_TYPE, "VPN_ACCESS");
    order.put(ServiceDeliveryProcess.Variables.PRIORITY, "HIGH");
    order.put(ServiceDeliveryProcess.Variables.TITLE, "Network access for the new office");
    order.put(ServiceDeliveryProcess.Variables.DESCRIPTION, "Twelve desks on the third floor");
    order.put(ServiceDeliveryProcess.Variables.REQUESTER_NAME, "Ada Customer");
    order.put(ServiceDeliveryProcess.Variables.REQUESTER_EMAIL, "ada@customer.example");
    return order;
  }

  private static Map<String, Object> report() {
    Map<String, Object> report = new HashMap<>();
    report.put(Variables.PROGRESS_STATUS, "DONE");
    report.put(Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user");
    report.put(Variables.EFFORT_HOURS, 1.5);
    report.put(ServiceDeliveryProcess.Variables.MATERIALS_COST, 0);
    return report;
  }

  private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> changed = new HashMap<>(values);
    changed.put(name, value);
    return changed;
  }

  private static Map<String, Object> without(Map<String, Object> values, String name) {
    Map<String, Object> changed = new HashMap<>(values);
    changed.remove(name);
    return changed;
  }

  private static String formDateTime(Instant instant) {
    return instant.atOffset(ZoneOffset.ofHours(1)).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES) + "+01:00";
  }

  /** Camunda's variable values, untyped as Tasklist sends text and numbers. */
  private static Map<String, Object> values(Map<String, Object> plain) {
    Map<String, Object> variables = new LinkedHashMap<>();
    plain.forEach((name, value) -> variables.put(name, value == null ? new HashMap<>() : Map.of("value", value)));
    return variables;
  }

  private static Map<String, Object> typed(Map<String, Object> plain, String name, String type) {
    Map<String, Object> variables = values(plain);
    variables.put(name, Map.of("value", plain.get(name), "type", type));
    return variables;
  }

  private ResponseEntity<String> submitForm(String user, String taskId, Map<String, Object> plain) {
    return submit(user, taskId, "submit-form", values(plain));
  }

  private ResponseEntity<String> submit(String user, String taskId, String action, Map<String, Object> variables) {
    return call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/" + action, Map.of("variables", variables));
  }

  private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** @return the problem, after checking it is a 400 naming exactly {@code fields}, in words and no Java names */
  private static JsonNode assertRefused(ResponseEntity<String> response, String... fields) throws Exception {
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody()).doesNotContain("Exception", "java.", "org.camunda", "io.servicedelivery");
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    List<String> named = new ArrayList<>();
    problem.path("errors").forEach(error -> named.add(error.path("field").asText()));
    assertThat(named).as("%s", response.getBody()).containsExactlyInAnyOrder(fields);
    for (String field : fields) {
      assertThat(problem.path("message").asText()).contains(field + ": ");
    }
    return problem;
  }

  private Task openTask(String requestId, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private Object variable(String requestId, String name) {
    return runtimeService.getVariable(
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(requestId)
            .processDefinitionKey("service-delivery").singleResult().getId(),
        name);
  }
}
