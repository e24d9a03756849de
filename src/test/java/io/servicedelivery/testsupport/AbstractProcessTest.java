package io.servicedelivery.testsupport;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.notification.NotificationProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Common ground of the process tests: the engine clock stands still at {@link #T0} unless a test moves it, and
 * every test leaves no running instance, reservation or changed resource behind.
 */
public abstract class AbstractProcessTest {

  protected static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected JdbcClient jdbc;

  @BeforeEach
  void initEngineAndClock() {
    init(processEngine);
    setClock(T0);
  }

  @AfterEach
  void cleanUp() {
    runtimeService.createProcessInstanceQuery().rootProcessInstances().list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true));
    jdbc.sql("delete from resource_reservation").update();
    jdbc.sql("delete from resource_absence").update();
    jdbc.sql("delete from resource_escalation").update();
    jdbc.sql("update staff_resource set available = true").update();
    for (String table :
        List.of("quality_check_result", "quality_finding", "quality_review", "capa_escalation", "capa_action_plan",
            "capa_request", "capa")) {
      jdbc.sql("delete from " + table).update();
    }
    ClockUtil.reset();
    reset();
  }

  protected static void setClock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** The open task of the request with the given task definition key, wherever in the request's processes it is. */
  protected Task task(String requestId, String taskDefinitionKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(requestId)
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  protected void complete(String requestId, String taskDefinitionKey, Map<String, Object> variables) {
    Task task = task(requestId, taskDefinitionKey);
    if (task == null) {
      throw new AssertionError("Request " + requestId + " has no open task " + taskDefinitionKey);
    }
    taskService.complete(task.getId(), variables);
  }

  /** Completes the request's "Plan delivery" with the plan most tests use: Mon 23 Nov 2026, 10:00 to 14:00 CET. */
  protected void planDelivery(String requestId) {
    complete(
        requestId,
        PLAN_DELIVERY,
        Map.of(
            Variables.PLANNED_START, "2026-11-23T10:00+01:00",
            Variables.PLANNED_COMPLETION, "2026-11-23T14:00+01:00",
            Variables.DELIVERY_INSTRUCTIONS, "Use the standard VPN profile for remote staff"));
  }

  /**
   * The customer confirms the completed delivery of the request (as {@code POST .../confirmation} does): the request
   * waits at "Customer confirms?" after its quality check passed, and is closed now.
   */
  protected void confirmDelivery(String requestId) {
    runtimeService
        .createMessageCorrelation(ServiceDeliveryProcess.Messages.DELIVERY_CONFIRMED)
        .processInstanceBusinessKey(requestId)
        .correlateWithResult();
  }

  /** Runs the asynchronous continuations (the notifications) that are due, as the job executor would. */
  protected void executeAsyncJobs() {
    AsyncJobs.runDue(managementService, null);
  }

  /** How many mails of the request wait for the process "notification" to send them. */
  protected long mailsToSend(String requestId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(NotificationProcess.KEY)
        .variableValueEquals(Variables.REQUEST_ID, requestId)
        .count();
  }

  protected Job timer(String processInstanceId, String activityId) {
    return managementService
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .singleResult();
  }

  /** Tasklist stores a checklist as a JSON list; an ArrayList is what the engine deserializes it into. */
  protected static ArrayList<String> listOf(List<String> items) {
    return new ArrayList<>(items);
  }
}
