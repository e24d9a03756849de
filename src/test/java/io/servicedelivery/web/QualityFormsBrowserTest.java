package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.quality.CapaProcess.Elements.ANALYSE_ROOT_CAUSE;
import static io.servicedelivery.quality.CapaProcess.Elements.IMPLEMENT_ACTIONS;
import static io.servicedelivery.quality.CapaProcess.Elements.PLAN_CORRECTIVE_ACTION;
import static io.servicedelivery.quality.CapaProcess.Elements.VERIFY_EFFECTIVENESS;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.identity.TasklistFilters;
import io.servicedelivery.quality.CapaProcess;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.sla.ReadableTime;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.TasklistPage;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The QA lead reads the forms of quality control and of a CAPA in Tasklist without guessing: times as people write
 * them, in the zone that matters, codes by their labels, people by their names; and picks the owner of a CAPA's
 * actions from the people who may own them, by name. What the form shows is read as a person sees it: its text and
 * the values of its fields. A screenshot of each form is kept under {@code target/browser-test/}.
 *
 * <p>Skipped when Chromium or chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true} (see {@link
 * HeadlessChromium}).
 */
@ExtendWith(HeadlessChromium.Required.class)
@WebIntegrationTest
@ExcludeFromProcessCoverage
class QualityFormsBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** a moment as the engine and the REST API write it */
  private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
  /** a moment as the forms write it: "Wed 9 Dec 2026, 11:00 CET" */
  private static final Pattern READABLE_TIME =
      Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} [A-Z]{3,4}");
  /** the codes of priorities, severities, verdicts, CAPA triggers, cause categories, escalations and services */
  private static final Pattern CODE =
      Pattern.compile(
          "\\b(CRITICAL|HIGH|MEDIUM|LOW|MINOR|MAJOR|PASSED|FAILED|MAJOR_FINDING|REPEATED_FAILURE|MANUAL|PEOPLE"
              + "|PROCESS|TOOLS|SUPPLIER|CATALOG|OTHER|EFFECTIVE|NOT_EFFECTIVE|ACTIONS_OVERDUE|CAPA_OVERDUE"
              + "|NETWORK_ACCESS)\\b");
  /** the user ids of the demo users */
  private static final Pattern USER_ID =
      Pattern.compile("\\b(manager|coordinator|staff1|staff2|qa|analyst|portal|prometheus)\\b");

  @LocalServerPort int port;

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ResourcePool resourcePool;
  @Autowired ServiceCatalog catalog;

  private final List<String> processInstanceIds = new ArrayList<>();
  private String requestId;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);
  private final TasklistPage tasklist = new TasklistPage(session, () -> port);

  @AfterEach
  void deleteWhatTheTestStarted() {
    for (String id : processInstanceIds) {
      runtimeService.deleteProcessInstanceIfExists(id, "browser test finished", true, true, true, false);
      historyService.deleteHistoricProcessInstanceIfExists(id);
    }
    if (requestId != null) {
      resourcePool.release(requestId, ReleaseReason.CANCELLED);
    }
  }

  @Test
  void qaLeadReadsTheReviewOfADeliveryInWords() {
    Map<String, Object> order = SampleRequests.vpnRequest();
    order.put(ServiceDeliveryProcess.Variables.TITLE, "VPN for the new controller");
    ProcessInstance request = formService.submitStartForm(definitionIdOf(ServiceDeliveryProcess.KEY), order);
    processInstanceIds.add(request.getId());
    requestId = request.getBusinessKey();
    taskService.complete(
        taskOf(requestId, PLAN_DELIVERY).getId(),
        Map.of(
            ResourceAllocationProcess.Variables.PLANNED_START, "2026-11-24T10:00+01:00",
            ResourceAllocationProcess.Variables.PLANNED_COMPLETION, "2026-11-24T14:00+01:00",
            ServiceDeliveryProcess.Variables.DELIVERY_INSTRUCTIONS, "Use the standard VPN profile for remote staff"));
    taskService.complete(
        taskOf(requestId, EXECUTE_SERVICE_ACTIVITIES).getId(),
        Map.of(
            QualityControlProcess.Variables.CHECKLIST_CONFIRMED,
            new ArrayList<>(catalog.get("NETWORK_ACCESS").checklist()),
            QualityControlProcess.Variables.PROGRESS_STATUS, "DONE",
            QualityControlProcess.Variables.PROGRESS_REPORT, "VPN profile deployed and tested together with the user",
            QualityControlProcess.Variables.EFFORT_HOURS, 1.5));
    Task review = taskOf(requestId, REVIEW_QUALITY);
    String deliveredBy = (String) taskService.getVariable(review.getId(), QualityControlProcess.Variables.ALLOCATED_RESOURCE);
    String dueText = (String) taskService.getVariable(review.getId(), QualityControlProcess.Variables.RESOLUTION_DUE_TEXT);
    assertThat(dueText).matches(READABLE_TIME);

    openAsQaLead("Review quality", "Quality control", review.getId());
    tasklist.waitUntil(attributeToBe(tasklist.formInput("Request"), "value", requestId));

    String shown = shownByTheForm();
    assertThat(shown)
        .contains("Review quality: " + requestId + " – VPN for the new controller")
        .contains("Priority High, resolution due " + dueText)
        .contains(nameOf(deliveredBy));
    assertThat(tasklist.formInput("Priority").getDomProperty("value")).isEqualTo("High");
    assertThat(tasklist.formInput("Resolution due").getDomProperty("value")).isEqualTo(dueText);
    assertThat(tasklist.formInput("Delivered by").getDomProperty("value")).isEqualTo(nameOf(deliveredBy));
    assertThat(tasklist.formInput("Effort (hours)").getDomProperty("value")).isEqualTo("1.5");
    assertReadable(shown);
    snapshotFromTheTop("review-quality-readable");
  }

  @Test
  void qaLeadReadsACapaInWordsPicksTheActionOwnerByNameAndReadsTheOwnerByNameWhenVerifying() {
    String title = "Approvals missing on VPN changes";
    ProcessInstance capa = capaOpenedByTheQaLead(title);
    processInstanceIds.add(capa.getId());
    String capaId = capa.getBusinessKey();
    taskService.complete(
        taskOf(capaId, ANALYSE_ROOT_CAUSE).getId(),
        Map.of(
            CapaProcess.Variables.CAUSE_CATEGORY, "PROCESS",
            CapaProcess.Variables.ROOT_CAUSE, "The approval step is not in the checklist"));
    Task plan = taskOf(capaId, PLAN_CORRECTIVE_ACTION);
    String capaDue = (String) runtimeService.getVariable(capa.getId(), CapaProcess.Variables.CAPA_DUE_TEXT);
    assertThat(capaDue).matches(READABLE_TIME);
    LocalDate day = LocalDate.now().plusDays(7);

    openAsQaLead("Plan corrective action", "CAPA", plan.getId());
    tasklist.waitUntil(attributeToBe(tasklist.formInput("CAPA"), "value", capaId));

    String shown = shownByTheForm();
    assertThat(shown)
        .contains("Plan corrective action: " + capaId + " – " + title)
        .contains("CAPA due " + capaDue)
        .contains("Process (steps, handovers)")
        .contains("SR-000999: opened by a QA lead");
    assertThat(tasklist.formInput("Service").getDomProperty("value")).isEqualTo("Network access");
    assertThat(tasklist.formInput("CAPA due").getDomProperty("value")).isEqualTo(capaDue);
    assertReadable(shown);
    snapshotFromTheTop("plan-corrective-action-readable");

    tasklist.formInput("Corrective and preventive actions").sendKeys("Add the approval to the checklist", Keys.TAB);
    tasklist.choose("Action owner", "Sam Field");
    tasklist.enterDateTime("Actions due", day, "16:00");
    assertReadable(shownByTheForm());
    session.browser().saveSnapshot(OUTPUT, "plan-corrective-action-owner-chosen");
    tasklist.complete();
    tasklist.waitUntil(
        browserDriver ->
            historyService.createHistoricTaskInstanceQuery().taskId(plan.getId()).singleResult().getEndTime() != null);

    Task implementation = taskOf(capaId, IMPLEMENT_ACTIONS);
    assertThat(implementation.getAssignee()).isEqualTo("staff1");
    taskService.complete(
        implementation.getId(), Map.of(CapaProcess.Variables.IMPLEMENTATION_NOTE, "Approval added to the checklist"));
    Task verification = taskOf(capaId, VERIFY_EFFECTIVENESS);
    String actionsDue = (String) runtimeService.getVariable(capa.getId(), CapaProcess.Variables.ACTION_DUE_TEXT);
    Date actionsDueAt = (Date) runtimeService.getVariable(capa.getId(), CapaProcess.Variables.ACTION_DUE_AT);
    assertThat(actionsDue)
        .as("in the zone of the business calendar OFFICE_BERLIN")
        .isEqualTo(ReadableTime.of(actionsDueAt, ZoneId.of("Europe/Berlin")))
        .matches(READABLE_TIME);

    openTask("Verify effectiveness", "CAPA", verification.getId());
    tasklist.waitUntil(attributeToBe(tasklist.formInput("CAPA"), "value", capaId));
    assertThat(tasklist.formInput("Action owner").getDomProperty("value")).isEqualTo("Sam Field");
    assertThat(tasklist.formInput("Actions due").getDomProperty("value")).isEqualTo(actionsDue);
    assertThat(tasklist.formInput("Plan revision").getDomProperty("value")).isEqualTo("1");
    assertReadable(shownByTheForm());
    snapshotFromTheTop("verify-capa-effectiveness-readable");
  }

  private void assertReadable(String shown) {
    assertThat(ISO_TIMESTAMP.matcher(shown).find()).as("an ISO timestamp in:%n%s", shown).isFalse();
    assertThat(CODE.matcher(shown).results().map(match -> match.group())).as("codes in:%n%s", shown).isEmpty();
    assertThat(USER_ID.matcher(shown).results().map(match -> match.group())).as("user ids in:%n%s", shown).isEmpty();
  }

  private ProcessInstance capaOpenedByTheQaLead(String title) {
    identityService.setAuthentication("qa", List.of("quality-assurance"));
    try {
      return formService.submitStartForm(
          definitionIdOf(CapaProcess.KEY),
          Map.of(
              CapaProcess.Variables.CAPA_TITLE, title,
              CapaProcess.Variables.CAPA_PROBLEM, "Three VPN changes this month went live without the owner's approval",
              CapaProcess.Variables.CAPA_SERVICE_CODE, "NETWORK_ACCESS",
              CapaProcess.Variables.CAPA_REQUEST_ID, "SR-000999"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String nameOf(String userId) {
    var user = identityService.createUserQuery().userId(userId).singleResult();
    return user.getFirstName() + " " + user.getLastName();
  }

  // ------------------------------------------------------------------------------------------ Tasklist

  /** Logs in as the QA lead, opens the task from the group's tasks and claims it, so that the form is editable. */
  private void openAsQaLead(String taskName, String processName, String taskId) {
    tasklist.open();
    tasklist.logIn("qa", "qa");
    openTask(taskName, processName, taskId);
  }

  /** Opens the task from the group's tasks and claims it. */
  private void openTask(String taskName, String processName, String taskId) {
    tasklist.openFilter(TasklistFilters.MY_GROUPS_TASKS);
    tasklist.openTask(taskName, processName, taskId);
    tasklist.claim();
  }

  // ------------------------------------------------------------------------------------------ the Camunda Form

  /** What the form shows a person: its visible text, and the values of its visible fields, one a line. */
  private String shownByTheForm() {
    return (String)
        ((JavascriptExecutor) tasklist.driver())
            .executeScript(
                "const form = document.querySelector('form.fjs-form');"
                    + " const values = Array.from(form.querySelectorAll('input, textarea'))"
                    + "   .filter(field => field.type !== 'hidden' && field.offsetParent !== null)"
                    + "   .map(field => field.value);"
                    + " return form.innerText + '\\n' + values.join('\\n');");
  }

  /** Saves a screenshot of the form from its heading on. */
  private void snapshotFromTheTop(String name) {
    ((JavascriptExecutor) tasklist.driver())
        .executeScript("document.querySelector('form.fjs-form').scrollIntoView({block: 'start'});");
    session.browser().saveSnapshot(OUTPUT, name);
  }

  // ------------------------------------------------------------------------------------------ engine

  private String definitionIdOf(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getId();
  }

  private Task taskOf(String businessKey, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }
}
