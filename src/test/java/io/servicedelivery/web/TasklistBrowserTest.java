package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.quality.CapaProcess.Elements.ANALYSE_ROOT_CAUSE;
import static io.servicedelivery.quality.CapaProcess.Elements.IMPLEMENT_ACTIONS;
import static io.servicedelivery.quality.CapaProcess.Elements.PLAN_CORRECTIVE_ACTION;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

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
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
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

  private HeadlessChromium browser;
  private WebDriver driver;
  private WebDriverWait wait;
  private String requestId;
  private String processInstanceId;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);

  @BeforeEach
  void useTheBrowser() {
    browser = session.browser();
    driver = browser.driver();
    wait = session.waiting();
  }

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

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn(COORDINATOR, COORDINATOR);
    openFilter(TasklistFilters.MY_GROUPS_TASKS);
    openTaskFromTheList("Plan delivery", "Service delivery", plan.getId());
    claim();

    // the request, read-only
    WebElement requestField = formInput("Request");
    wait.until(attributeToBe(requestField, "value", requestId));
    assertThat(requestField.isEnabled()).as("Request field enabled").isFalse();
    WebElement titleField = formInput("Title");
    assertThat(titleField.getDomProperty("value")).isEqualTo(TITLE);
    assertThat(titleField.isEnabled()).as("Title field enabled").isFalse();
    assertThat(formInput("Service").getDomProperty("value")).isEqualTo("Network access");
    assertThat(formInput("Requester").getDomProperty("value")).isEqualTo("Ada Customer");

    // the plan
    enterDateTime("Planned start", day, "10:00");
    enterDateTime("Planned completion", day, "14:00");
    formInput("Instructions for the person executing").sendKeys(INSTRUCTIONS);
    // two days ahead ends after the resolution due time of a HIGH request: the form asks why
    formInput("Why the plan ends after the resolution due time").sendKeys("The requester is away until then");
    browser.saveSnapshot(OUTPUT, "plan-delivery-form-filled");
    clickUncovered(COMPLETE_BUTTON);
    wait.until(browserDriver -> historicTask(plan.getId()).getEndTime() != null);
    browser.saveSnapshot(OUTPUT, "plan-delivery-completed");

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

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn(COORDINATOR, COORDINATOR);
    wait.until(elementToBeClickable(START_PROCESS)).click();
    wait.until(elementToBeClickable(startableProcess("Service delivery"))).click();
    choose("Service", "Laptop provisioning");
    choose("Request type", "Replacement of an old or broken laptop");
    choose("Impact", "Medium");
    choose("Urgency", "Medium");
    // set explicitly, the priority overrules the priority matrix (which gives MEDIUM here)
    choose("Priority (leave empty to derive it from impact and urgency)", "High");
    formInput("Title").sendKeys(title, Keys.TAB);
    formInput("Description").sendKeys("The reception laptop no longer charges.", Keys.TAB);
    formInput("Requester name").sendKeys("Ada Customer", Keys.TAB);
    formInput("Requester e-mail").sendKeys("ada@customer.example", Keys.TAB);
    browser.saveSnapshot(OUTPUT, "order-form-filled");
    clickUncovered(START_BUTTON);
    ProcessInstance instance = wait.until(browserDriver -> requestTitled(title));
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

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn("staff2", "staff2");
    openFilter(TasklistFilters.MY_TASKS);
    openTaskFromTheList("Execute service activities", "Service delivery", execute.getId());

    wait.until(attributeToBe(formInput("Request"), "value", requestId));
    assertThat(formInput("Instructions").getDomProperty("value")).isEqualTo(INSTRUCTIONS);
    assertThat(formInput("SLA").getDomProperty("value"))
        .matches(
            "On track: 0 % of the resolution time used, (7 h 5\\d|8 h 00) min of working time left until .+ UTC\\."
                + " As of .+");
    for (String item : checklist) {
      tick(item);
    }
    tick("Done \u2013 all service activities are complete");
    // leaving a field (Tab) hands its value to form-js, which otherwise takes typed text in with a delay
    formInput("Report").sendKeys("VPN profile deployed and tested together with the user", Keys.TAB);
    formInput("Effort spent so far (hours, total)").sendKeys("1.5", Keys.TAB);
    browser.saveSnapshot(OUTPUT, "execute-service-activities-form-filled");
    clickUncovered(COMPLETE_BUTTON);
    wait.until(browserDriver -> historicTask(execute.getId()).getEndTime() != null);

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

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn("qa", "qa");
    openFilter(TasklistFilters.MY_GROUPS_TASKS);
    openTaskFromTheList("Review quality", "Quality control", review.getId());
    claim();

    wait.until(attributeToBe(formInput("Request"), "value", requestId));
    assertThat(formInput("Automated checks (PASS, WARN or FAIL, with the reason)").getDomProperty("value"))
        .startsWith("FAIL Checklist: Mandatory items not confirmed: " + checklist.get(0));
    tick("Failed \u2013 rework needed");
    // no Tab here: it would focus the severity select, which the click of choose() would then close again;
    // the click also takes the findings out of the textarea
    formInput("Findings for the rework, one a line").sendKeys("The data owner's approval is missing");
    choose("Severity of the findings", "Major \u2013 rework and a CAPA");
    browser.saveSnapshot(OUTPUT, "review-quality-form-filled");
    clickUncovered(COMPLETE_BUTTON);
    wait.until(browserDriver -> historicTask(review.getId()).getEndTime() != null);

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

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn("qa", "qa");
    wait.until(elementToBeClickable(START_PROCESS)).click();
    wait.until(elementToBeClickable(startableProcess("CAPA"))).click();
    formInput("Title").sendKeys(title, Keys.TAB);
    formInput("Problem").sendKeys("Three network changes this month went live without the data owner's approval", Keys.TAB);
    formInput("Service code (optional)").sendKeys("NETWORK_ACCESS", Keys.TAB);
    browser.saveSnapshot(OUTPUT, "start-capa-form-filled");
    clickUncovered(START_BUTTON);
    ProcessInstance capa =
        wait.until(
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

    openFilter(TasklistFilters.MY_GROUPS_TASKS);
    openTaskFromTheList("Plan corrective action", "CAPA", plan.getId());
    claim();
    wait.until(attributeToBe(formInput("CAPA"), "value", requestId));
    assertThat(formInput("Root cause").getDomProperty("value")).isEqualTo("The approval step is not in the checklist");
    formInput("Corrective and preventive actions").sendKeys("Add the approval to the checklist; brief the team", Keys.TAB);
    // the owner is picked from the list by name: typed to narrow the list down, the one left taken with Enter
    WebElement owner = formInput("Action owner");
    owner.click();
    owner.sendKeys("Sam Field", Keys.ENTER);
    wait.until(attributeToBe(owner, "value", "Sam Field"));
    enterDateTime("Actions due", day, "16:00");
    browser.saveSnapshot(OUTPUT, "plan-corrective-action-form-filled");
    clickUncovered(COMPLETE_BUTTON);
    wait.until(browserDriver -> historicTask(plan.getId()).getEndTime() != null);

    Task implementation = openTask(IMPLEMENT_ACTIONS);
    assertThat(implementation.getAssignee()).isEqualTo("staff1");
    assertThat(implementation.getDueDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate())
        .isEqualTo(day);
  }

  // ------------------------------------------------------------------------------------------ Tasklist pages
  // The selectors rely on Tasklist 7.24's templates (camunda-webapp-webjar), not on anything of this application.

  /** The login form of the Camunda webapps ({@code camunda-commons-ui/lib/auth/page/form.html}). */
  private static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
  private static final By LOGIN_USER = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By LOGIN_PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By LOGIN_SUBMIT = By.cssSelector("form[name='signinForm'] button[type='submit']");
  /** The open task's name in the task pane, and its Claim button (shown while nobody is assigned). */
  private static final By TASK_NAME = By.cssSelector("[cam-tasklist-task] .names h2.task");
  private static final By CLAIM_BUTTON = By.cssSelector("[cam-tasklist-task-meta] button.claim");
  private static final By ASSIGNEE = By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]");
  /** The header link that opens the dialog to start a process, and that dialog's start button. */
  private static final By START_PROCESS = By.xpath("//a[normalize-space()='Start process']");
  private static By startableProcess(String name) {
    return By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + name + "']");
  }

  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");
  /** The notifications at the bottom right ({@code camunda-commons-ui/lib/widgets/notifications-panel}). */
  private static final By NOTIFICATION = By.cssSelector("[notifications-panel] .alert");
  private static final By NOTIFICATION_CLOSE =
      By.cssSelector("[notifications-panel] .alert button.close[ng-click^='removeNotification']");
  /** The form's buttons below every task form (Save, Complete). */
  private static final By COMPLETE_BUTTON =
      By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']");

  private void logIn(String user, String password) {
    wait.until(visibilityOfElementLocated(LOGIN_USER)).sendKeys(user);
    driver.findElement(LOGIN_PASSWORD).sendKeys(password);
    driver.findElement(LOGIN_SUBMIT).click();
    wait.until(invisibilityOfElementLocated(LOGIN_FORM));
  }

  /** Clicks a filter in the left column and waits until it is the active one. */
  private void openFilter(String name) {
    String filter =
        "//section[contains(@class,'task-filters')]//div[contains(@class,'task-filter')]"
            + "[h4[contains(@class,'name')]/a[normalize-space(text())=\"" + name + "\"]]";
    wait.until(elementToBeClickable(By.xpath(filter + "/h4[contains(@class,'name')]/a"))).click();
    wait.until(browserDriver -> browserDriver.findElement(By.xpath(filter)).getAttribute("class").contains("active"));
  }

  /**
   * Opens the task from the list of the active filter. The list shows the task and process names only, not the
   * request, so the entry is the one with those names that links to the request's task.
   */
  private void openTaskFromTheList(String taskName, String processName, String taskId) {
    By entry =
        By.xpath(
            "//*[@cam-tasks]//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h6[contains(@class,'process-definition')][normalize-space()='" + processName + "']]"
                + "//h4[contains(@class,'task')]/a[normalize-space()='" + taskName + "']"
                + "[contains(@href,'task=" + taskId + "')]");
    wait.until(elementToBeClickable(entry)).click();
    wait.until(textToBe(TASK_NAME, taskName));
  }

  /** Tasklist shows the form read-only until the task is claimed. */
  private void claim() {
    wait.until(elementToBeClickable(CLAIM_BUTTON)).click();
    wait.until(invisibilityOfElementLocated(CLAIM_BUTTON));
    wait.until(visibilityOfElementLocated(ASSIGNEE));
    closeNotifications();
  }

  // ------------------------------------------------------------------------------------------ the Camunda Form

  /** The input of a form-js field, found through its label (the labels of {@code forms/plan-delivery.form}). */
  private WebElement formInput(String label) {
    WebElement labelElement =
        wait.until(
            visibilityOfElementLocated(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//label[contains(@class,'fjs-form-field-label')]"
                        + "[normalize-space(text())='" + label + "']")));
    return inView(driver.findElement(By.id(labelElement.getAttribute("for"))));
  }

  /**
   * Picks an option of a form-js select by its label. A plain select is opened through its display (its labelled
   * input is hidden), a searchable one through its input.
   */
  private void choose(String label, String option) {
    WebElement input = formInput(label);
    List<WebElement> display = driver.findElements(By.id(input.getAttribute("id") + "-display"));
    WebElement select = display.isEmpty() ? input : inView(display.get(0));
    wait.until(elementToBeClickable(select)).click();
    wait.until(
            elementToBeClickable(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')]"
                        + "[normalize-space()=\"" + option + "\"]")))
        .click();
  }

  /** Ticks a checkbox or radio button of the form through its label, as a person does. */
  private void tick(String label) {
    WebElement labelElement =
        wait.until(
            elementToBeClickable(
                By.xpath("//form[contains(@class,'fjs-form')]//label[normalize-space()=\"" + label + "\"]")));
    inView(labelElement).click();
    wait.until(
        browserDriver ->
            (Boolean)
                ((JavascriptExecutor) browserDriver)
                    .executeScript(
                        "const input = arguments[0].querySelector('input')"
                            + " || document.getElementById(arguments[0].htmlFor); return input.checked;",
                        labelElement));
  }

  /** Clicks a button at the bottom right of the page, where Tasklist's notifications could cover it. */
  private void clickUncovered(By button) {
    closeNotifications();
    inView(wait.until(elementToBeClickable(button))).click();
  }

  /**
   * Closes Tasklist's notifications, as a person would: they sit at the bottom right, over the form's last fields and
   * its Complete button, and some ("The process has been started.") stay until closed.
   */
  private void closeNotifications() {
    wait.until(
        browserDriver -> {
          try {
            browserDriver.findElements(NOTIFICATION_CLOSE).stream().filter(WebElement::isDisplayed)
                .findFirst().ifPresent(WebElement::click);
            return browserDriver.findElements(NOTIFICATION).stream().noneMatch(WebElement::isDisplayed);
          } catch (StaleElementReferenceException removedMeanwhile) {
            return false;
          }
        });
  }

  /** Tasklist's fixed footer covers the bottom of the task pane: clicks go to the middle of the view. */
  private WebElement inView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  /**
   * A form-js datetime field: a flatpickr date input, whose format follows the browser locale (its placeholder,
   * e.g. mm/dd/yyyy), and a time input (hh:mm with use24h). The date the field then shows is compared as a date: the
   * locale decides whether a day or month below 10 has a leading zero (Tasklist writes 12/8/2026).
   */
  private void enterDateTime(String label, LocalDate date, String time) {
    WebElement dateInput = formInput(label + " \u2013 date");
    wait.until(elementToBeClickable(dateInput));
    String placeholder = dateInput.getAttribute("placeholder");
    String text =
        placeholder
            .replace("yyyy", String.format("%04d", date.getYear()))
            .replace("mm", String.format("%02d", date.getMonthValue()))
            .replace("dd", String.format("%02d", date.getDayOfMonth()));
    dateInput.click();
    // typed and left with Tab, as a person moves through the form: the date is taken in, and the time is next
    dateInput.sendKeys(text, Keys.TAB);
    wait.until(browserDriver -> date.equals(shownDate(placeholder, dateInput.getDomProperty("value"))));

    // Tab opened the list of times under the time input: type over it rather than click into it
    WebElement timeInput = formInput(label + " \u2013 time");
    timeInput.sendKeys(time, Keys.TAB);
    wait.until(attributeToBe(timeInput, "value", time));
  }

  /** The date a date input shows in the order of its placeholder's parts, or null while it shows none. */
  static LocalDate shownDate(String placeholder, String value) {
    List<String> order = List.of(placeholder.toLowerCase(Locale.ROOT).split("[^a-z]+"));
    String[] numbers = value == null ? new String[0] : value.trim().split("\\D+");
    if (numbers.length != 3 || order.size() != 3 || numbers[0].isEmpty()) {
      return null;
    }
    return LocalDate.of(
        Integer.parseInt(numbers[order.indexOf("yyyy")]),
        Integer.parseInt(numbers[order.indexOf("mm")]),
        Integer.parseInt(numbers[order.indexOf("dd")]));
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
