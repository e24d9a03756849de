package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.quality.CapaProcess.Elements.ANALYSE_ROOT_CAUSE;
import static io.servicedelivery.quality.CapaProcess.Elements.IMPLEMENT_ACTIONS;
import static io.servicedelivery.quality.CapaProcess.Elements.PLAN_CORRECTIVE_ACTION;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.identity.TasklistFilters;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.Capas;
import io.servicedelivery.quality.QualityControlProcess.Variables;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.TasklistPage;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People do their work in Tasklist with a real (headless) browser. A service coordinator submits the order form for
 * a customer, and plans a delivery: logs in, opens the group's tasks, claims "Plan delivery", reads the request in
 * the Camunda Form, fills in the plan and completes it. The assigned staff member ticks the service's checklist and
 * reports the work done. The engine, not the browser, then tells whether the work was done.
 *
 * <p>Skipped when Chromium or chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true} (see {@link
 * HeadlessChromium}). On failure a screenshot, the page source and the browser console are saved under {@code
 * target/browser-test/}.
 */
@ExtendWith(HeadlessChromium.Required.class) // skips (or fails) each test before its instance is created
@WebIntegrationTest
// a user-interface test, no process test: without this the coverage listener hooks into the engine of the shared
// web context and warns that no coverage could be calculated
@ExcludeFromProcessCoverage
class TasklistBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String COORDINATOR = "coordinator";
  private static final String TITLE = "VPN for the new accountant";
  private static final String INSTRUCTIONS =
      "Use the standard VPN profile for remote staff; send the token to the requester.";

  @LocalServerPort int port;

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ResourcePool resourcePool;
  @Autowired ServiceCatalog catalog;
  @Autowired Capas capas;

  private String requestId;
  private String processInstanceId;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);
  private final TasklistPage tasklist = new TasklistPage(session, () -> port);

  @AfterEach
  void deleteTheRequest() {
    if (processInstanceId != null) {
      runtimeService.deleteProcessInstanceIfExists(
          processInstanceId, "browser test finished", true, true, true, false);
      historyService.deleteHistoricProcessInstanceIfExists(processInstanceId);
    }
    if (requestId != null) {
      resourcePool.release(requestId, ReleaseReason.CANCELLED);
    }
  }

  @Test
  void coordinatorPlansTheDeliveryInTasklist() {
    ProcessInstance instance = formService.submitStartForm(definitionIdOf(ServiceDeliveryProcess.KEY), vpnRequestTitled(TITLE));
    processInstanceId = instance.getId();
    requestId = instance.getBusinessKey();
    Task plan = openTask(PLAN_DELIVERY);
    assertThat(plan).as("open Plan delivery task of %s", requestId).isNotNull();
    assertThat(plan.getAssignee()).isNull();
    LocalDate day = LocalDate.now().plusDays(2);

    tasklist.open();
    tasklist.logIn(COORDINATOR, COORDINATOR);
    tasklist.openFilter(TasklistFilters.MY_GROUPS_TASKS);
    tasklist.openTask("Plan delivery", "Service delivery", plan.getId());
    tasklist.claim();

    // the request, read-only
    WebElement requestField = tasklist.formInput("Request");
    tasklist.waitUntil(attributeToBe(requestField, "value", requestId));
    assertThat(requestField.isEnabled()).as("Request field enabled").isFalse();
    WebElement titleField = tasklist.formInput("Title");
    assertThat(titleField.getDomProperty("value")).isEqualTo(TITLE);
    assertThat(titleField.isEnabled()).as("Title field enabled").isFalse();
    assertThat(tasklist.formInput("Service").getDomProperty("value")).isEqualTo("Network access");
    assertThat(tasklist.formInput("Requester").getDomProperty("value")).isEqualTo("Ada Customer");

    // the plan
    tasklist.enterDateTime("Planned start", day, "10:00");
    tasklist.enterDateTime("Planned completion", day, "14:00");
    tasklist.formInput("Instructions for the person executing").sendKeys(INSTRUCTIONS);
    // two days ahead ends after the resolution due time of a HIGH request: the form asks why
    tasklist.formInput("Why the plan ends after the resolution due time").sendKeys("The requester is away until then");
    session.browser().saveSnapshot(OUTPUT, "plan-delivery-form-filled");
    tasklist.complete();
    tasklist.waitUntil(browserDriver -> historicTask(plan.getId()).getEndTime() != null);
    session.browser().saveSnapshot(OUTPUT, "plan-delivery-completed");

    // what the engine says
    HistoricTaskInstance planned = historicTask(plan.getId());
    assertThat(planned.getDeleteReason()).isEqualTo("completed");
    assertThat(planned.getAssignee()).isEqualTo(COORDINATOR);
    assertThat(userOf(plan.getId(), UserOperationLogEntry.OPERATION_TYPE_CLAIM)).isEqualTo(COORDINATOR);
    assertThat(userOf(plan.getId(), UserOperationLogEntry.OPERATION_TYPE_COMPLETE)).isEqualTo(COORDINATOR);
    assertThat(variable(ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS)).isEqualTo(INSTRUCTIONS);
    // the form submits the times as the clocks of the request's calendar show them: HIGH counts around the clock, UTC
    assertThat(variable(ResourceAllocationProcess.Variables.PLANNED_START))
        .isEqualTo(Date.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    assertThat(variable(ResourceAllocationProcess.Variables.PLANNED_COMPLETION))
        .isEqualTo(Date.from(day.atTime(14, 0).toInstant(ZoneOffset.UTC)));
    Task execute = openTask(EXECUTE_SERVICE_ACTIVITIES);
    assertThat(execute).as("open Execute service activities task of %s", requestId).isNotNull();
    assertThat(execute.getAssignee()).isEqualTo("staff2");
  }

  @Test
  void coordinatorSubmitsTheOrderFormForACustomerInTasklist() {
    String title = "Replacement laptop for the reception";

    tasklist.open();
    tasklist.logIn(COORDINATOR, COORDINATOR);
    tasklist.startProcess("Service delivery");
    tasklist.choose("Service", "Laptop provisioning");
    tasklist.choose("Request type", "Replacement of an old or broken laptop");
    tasklist.choose("Impact", "Medium");
    tasklist.choose("Urgency", "Medium");
    // set explicitly, the priority overrules the priority matrix (which gives MEDIUM here)
    tasklist.choose("Priority (leave empty to derive it from impact and urgency)", "High");
    tasklist.formInput("Title").sendKeys(title, Keys.TAB);
    tasklist.formInput("Description").sendKeys("The reception laptop no longer charges.", Keys.TAB);
    tasklist.formInput("Requester name").sendKeys("Ada Customer", Keys.TAB);
    tasklist.formInput("Requester e-mail").sendKeys("ada@customer.example", Keys.TAB);
    session.browser().saveSnapshot(OUTPUT, "order-form-filled");
    tasklist.start();
    ProcessInstance instance = tasklist.waitUntil(browserDriver -> requestTitled(title));
    processInstanceId = instance.getId();
    requestId = instance.getBusinessKey();
    assertThat(variable("initiator")).isEqualTo(COORDINATOR);
    assertThat(variable(ServiceDeliveryProcess.Variables.SERVICE_CODE)).isEqualTo("LAPTOP_PROVISIONING");
    assertThat(variable(ServiceDeliveryProcess.Variables.REQUEST_TYPE)).isEqualTo("REPLACEMENT");
    assertThat(variable(ServiceDeliveryProcess.Variables.PRIORITY)).isEqualTo("HIGH");
    assertThat(openTask(PLAN_DELIVERY)).as("the valid request waits for planning").isNotNull();
  }

  @Test
  void assigneeTicksTheChecklistAndReportsTheWorkDoneInTasklist() {
    ProcessInstance instance = formService.submitStartForm(definitionIdOf(ServiceDeliveryProcess.KEY), vpnRequestTitled(TITLE));
    processInstanceId = instance.getId();
    requestId = instance.getBusinessKey();
    taskService.complete(
        openTask(PLAN_DELIVERY).getId(),
        Map.of(
            ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-24T10:00+01:00",
            ResourceAllocationProcess.Variables.PLANNED_COMPLETION, "2026-11-24T14:00+01:00",
            ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS, INSTRUCTIONS));
    Task execute = openTask(EXECUTE_SERVICE_ACTIVITIES);
    List<String> checklist = catalog.get("NETWORK_ACCESS").checklist();

    tasklist.open();
    tasklist.logIn("staff2", "staff2");
    tasklist.openFilter(TasklistFilters.MY_TASKS);
    tasklist.openTask("Execute service activities", "Service delivery", execute.getId());

    tasklist.waitUntil(attributeToBe(tasklist.formInput("Request"), "value", requestId));
    assertThat(tasklist.formInput("Instructions").getDomProperty("value")).isEqualTo(INSTRUCTIONS);
    assertThat(tasklist.formInput("SLA").getDomProperty("value"))
        .matches(
            "On track: 0 % of the resolution time used, (7 h 5\\d|8 h 00) min of working time left until .+ UTC\\."
                + " As of .+");
    for (String item : checklist) {
      tasklist.tick(item);
    }
    tasklist.tick("Done \u2013 all service activities are complete");
    // leaving a field (Tab) hands its value to form-js, which otherwise takes typed text in with a delay
    tasklist.formInput("Report").sendKeys("VPN profile deployed and tested together with the user", Keys.TAB);
    tasklist.formInput("Effort spent so far (hours, total)").sendKeys("1.5", Keys.TAB);
    session.browser().saveSnapshot(OUTPUT, "execute-service-activities-form-filled");
    tasklist.complete();
    tasklist.waitUntil(browserDriver -> historicTask(execute.getId()).getEndTime() != null);

    assertThat(historicTask(execute.getId()).getDeleteReason()).isEqualTo("completed");
    assertThat(variable(Variables.CHECKLIST_CONFIRMED)).asList().containsExactlyElementsOf(checklist);
    assertThat(variable(Variables.PROGRESS_STATUS)).isEqualTo("DONE");
    assertThat(((Number) variable(Variables.EFFORT_HOURS)).doubleValue()).isEqualTo(1.5);
    Task review = openTask(REVIEW_QUALITY);
    assertThat(review).as("the work went on to the quality review").isNotNull();
    assertThat(runtimeService.getVariable(review.getProcessInstanceId(), Variables.AUTOMATED_CHECKS_PASSED))
        .isEqualTo(true);
    assertThat(runtimeService.getVariable(review.getProcessInstanceId(), Variables.AUTOMATED_CHECK_FINDINGS))
        .asString()
        .startsWith("PASS Checklist: All " + checklist.size() + " items confirmed\n");
  }

  @Test
  void qaLeadSeesTheAutomatedChecksAndFailsTheReviewWithMajorFindingsInTasklist() {
    ProcessInstance instance =
        formService.submitStartForm(definitionIdOf(ServiceDeliveryProcess.KEY), vpnRequestTitled("VPN without an approval"));
    processInstanceId = instance.getId();
    requestId = instance.getBusinessKey();
    taskService.complete(
        openTask(PLAN_DELIVERY).getId(),
        Map.of(
            ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-24T10:00+01:00",
            ResourceAllocationProcess.Variables.PLANNED_COMPLETION, "2026-11-24T14:00+01:00",
            ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS, INSTRUCTIONS));
    List<String> checklist = catalog.get("NETWORK_ACCESS").checklist();
    taskService.complete(
        openTask(EXECUTE_SERVICE_ACTIVITIES).getId(),
        Map.of(
            Variables.CHECKLIST_CONFIRMED, new ArrayList<>(checklist.subList(1, checklist.size())),
            Variables.PROGRESS_STATUS, "DONE",
            Variables.PROGRESS_REPORT, "VPN profile deployed and tested together with the user",
            Variables.EFFORT_HOURS, 1.5));
    Task review = openTask(REVIEW_QUALITY);

    tasklist.open();
    tasklist.logIn("qa", "qa");
    tasklist.openFilter(TasklistFilters.MY_GROUPS_TASKS);
    tasklist.openTask("Review quality", "Quality control", review.getId());
    tasklist.claim();

    tasklist.waitUntil(attributeToBe(tasklist.formInput("Request"), "value", requestId));
    assertThat(tasklist.formInput("Automated checks (PASS, WARN or FAIL, with the reason)").getDomProperty("value"))
        .startsWith("FAIL Checklist: Mandatory items not confirmed: " + checklist.get(0));
    tasklist.tick("Failed \u2013 rework needed");
    // no Tab here: it would focus the severity select, which the click of tasklist.choose() would then close again;
    // the click also takes the findings out of the textarea
    tasklist.formInput("Findings for the rework, one a line").sendKeys("The data owner's approval is missing");
    tasklist.choose("Severity of the findings", "Major \u2013 rework and a CAPA");
    session.browser().saveSnapshot(OUTPUT, "review-quality-form-filled");
    tasklist.complete();
    tasklist.waitUntil(browserDriver -> historicTask(review.getId()).getEndTime() != null);

    assertThat(variable(Variables.QUALITY_VERDICT)).isEqualTo("FAILED");
    assertThat(variable(Variables.FINDING_SEVERITY)).isEqualTo("MAJOR");
    assertThat(openTask(EXECUTE_SERVICE_ACTIVITIES)).as("back for rework").isNotNull();
    List<String> capaIds = capas.ofRequest(requestId);
    assertThat(capaIds).as("a CAPA linked to the request").hasSize(1);
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(capaIds.get(0)).list()
        .forEach(capa -> runtimeService.deleteProcessInstance(capa.getId(), "browser test finished"));
  }

  @Test
  void qaLeadOpensACapaAndPlansItsActionsInTasklist() {
    String title = "Approvals missing on network changes";
    LocalDate day = LocalDate.now().plusDays(7);

    tasklist.open();
    tasklist.logIn("qa", "qa");
    tasklist.startProcess("CAPA");
    tasklist.formInput("Title").sendKeys(title, Keys.TAB);
    tasklist.formInput("Problem")
        .sendKeys("Three network changes this month went live without the data owner's approval", Keys.TAB);
    tasklist.choose("Service (optional)", "Network access");
    session.browser().saveSnapshot(OUTPUT, "start-capa-form-filled");
    tasklist.start();
    ProcessInstance capa =
        tasklist.waitUntil(
            browserDriver ->
                runtimeService.createProcessInstanceQuery().processDefinitionKey(CapaProcess.KEY)
                    .variableValueEquals(CapaProcess.Variables.CAPA_TITLE, title).singleResult());
    processInstanceId = capa.getId();
    requestId = capa.getBusinessKey();
    assertThat(variable(CapaProcess.Variables.CAPA_OPENED_BY)).isEqualTo("qa");
    taskService.complete(
        openTask(ANALYSE_ROOT_CAUSE).getId(),
        Map.of(CapaProcess.Variables.CAUSE_CATEGORY, "PROCESS", CapaProcess.Variables.ROOT_CAUSE, "The approval step is not in the checklist"));
    Task plan = openTask(PLAN_CORRECTIVE_ACTION);

    tasklist.openFilter(TasklistFilters.MY_GROUPS_TASKS);
    tasklist.openTask("Plan corrective action", "CAPA", plan.getId());
    tasklist.claim();
    tasklist.waitUntil(attributeToBe(tasklist.formInput("CAPA"), "value", requestId));
    assertThat(tasklist.formInput("Root cause").getDomProperty("value"))
        .isEqualTo("The approval step is not in the checklist");
    tasklist.formInput("Corrective and preventive actions")
        .sendKeys("Add the approval to the checklist; brief the team", Keys.TAB);
    // the owner is picked from the list by name: typed to narrow the list down, the one left taken with Enter
    WebElement owner = tasklist.formInput("Action owner");
    owner.click();
    owner.sendKeys("Sam Field", Keys.ENTER);
    tasklist.waitUntil(attributeToBe(owner, "value", "Sam Field"));
    tasklist.enterDateTime("Actions due", day, "16:00");
    session.browser().saveSnapshot(OUTPUT, "plan-corrective-action-form-filled");
    tasklist.complete();
    tasklist.waitUntil(browserDriver -> historicTask(plan.getId()).getEndTime() != null);

    Task implementation = openTask(IMPLEMENT_ACTIONS);
    assertThat(implementation.getAssignee()).isEqualTo("staff1");
    assertThat(implementation.getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate())
        .isEqualTo(day);
  }

  // ------------------------------------------------------------------------------------------ engine

  private static Map<String, Object> vpnRequestTitled(String title) {
    Map<String, Object> request = SampleRequests.vpnRequest();
    request.put(ServiceDeliveryProcess.Variables.TITLE, title);
    return request;
  }

  private String definitionIdOf(String key) {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private ProcessInstance requestTitled(String title) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ServiceDeliveryProcess.KEY)
        .variableValueEquals(ServiceDeliveryProcess.Variables.TITLE, title)
        .singleResult();
  }

  private Task openTask(String taskDefinitionKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(requestId)
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private HistoricTaskInstance historicTask(String taskId) {
    return historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
  }

  private String userOf(String taskId, String operationType) {
    return historyService
        .createUserOperationLogQuery()
        .taskId(taskId)
        .operationType(operationType)
        .list()
        .stream()
        .findFirst()
        .map(UserOperationLogEntry::getUserId)
        .orElseThrow(() -> new AssertionError("No " + operationType + " of task " + taskId + " in the operation log"));
  }

  private Object variable(String name) {
    return runtimeService.getVariable(processInstanceId, name);
  }
}
