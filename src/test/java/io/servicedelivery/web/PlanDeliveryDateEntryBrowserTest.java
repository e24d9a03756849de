package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.identity.TasklistFilters;
import io.servicedelivery.records.ServiceDeliveryRecord;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.TasklistPage;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator plans a delivery in Tasklist wherever they are: the browser's local time is New York's or Tokyo's, the
 * request counts in the Berlin office calendar, and the plan is entered as Berlin's clocks show it, once by typing a
 * date and pressing Tab and once by picking the date and the time from the pickers. The record keeps the moments meant
 * in Berlin. The application's clock stands on the 1st and on the 28th of a month, so that the plan starts in the
 * month the pickers show first or in the next one. The form shows every date as people read it and no code: no ISO
 * timestamp, no enum constant.
 *
 * <p>Skipped when Chromium or chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true} (see {@link
 * HeadlessChromium}). A screenshot of each filled form is saved under {@code target/browser-test/}.
 */
@ExtendWith(HeadlessChromium.Required.class)
@WebIntegrationTest
@ExcludeFromProcessCoverage
class PlanDeliveryDateEntryBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String COORDINATOR = "coordinator";
  /** MEDIUM counts in OFFICE_BERLIN: the calendar whose clocks the plan is entered in */
  private static final ZoneId CALENDAR_ZONE = ZoneId.of("Europe/Berlin");
  private static final String DEVIATION_REASON = "The requester is on site only then";

  /** a date and time as a machine writes it: 2026-12-06T17:21, 2026-12-07 11:00:00, 2026-12-08T10:00+00:00 */
  private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
  /** the codes of priorities, SLA states and progress, which a person should never have to read */
  private static final Pattern CODE =
      Pattern.compile("\\b(CRITICAL|HIGH|MEDIUM|LOW|ON_TRACK|AT_RISK|BREACHED|PAUSED|WAITING_FOR_CUSTOMER|OFFICE_BERLIN|24X7)\\b");

  @LocalServerPort int port;

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ResourcePool resourcePool;
  @Autowired ServiceDeliveryRecords records;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);
  private final TasklistPage tasklist = new TasklistPage(session, () -> port);

  private String requestId;
  private String processInstanceId;

  @AfterEach
  void deleteTheRequestAndResetTheClock() {
    ClockUtil.reset();
    if (processInstanceId != null) {
      runtimeService.deleteProcessInstanceIfExists(processInstanceId, "browser test finished", true, true, true, false);
      historyService.deleteHistoricProcessInstanceIfExists(processInstanceId);
    }
    if (requestId != null) {
      resourcePool.release(requestId, ReleaseReason.CANCELLED);
    }
  }

  @ParameterizedTest(name = "browser in {0}, application clock on day {1} of the month")
  @CsvSource({"America/New_York, 1", "America/New_York, 28", "Asia/Tokyo, 1", "Asia/Tokyo, 28"})
  void coordinatorPlansByTypingAndByPickingInTheCalendarsZoneWhereverTheBrowserIs(String browserZone, int dayOfMonth) {
    ZoneId zone = ZoneId.of(browserZone);
    session.restartIn(zone);
    // next month, so that the pickers (which open on the browser's real month) have to move
    LocalDate today = YearMonth.now(CALENDAR_ZONE).plusMonths(1).atDay(dayOfMonth);
    ClockUtil.setCurrentTime(Date.from(today.atTime(9, 0).atZone(CALENDAR_ZONE).toInstant()));
    String title = "Plan made in " + browserZone + " on day " + dayOfMonth;
    startMediumRequest(title);
    LocalDateTime start = today.plusDays(3).atTime(10, 0);
    LocalDateTime completion = today.plusDays(4).atTime(15, 30);

    tasklist.open();
    tasklist.logIn(COORDINATOR, COORDINATOR);
    tasklist.openFilter(TasklistFilters.MY_GROUPS_TASKS);
    Task plan = planDeliveryTask();
    tasklist.openTask("Plan delivery", "Service delivery", plan.getId());
    tasklist.claim();
    tasklist.waitUntil(attributeToBe(tasklist.formInput("Request"), "value", requestId));

    typeDateTime("Planned start", start);
    pickDateTime("Planned completion", completion);
    tasklist.formInput("Why the plan ends after the resolution due time").sendKeys(DEVIATION_REASON);
    tasklist.formInput("Instructions for the person executing").sendKeys("Use the standard VPN profile.", Keys.TAB);
    assertThat(visibleErrors()).as("form errors after typing and picking").isEmpty();
    String shown = shownText();
    // the heading names the request, its priority and its due times
    assertThat(shown)
        .contains(requestId + ": " + title)
        .contains("Priority Medium")
        .contains("Europe/Berlin (CE"); // CET or CEST
    assertThat(ISO_TIMESTAMP.matcher(shown).results().map(match -> match.group()).toList())
        .as("ISO timestamps in the form").isEmpty();
    assertThat(CODE.matcher(shown).results().map(match -> match.group()).toList()).as("codes in the form").isEmpty();
    session.browser()
        .saveSnapshot(OUTPUT, "plan-delivery-dates-" + zone.getId().replace('/', '-') + "-day-" + dayOfMonth);
    tasklist.complete();
    tasklist.waitUntil(
        browserDriver -> historyService.createHistoricTaskInstanceQuery().taskId(plan.getId()).singleResult()
            .getEndTime() != null);

    ServiceDeliveryRecord record = records.get(requestId);
    Instant meantStart = start.atZone(CALENDAR_ZONE).toInstant();
    Instant meantCompletion = completion.atZone(CALENDAR_ZONE).toInstant();
    assertThat(record.plannedStartAt()).as("planned start, typed").isEqualTo(meantStart);
    assertThat(record.plannedCompletionAt()).as("planned completion, picked").isEqualTo(meantCompletion);
    boolean late = meantCompletion.isAfter(record.resolutionDueAt());
    assertThat(record.planDeviationReason()).isEqualTo(late ? DEVIATION_REASON : null);
  }

  // ------------------------------------------------------------------------------------------ the request

  private void startMediumRequest(String title) {
    Map<String, Object> request = SampleRequests.vpnRequest();
    request.put(Variables.TITLE, title);
    request.put(Variables.PRIORITY, "MEDIUM");
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion().singleResult().getId();
    ProcessInstance instance = formService.submitStartForm(definitionId, request);
    processInstanceId = instance.getId();
    requestId = instance.getBusinessKey();
  }

  private Task planDeliveryTask() {
    return tasklist.waitUntil(
        browserDriver -> taskService.createTaskQuery().processInstanceBusinessKey(requestId)
            .taskDefinitionKey(PLAN_DELIVERY).singleResult());
  }

  // ------------------------------------------------------------------------------------------ date entry

  /**
   * Types the date as the date input's placeholder asks (the browser locale's order: mm/dd/yyyy) and the time, each
   * followed by Tab, as a person moving through the form does.
   */
  private void typeDateTime(String label, LocalDateTime at) {
    WebElement dateInput = tasklist.formInput(label + " \u2013 date");
    String placeholder = dateInput.getAttribute("placeholder");
    dateInput.click();
    dateInput.sendKeys(TasklistPage.written(placeholder, at.toLocalDate()), Keys.TAB);
    // Tab went on to the time input, whose list of times is open now: type over it
    WebElement timeInput = tasklist.driver().switchTo().activeElement();
    assertThat(timeInput.getAttribute("id")).isEqualTo(tasklist.formInput(label + " \u2013 time").getAttribute("id"));
    timeInput.sendKeys(at.toLocalTime().toString(), Keys.TAB);
    assertShown(label, at);
  }

  /** Opens the date picker, moves it to the month, clicks the day, then picks the time from the time list. */
  private void pickDateTime(String label, LocalDateTime at) {
    WebElement dateInput = tasklist.formInput(label + " \u2013 date");
    dateInput.click();
    WebElement calendar =
        tasklist.waitUntil(
            browserDriver -> dateInput.findElement(By.xpath(
                "./ancestor::div[contains(@class,'fjs-datetime-subsection')]"
                    + "//div[contains(@class,'flatpickr-calendar')][contains(@class,'open')]")));
    YearMonth target = YearMonth.from(at);
    for (int step = 0; step < 24; step++) {
      YearMonth shown = shownMonth(calendar);
      if (shown.equals(target)) {
        break;
      }
      calendar.findElement(By.cssSelector(shown.isBefore(target) ? ".flatpickr-next-month" : ".flatpickr-prev-month"))
          .click();
    }
    String day = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).format(at);
    calendar.findElement(By.cssSelector(
            "span.flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)[aria-label='" + day + "']"))
        .click();
    WebElement timeInput = tasklist.formInput(label + " \u2013 time");
    timeInput.click();
    String time = at.toLocalTime().toString();
    WebElement item =
        tasklist.waitUntil(visibilityOfElementLocated(By.xpath(
            "//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')]"
                + "[normalize-space()='" + time + "']")));
    // scroll the list of times (not the page) to the time, as a person scrolls it with the mouse wheel
    ((JavascriptExecutor) tasklist.driver())
        .executeScript(
            "let list = arguments[0].parentElement;"
                + "while (list && list.scrollHeight <= list.clientHeight) { list = list.parentElement; }"
                + "list.scrollTop = arguments[0].offsetTop - list.offsetTop - 10;",
            item);
    tasklist.waitUntil(
        browserDriver -> {
          try {
            item.click();
            return true;
          } catch (ElementClickInterceptedException notInSightYet) {
            return false;
          }
        });
    assertShown(label, at);
  }

  private static YearMonth shownMonth(WebElement calendar) {
    int month = Integer.parseInt(
        new Select(calendar.findElement(By.cssSelector("select.flatpickr-monthDropdown-months")))
            .getFirstSelectedOption().getAttribute("value"));
    int year = Integer.parseInt(calendar.findElement(By.cssSelector("input.cur-year")).getDomProperty("value"));
    return YearMonth.of(year, month + 1);
  }

  /** The date and time inputs show what was entered. */
  private void assertShown(String label, LocalDateTime at) {
    WebElement dateInput = tasklist.formInput(label + " \u2013 date");
    String placeholder = dateInput.getAttribute("placeholder");
    tasklist.waitUntil(
        browserDriver -> at.toLocalDate()
            .equals(TasklistPage.shownDate(placeholder, dateInput.getDomProperty("value"))));
    tasklist.waitUntil(attributeToBe(tasklist.formInput(label + " \u2013 time"), "value", at.toLocalTime().toString()));
  }

  // ------------------------------------------------------------------------------------------ the form

  /** What a person reads in the form: its text and the values of its fields. */
  private String shownText() {
    return (String)
        ((JavascriptExecutor) tasklist.driver())
            .executeScript(
                "const form = document.querySelector('form.fjs-form');"
                    + "const values = Array.from(form.querySelectorAll('input, textarea'))"
                    + "  .filter(input => input.type !== 'hidden').map(input => input.value);"
                    + "return form.innerText + '\\n' + values.join('\\n');");
  }

  private List<String> visibleErrors() {
    return tasklist.driver().findElements(By.cssSelector("form.fjs-form .fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .filter(text -> !text.isBlank())
        .toList();
  }
}
