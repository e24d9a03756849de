package io.servicedelivery.records;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.SLA_WARNING_1_REACHED;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static io.servicedelivery.testsupport.SampleRequests.vpnRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Messages;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.testsupport.AsyncJobs;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request driven through the real processes as the staff work on it (each signed in), with a question to the
 * customer, a failed quality review and its rework, an SLA warning and the customer's confirmation, exported over
 * HTTP and read back event by event. The engine clock is moved from step to step; the request arrives on Monday 23
 * November 2026, 08:00 UTC.
 */
@WebIntegrationTest
class EventLogHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ServiceCatalog catalog;

  @Test
  void aRequestWithACustomerWaitAReworkAndAWarningIsATraceOfEveryStepWithWhoAndWhen() {
    ProcessInstance instance = submitOrderForm();
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();
    setClock(T0.plus(Duration.ofMinutes(30)));
    as("coordinator", "service-coordinators", () -> planDelivery(requestId));
    setClock(T0.plus(Duration.ofHours(1)));
    as("staff2", "operational-staff", () -> complete(requestId, EXECUTE_SERVICE_ACTIVITIES, Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(List.of()),
        Variables.PROGRESS_STATUS, "WAITING_FOR_CUSTOMER",
        Variables.PROGRESS_REPORT, "Prepared the VPN profile",
        Variables.CUSTOMER_QUESTION, "Which device: the company laptop or a tablet?",
        Variables.EFFORT_HOURS, 0.5)));
    executeAsyncJobs();
    setClock(T0.plus(Duration.ofHours(2)));
    runtimeService
        .createMessageCorrelation(Messages.CUSTOMER_INFORMATION_RECEIVED)
        .processInstanceId(instance.getId())
        .setVariable(Variables.CUSTOMER_RESPONSE, "The company laptop")
        .correlateWithResult();
    setClock(T0.plus(Duration.ofHours(3)));
    as("staff2", "operational-staff", () -> reportDone(requestId));
    setClock(T0.plus(Duration.ofHours(4)));
    as("qa", "quality-assurance", () -> review(requestId, "FAILED"));
    // the resolution time of 8 h (24x7) ran 4 h, less the hour the customer took to answer: the first warning, at
    // half of it, is due an hour later than it would have been
    Job warning = timer(instance.getId(), SLA_WARNING_1_REACHED);
    assertThat(warning.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(5))));
    setClock(T0.plus(Duration.ofHours(5)));
    managementService.executeJob(warning.getId());
    executeAsyncJobs();
    setClock(T0.plus(Duration.ofMinutes(330)));
    as("staff2", "operational-staff", () -> reportDone(requestId));
    setClock(T0.plus(Duration.ofHours(6)));
    as("qa", "quality-assurance", () -> review(requestId, "PASSED"));
    executeAsyncJobs();
    setClock(T0.plus(Duration.ofHours(7)));
    confirmDelivery(requestId);
    executeAsyncJobs();

    XesDocument log = export("from=2026-11-23&to=2026-11-24&serviceCode=NETWORK_ACCESS");

    XesDocument.Trace trace = log.trace(requestId);
    assertThat(trace.attributes())
        .containsEntry("serviceCode", "NETWORK_ACCESS")
        .containsEntry("serviceName", "Network access")
        .containsEntry("requestType", "VPN_ACCESS")
        .containsEntry("priority", "HIGH")
        .containsEntry("customer", "CUST-042")
        .containsEntry("channel", "SERVICE_DESK")
        .containsEntry("outcome", "CLOSED")
        .containsEntry("closedBy", "CONFIRMED")
        .containsEntry("slaOutcome", "met")
        .containsEntry("responseMet", "true")
        .containsEntry("reworks", "1")
        .containsEntry("reopenings", "0")
        .containsEntry("receivedAt", "2026-11-23T08:00:00.000Z")
        .containsEntry("closedAt", "2026-11-23T15:00:00.000Z")
        .containsEntry("cost:currency", "EUR");
    assertThat(Double.parseDouble(trace.get("cost:total"))).as("1.5 h of effort at 80 EUR").isEqualTo(120.0);
    String system = EventLogEvent.SYSTEM;
    String nobody = XesWriter.UNKNOWN;
    assertThat(trace.events())
        .extracting(
            event -> event.get("concept:name"),
            event -> event.get("lifecycle:transition"),
            event -> event.get("org:resource"),
            event -> event.get("time:timestamp").substring(11, 23))
        .containsExactly(
            tuple("Receive request", "start", system, "08:00:00.000"),
            tuple("Receive request", "complete", system, "08:00:00.000"),
            tuple("Validate request and SLA", "start", system, "08:00:00.000"),
            tuple("Validate request and SLA", "complete", system, "08:00:00.000"),
            tuple("Acknowledge request", "start", system, "08:00:00.000"),
            tuple("Acknowledge request", "complete", system, "08:00:00.000"),
            // offered to the coordinators, taken and completed by one of them half an hour later
            tuple("Plan delivery", "start", nobody, "08:00:00.000"),
            tuple("Plan delivery", "complete", "coordinator", "08:30:00.000"),
            // the called resource-allocation process
            tuple("Allocate resource", "start", system, "08:30:00.000"),
            tuple("Allocate resource", "complete", system, "08:30:00.000"),
            tuple("Execute service activities", "start", "staff2", "08:30:00.000"),
            tuple("Execute service activities", "complete", "staff2", "09:00:00.000"),
            // the customer's hour
            tuple("Ask customer", "start", system, "09:00:00.000"),
            tuple("Ask customer", "complete", system, "09:00:00.000"),
            tuple("Wait for customer information", "start", system, "09:00:00.000"),
            tuple("Wait for customer information", "complete", system, "10:00:00.000"),
            tuple("Execute service activities", "start", "staff2", "10:00:00.000"),
            tuple("Execute service activities", "complete", "staff2", "11:00:00.000"),
            tuple("Monitor progress and quality", "start", system, "11:00:00.000"),
            tuple("Monitor progress and quality", "complete", system, "11:00:00.000"),
            tuple("Complete service delivery", "start", system, "11:00:00.000"),
            tuple("Complete service delivery", "complete", system, "11:00:00.000"),
            // the called quality-control process: the review fails
            tuple("Run automated checks", "start", system, "11:00:00.000"),
            tuple("Run automated checks", "complete", system, "11:00:00.000"),
            tuple("Review quality", "start", nobody, "11:00:00.000"),
            tuple("Review quality", "complete", "qa", "12:00:00.000"),
            // the rework
            tuple("Register rework", "start", system, "12:00:00.000"),
            tuple("Register rework", "complete", system, "12:00:00.000"),
            tuple("Execute service activities", "start", "staff2", "12:00:00.000"),
            tuple("SLA warning 1 reached", "complete", system, "13:00:00.000"),
            tuple("Send SLA warning", "start", system, "13:00:00.000"),
            tuple("Send SLA warning", "complete", system, "13:00:00.000"),
            tuple("Execute service activities", "complete", "staff2", "13:30:00.000"),
            tuple("Monitor progress and quality", "start", system, "13:30:00.000"),
            tuple("Monitor progress and quality", "complete", system, "13:30:00.000"),
            tuple("Complete service delivery", "start", system, "13:30:00.000"),
            tuple("Complete service delivery", "complete", system, "13:30:00.000"),
            tuple("Run automated checks", "start", system, "13:30:00.000"),
            tuple("Run automated checks", "complete", system, "13:30:00.000"),
            tuple("Review quality", "start", nobody, "13:30:00.000"),
            tuple("Review quality", "complete", "qa", "14:00:00.000"),
            tuple("Resolve request", "start", system, "14:00:00.000"),
            tuple("Resolve request", "complete", system, "14:00:00.000"),
            tuple("Ask customer to confirm", "start", system, "14:00:00.000"),
            tuple("Ask customer to confirm", "complete", system, "14:00:00.000"),
            // awaiting the customer's confirmation for an hour
            tuple("Customer confirms?", "start", system, "14:00:00.000"),
            tuple("Customer confirms?", "complete", system, "15:00:00.000"),
            tuple("Delivery confirmed", "start", system, "15:00:00.000"),
            tuple("Delivery confirmed", "complete", system, "15:00:00.000"),
            tuple("Close request", "start", system, "15:00:00.000"),
            tuple("Close request", "complete", system, "15:00:00.000"),
            tuple("Invite customer to rate", "start", system, "15:00:00.000"),
            tuple("Invite customer to rate", "complete", system, "15:00:00.000"));
    assertThat(trace.events())
        .allSatisfy(event -> assertThat(event.get("time:timestamp")).startsWith("2026-11-23T"));
    ProcessMiningToolCheck.handOver(log, requestId);
    assertThat(trace.events())
        .filteredOn(event -> "userTask".equals(event.get("activityType")) && "complete".equals(event.get("lifecycle:transition")))
        .extracting(
            event -> event.get("concept:name"), event -> event.get("org:group"), event -> event.get("process"),
            event -> event.get("pass"))
        .containsExactly(
            tuple("Plan delivery", "service-coordinators", "service-delivery", "1"),
            tuple("Execute service activities", null, "service-delivery", "1"),
            tuple("Execute service activities", null, "service-delivery", "2"),
            tuple("Review quality", "quality-assurance", "quality-control", "1"),
            tuple("Execute service activities", null, "service-delivery", "3"),
            tuple("Review quality", "quality-assurance", "quality-control", "2"));
    assertThat(trace.events())
        .filteredOn(event -> event.get("concept:name").equals("Wait for customer information"))
        .extracting(event -> event.get("activityType"), event -> event.get("activityId"))
        .containsOnly(tuple("receiveTask", "Task_WaitForCustomer"));
    List<String> executions =
        trace.events().stream()
            .filter(event -> event.get("concept:name").equals("Execute service activities"))
            .map(event -> event.get("concept:instance"))
            .toList();
    assertThat(executions).as("a start and its completion share the step's instance, each pass has its own")
        .hasSize(6)
        .satisfies(ids -> assertThat(List.of(ids.get(1), ids.get(3), ids.get(5)))
            .isEqualTo(List.of(ids.get(0), ids.get(2), ids.get(4))))
        .satisfies(ids -> assertThat(new java.util.HashSet<>(ids)).hasSize(3));
  }

  @Test
  void anObjectionReopensTheRequestAndACancellationAbortsTheStepAtWork() {
    ProcessInstance instance = submitOrderForm();
    String requestId = instance.getBusinessKey();
    executeAsyncJobs();
    as("coordinator", "service-coordinators", () -> planDelivery(requestId));
    setClock(T0.plus(Duration.ofHours(1)));
    as("staff2", "operational-staff", () -> reportDone(requestId));
    setClock(T0.plus(Duration.ofHours(2)));
    as("qa", "quality-assurance", () -> review(requestId, "PASSED"));
    executeAsyncJobs();
    setClock(T0.plus(Duration.ofHours(3)));
    runtimeService
        .createMessageCorrelation(Messages.DELIVERY_OBJECTED)
        .processInstanceBusinessKey(requestId)
        .setVariable(Variables.CUSTOMER_OBJECTION, "The VPN drops every ten minutes")
        .correlateWithResult();
    setClock(T0.plus(Duration.ofHours(4)));
    runtimeService
        .createMessageCorrelation(Messages.SERVICE_REQUEST_CANCELLED)
        .processInstanceBusinessKey(requestId)
        .setVariable(Variables.CANCELLATION_REASON, "We found another way")
        .correlateWithResult();
    executeAsyncJobs();

    XesDocument.Trace trace = export("from=2026-11-23&to=2026-11-24").trace(requestId);

    assertThat(trace.attributes())
        .containsEntry("outcome", "CANCELLED")
        // a request that was not delivered has no resolution to judge: cancelled before its due time, no breach either
        .containsEntry("slaOutcome", "none")
        .containsEntry("reopenings", "1")
        .containsEntry("closedAt", "2026-11-23T12:00:00.000Z")
        .doesNotContainKey("closedBy");
    List<String> fromTheObjection =
        trace.events().stream()
            .dropWhile(event -> !event.get("concept:name").equals("Customer confirms?"))
            .map(event -> String.join(" | ", event.get("concept:name"), event.get("lifecycle:transition"),
                event.get("org:resource"), event.get("time:timestamp").substring(11, 16)))
            .toList();
    assertThat(fromTheObjection)
        .containsExactly(
            // the customer took an hour to object: a customer wait, then the rework of a reopened request
            "Customer confirms? | start | system | 10:00",
            "Customer confirms? | complete | system | 11:00",
            "Delivery objected | start | system | 11:00",
            "Delivery objected | complete | system | 11:00",
            "Reopen request | start | system | 11:00",
            "Reopen request | complete | system | 11:00",
            "Execute service activities | start | staff2 | 11:00",
            // the cancellation interrupts the work: the step is aborted, the event sub-process starts
            "Execute service activities | ate_abort | staff2 | 12:00",
            "Service request cancelled | complete | system | 12:00",
            "Release resources | start | system | 12:00",
            "Release resources | complete | system | 12:00",
            "Close cancelled request | start | system | 12:00",
            "Close cancelled request | complete | system | 12:00",
            "Confirm cancellation | start | system | 12:00",
            "Confirm cancellation | complete | system | 12:00");
    assertThat(trace.events())
        .filteredOn(event -> event.get("concept:name").equals("Execute service activities"))
        .extracting(event -> event.get("pass"))
        .containsExactly("1", "1", "2", "2");
  }

  @BeforeEach
  void startTheClock() {
    setClock(T0);
  }

  @AfterEach
  void stopTheClock() {
    ClockUtil.reset();
    RunningRequests.deleteAll(runtimeService, jdbc);
  }

  private XesDocument export(String query) {
    ResponseEntity<byte[]> response =
        http.withBasicAuth("manager", "manager").getForEntity("/api/records/event-log?" + query, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return XesDocument.read(response.getBody()).assertConsistent();
  }

  private static void setClock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private void executeAsyncJobs() {
    AsyncJobs.runDue(managementService, null);
  }

  private Job timer(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
  }

  private void complete(String requestId, String taskDefinitionKey, Map<String, Object> variables) {
    Task task =
        taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(taskDefinitionKey)
            .singleResult();
    assertThat(task).as("the open task " + taskDefinitionKey).isNotNull();
    taskService.complete(task.getId(), variables);
  }

  private void planDelivery(String requestId) {
    complete(requestId, ServiceDeliveryProcess.Elements.PLAN_DELIVERY, Map.of(
        Variables.PLANNED_START, "2026-11-23T10:00+01:00",
        Variables.PLANNED_COMPLETION, "2026-11-23T16:00+01:00",
        Variables.DELIVERY_INSTRUCTIONS, "Use the standard VPN profile for remote staff"));
  }

  private void confirmDelivery(String requestId) {
    runtimeService.createMessageCorrelation(Messages.DELIVERY_CONFIRMED).processInstanceBusinessKey(requestId)
        .correlateWithResult();
  }

  private static java.util.ArrayList<String> listOf(List<String> items) {
    return new java.util.ArrayList<>(items);
  }

  private void as(String user, String group, Runnable work) {
    identityService.setAuthentication(user, List.of(group));
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance submitOrderForm() {
    String definitionId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion()
            .singleResult()
            .getId();
    return formService.submitStartForm(definitionId, vpnRequest());
  }

  private void reportDone(String requestId) {
    complete(requestId, EXECUTE_SERVICE_ACTIVITIES, Map.of(
        QualityControlProcess.Variables.CHECKLIST_CONFIRMED, listOf(catalog.get("NETWORK_ACCESS").checklist()),
        Variables.PROGRESS_STATUS, "DONE",
        Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user",
        Variables.EFFORT_HOURS, 1.5));
  }

  private void review(String requestId, String verdict) {
    Map<String, Object> review = new HashMap<>();
    review.put(QualityControlProcess.Variables.QUALITY_VERDICT, verdict);
    if (verdict.equals("FAILED")) {
      review.put(QualityControlProcess.Variables.QUALITY_FINDINGS, "The data owner's approval is not documented");
      review.put(QualityControlProcess.Variables.FINDING_SEVERITY, "MINOR");
    }
    complete(requestId, REVIEW_QUALITY, review);
  }
}
