package io.servicedelivery.metrics;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.EXECUTE_SERVICE_ACTIVITIES;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.RECEIVE_REQUEST;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.REGISTER_REWORK;
import static io.servicedelivery.quality.QualityControlProcess.Elements.REVIEW_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.quality.QualityControlProcess;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourceAllocationProcess;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.TemporaryUsers;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operations manager signs in through the login page and reads the dashboard: the KPI tiles of known delivery
 * records and the process map with the requests waiting in execution; the map shows the whole diagram, every step's
 * time (seconds too) and a legend in words. Somebody else is refused, and nobody gets there without signing in.
 *
 * <p>Saves {@code target/dashboard-screenshot.png}, the dashboard as the manager sees it. Skipped when Chromium or
 * chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true} (see {@link HeadlessChromium}); each test saves
 * a snapshot to {@code target/browser-test/} at its end, and on failure.
 */
@ExtendWith(HeadlessChromium.Required.class)
@WebIntegrationTest
@ExcludeFromProcessCoverage
class DashboardBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @LocalServerPort int port;

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ResourcePool resourcePool;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired ServiceCatalog catalog;

  private HeadlessChromium browser;
  private WebDriver driver;
  private WebDriverWait wait;
  private final List<ProcessInstance> requests = new ArrayList<>();
  private final List<String> seeded = new ArrayList<>();

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);

  @BeforeEach
  void useTheBrowser() {
    browser = session.browser();
    driver = browser.driver();
    wait = session.waiting();
  }

  @AfterEach
  void deleteTheRequests() {
    for (String requestId : seeded) {
      jdbc.sql("delete from customer_feedback where request_id = ?").param(requestId).update();
      jdbc.sql("delete from service_delivery_record where request_id = ?").param(requestId).update();
    }
    for (ProcessInstance request : requests) {
      List<String> called = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(request.getId())
          .list().stream().map(HistoricProcessInstance::getId).toList();
      runtimeService.deleteProcessInstanceIfExists(request.getId(), "browser test finished", true, true, true, false);
      historyService.deleteHistoricProcessInstanceIfExists(request.getId());
      if (!called.isEmpty()) {
        historyService.deleteHistoricProcessInstancesIfExists(called);
      }
      for (String table : List.of("quality_check_result", "quality_finding", "quality_review")) {
        jdbc.sql("delete from " + table + " where request_id = ?").param(request.getBusinessKey()).update();
      }
      resourcePool.release(request.getBusinessKey(), ReleaseReason.CANCELLED);
    }
  }

  @Test
  void operationsManagerSignsInAndSeesTheKeyFiguresAndTheProcessMap() throws IOException {
    // September: four deliveries, three on time, two first time right, rated 5, 4 and 4; August: one, all right, rated 3
    closed("DASH-1", "2026-08-20T12:00:00Z", true, true, 3);
    closed("DASH-2", "2026-09-08T12:00:00Z", true, true, 5);
    closed("DASH-3", "2026-09-15T12:00:00Z", false, true, 4);
    closed("DASH-4", "2026-09-16T12:00:00Z", true, false, 4);
    closed("DASH-5", "2026-09-22T12:00:00Z", true, false, null);
    // two requests received in September and planned after 3 h and after 45 min wait in execution
    String laptop = startExecution(
        "Replacement laptop for the reception", "LAPTOP_PROVISIONING", "REPLACEMENT", "2026-09-25T09:00:00Z",
        Duration.ofHours(3));
    String vpn = startExecution(
        "VPN for the new accountant", "NETWORK_ACCESS", "VPN_ACCESS", "2026-09-25T10:00:00Z", Duration.ofMinutes(45));

    driver.get(url("/dashboard?from=2026-09-01&to=2026-09-28"));
    wait.until(urlContains("/login"));
    signIn("manager", "manager");
    wait.until(attributeToBe(By.tagName("body"), "data-loaded", "true"));
    assertThat(driver.getCurrentUrl()).endsWith("/dashboard?from=2026-09-01&to=2026-09-28");
    assertThat(driver.findElement(By.id("signed-in-user")).getText()).isEqualTo("manager");

    // the key figures, each with the numbers it comes from and the previous period (4 weeks before); labels in capitals
    assertThat(tile("onTimeDelivery"))
        .containsExactly("ON-TIME DELIVERY", "75.0 %", "3 / 4", "▼ previous period 100.0 %");
    assertThat(tile("firstTimeRight"))
        .containsExactly("FIRST TIME RIGHT", "50.0 %", "2 / 4", "▼ previous period 100.0 %");
    assertThat(tile("csatAverage"))
        .containsExactly("CUSTOMER SATISFACTION", "4.33 of 5", "13 / 3", "▲ previous period 3.00 of 5");
    assertThat(driver.findElement(By.cssSelector("[data-kpi='onTimeDelivery'] .kpi-trend")).getAttribute("class"))
        .contains("worse");

    // the process map: both requests wait in execution
    WebElement waiting = wait.until(visibilityOfElementLocated(overlay("waiting", EXECUTE_SERVICE_ACTIVITIES)));
    assertThat(waiting.getText()).isEqualTo("2");
    // planned after 3 h and after 45 min
    assertThat(driver.findElement(overlay("durations", PLAN_DELIVERY)).getDomProperty("textContent"))
        .isEqualTo("⌀ 1 h 53 minp90 3 h");
    // no time where no request finished in the period
    assertThat(driver.findElements(overlay("durations", EXECUTE_SERVICE_ACTIVITIES))).isEmpty();
    waiting.click();
    wait.until(textToBe(By.id("waiting-title"), "Execute service activities: 2 waiting"));
    assertThat(driver.findElements(By.cssSelector("#waiting-table tbody tr")))
        .extracting(row -> row.getAttribute("data-request"))
        .containsExactlyInAnyOrder(laptop, vpn);

    screenshot();
    browser.saveSnapshot(OUTPUT, "keyFiguresAndProcessMap");
  }

  @Test
  void theMapShowsTheWholeDiagramEveryStepsTimeInSecondsTooAndALegendWithoutNumbers() {
    // planned 40 s after it came in (the automated steps take no time at all: the clock stands still), executed, failed
    // in the quality review and back in execution
    String reworked = startExecution(
        "VPN for the auditor", "NETWORK_ACCESS", "VPN_ACCESS", "2026-10-05T09:00:00Z", Duration.ofSeconds(40));
    failOnce(reworked, "2026-10-05T11:00:00Z");

    driver.get(url("/dashboard?from=2026-10-01&to=2026-10-31"));
    wait.until(urlContains("/login"));
    signIn("manager", "manager");
    wait.until(attributeToBe(By.tagName("body"), "data-loaded", "true"));

    // the whole diagram, pool and lanes included, inside the map, and again when the window gets narrower
    assertThat(shapesOutsideTheMap()).isEmpty();
    long wideMap = mapWidth();
    driver.manage().window().setSize(new Dimension(1100, 1200));
    wait.until(page -> mapWidth() < wideMap && shapesOutsideTheMap().isEmpty());

    // every step's time, seconds too
    assertThat(driver.findElement(overlay("durations", PLAN_DELIVERY)).getDomProperty("textContent"))
        .isEqualTo("⌀ 40 sp90 40 s");
    assertThat(driver.findElement(overlay("durations", RECEIVE_REQUEST)).getDomProperty("textContent"))
        .isEqualTo("⌀ < 1 sp90 < 1 s");
    assertThat(driver.findElement(overlay("durations", EXECUTE_SERVICE_ACTIVITIES)).getDomProperty("textContent"))
        .isEqualTo("⌀ 1 h 59 minp90 1 h 59 min");
    // the rework where the failed review sent the work back; execution again is a repeated pass, not a rework
    assertThat(driver.findElement(overlay("reworks", REGISTER_REWORK)).getText()).isEqualTo("↻ 1");
    assertThat(driver.findElements(By.cssSelector(".overlay-reworks"))).hasSize(1);
    assertThat(driver.findElement(overlay("repeated", EXECUTE_SERVICE_ACTIVITIES)).getText()).isEqualTo("1× again");
    // the one function every time on the map is written with
    Map<Long, String> durations = new LinkedHashMap<>();
    durations.put(0L, "< 1 s");
    durations.put(400L, "< 1 s");
    durations.put(40_000L, "40 s");
    durations.put(59_600L, "1 min");
    durations.put(Duration.ofMinutes(5).plusSeconds(3).toMillis(), "5 min 3 s");
    durations.put(Duration.ofMinutes(5).toMillis(), "5 min");
    durations.put(Duration.ofHours(2).plusMinutes(5).toMillis(), "2 h 05 min");
    durations.put(Duration.ofHours(2).plusSeconds(20).toMillis(), "2 h");
    durations.put(Duration.ofDays(1).plusHours(4).toMillis(), "1 d 4 h");
    durations.put(Duration.ofHours(23).plusMinutes(59).plusSeconds(40).toMillis(), "1 d");
    durations.forEach((millis, shown) ->
        assertThat(((JavascriptExecutor) driver).executeScript("return DashboardFormat.duration(arguments[0])", millis))
            .as("%d ms", millis)
            .isEqualTo(shown));

    // the legend names the kinds of badges in words beside plain colour keys: nothing in it reads as a count
    WebElement legend = driver.findElement(By.id("map-legend"));
    assertThat(legend.findElements(By.cssSelector(".badge"))).isEmpty();
    assertThat(legend.findElements(By.cssSelector(".swatch"))).hasSize(5)
        .allSatisfy(swatch -> assertThat(swatch.getDomProperty("textContent")).isEmpty());
    assertThat(legend.getText()).contains("reworks, failed quality reviews", "repeated passes")
        .doesNotContainPattern("\\b\\d+\\b");

    ((JavascriptExecutor) driver).executeScript("document.getElementById('map-heading').scrollIntoView()");
    browser.saveSnapshot(OUTPUT, "wholeMapSecondsAndLegend");
  }

  @Test
  void somebodyWhoIsNoOperationsManagerIsRefused() {
    driver.get(url("/dashboard"));
    wait.until(urlContains("/login"));
    signIn("staff1", "staff1");

    wait.until(textToBe(By.tagName("h1"), "The dashboard is for operations managers"));
    assertThat(driver.findElement(By.id("user")).getText()).isEqualTo("staff1");
    browser.saveSnapshot(OUTPUT, "refused");
  }

  @Test
  void aWrongPasswordKeepsYouOnTheLoginPage() {
    driver.get(url("/login"));
    // not a demo user: Camunda delays the next login of a user whose password was wrong
    String userId = TemporaryUsers.create(identityService);
    try {
      signIn(userId, "not-the-password");

      wait.until(urlContains("/login?error"));
      assertThat(driver.findElement(By.cssSelector(".message.error")).getText())
          .isEqualTo("Unknown user or wrong password.");
      browser.saveSnapshot(OUTPUT, "wrongPassword");
    } finally {
      identityService.deleteUser(userId);
    }
  }

  /** A delivered request, as the records keep it: completed 2 h before it was closed, an hour early or late. */
  private void closed(String requestId, String closedAt, boolean onTime, boolean firstTimeRight, Integer rating) {
    Instant closed = Instant.parse(closedAt);
    Instant completed = closed.minus(Duration.ofHours(2));
    jdbc.sql(
            """
            insert into service_delivery_record (
              request_id, process_instance_id, channel, received_at, service_code, request_type, priority, title,
              planned_completion_at, resolution_due_at, completed_at, closed_at, outcome, response_met, resolution_met,
              rework_count, first_time_right, cost)
            values (?, ?, 'API', ?, ?, 'ANY', 'MEDIUM', 'Seeded for the dashboard', ?, ?, ?, ?, 'CLOSED', true, true,
              ?, ?, 45.00)""")
        .params(
            requestId,
            "none-" + requestId,
            Timestamp.from(closed.minus(Duration.ofDays(1))),
            requestId.compareTo("DASH-3") <= 0 ? "NETWORK_ACCESS" : "LAPTOP_PROVISIONING",
            Timestamp.from(completed.plus(Duration.ofHours(onTime ? 1 : -1))),
            Timestamp.from(closed.plus(Duration.ofDays(1))),
            Timestamp.from(completed),
            Timestamp.from(closed),
            firstTimeRight ? 0 : 1,
            firstTimeRight)
        .update();
    seeded.add(requestId);
    if (rating != null) {
      jdbc.sql("insert into customer_feedback (request_id, rating, rated_at, rated_by) values (?, ?, ?, 'customer')")
          .params(requestId, rating, Timestamp.from(closed.plus(Duration.ofHours(3))))
          .update();
    }
  }

  /** Label, value, numerator / denominator and trend of a KPI tile, as shown. */
  private List<String> tile(String key) {
    WebElement tile = driver.findElement(By.cssSelector("[data-kpi='" + key + "']"));
    return List.of(".kpi-label", ".kpi-value", ".kpi-ratio", ".kpi-trend").stream()
        .map(part -> tile.findElement(By.cssSelector(part)).getText())
        .toList();
  }

  /** A request received at {@code receivedAt} and planned {@code planning} later: it waits in execution. */
  private String startExecution(
      String title, String serviceCode, String requestType, String receivedAt, Duration planning) {
    Map<String, Object> request = SampleRequests.vpnRequest();
    request.put(Variables.TITLE, title);
    request.put(Variables.SERVICE_CODE, serviceCode);
    request.put(Variables.REQUEST_TYPE, requestType);
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY).latestVersion()
            .singleResult().getId();
    ProcessInstance instance;
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse(receivedAt)));
      instance = formService.submitStartForm(definitionId, request);
      requests.add(instance);
      ClockUtil.setCurrentTime(Date.from(Instant.parse(receivedAt).plus(planning)));
      taskService.complete(
          taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(PLAN_DELIVERY)
              .singleResult().getId(),
          Map.of(
              ResourceAllocationProcess.Variables.PLANNED_START, "2026-09-28T10:00+02:00",
              ResourceAllocationProcess.Variables.PLANNED_COMPLETION, "2026-09-28T14:00+02:00",
              Variables.DELIVERY_INSTRUCTIONS, "As agreed with the requester",
              Variables.PLAN_DEVIATION_REASON, "The requester is away until the 28th"));
    } finally {
      ClockUtil.reset();
    }
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(EXECUTE_SERVICE_ACTIVITIES).count()).isOne();
    return instance.getBusinessKey();
  }

  /** The assignee reports the work done at {@code doneAt}, and the QA lead fails it: back to execution. */
  private void failOnce(String requestId, String doneAt) {
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse(doneAt)));
      taskService.complete(
          taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(EXECUTE_SERVICE_ACTIVITIES)
              .singleResult().getId(),
          Map.of(
              QualityControlProcess.Variables.CHECKLIST_CONFIRMED,
              new ArrayList<>(catalog.get("NETWORK_ACCESS").checklist()),
              QualityControlProcess.Variables.PROGRESS_STATUS, "DONE",
              QualityControlProcess.Variables.PROGRESS_REPORT, "VPN profile deployed and tested with the user",
              QualityControlProcess.Variables.EFFORT_HOURS, 2.0));
      taskService.complete(
          taskService.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey(REVIEW_QUALITY)
              .singleResult().getId(),
          Map.of(
              QualityControlProcess.Variables.QUALITY_VERDICT, "FAILED",
              QualityControlProcess.Variables.QUALITY_FINDINGS, "The data owner's approval is not documented",
              QualityControlProcess.Variables.FINDING_SEVERITY, "MINOR"));
    } finally {
      ClockUtil.reset();
    }
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(requestId)
        .taskDefinitionKey(EXECUTE_SERVICE_ACTIVITIES).count()).isOne();
  }

  /** Signs in and waits until the login page is left, so that nothing is looked for on the page being unloaded. */
  private void signIn(String user, String password) {
    wait.until(visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    WebElement signInButton = driver.findElement(By.id("sign-in"));
    signInButton.click();
    wait.until(stalenessOf(signInButton));
  }

  /**
   * The shapes of the diagram (pool, lanes, activities, events, gateways, labels) and the badges on them whose box is
   * not entirely inside the map, each as its element id and box; fails when there are no shapes at all.
   */
  @SuppressWarnings("unchecked")
  private List<String> shapesOutsideTheMap() {
    List<String> outside = (List<String>) ((JavascriptExecutor) driver).executeScript(
        """
        const map = document.getElementById('diagram').getBoundingClientRect();
        const shapes = [...document.querySelectorAll('#diagram .djs-element.djs-shape, #diagram .djs-overlay')];
        if (!shapes.some((shape) => shape.dataset.elementId === 'Participant_ServiceDelivery')) return ['no pool drawn'];
        return shapes
          .map((shape) => [shape.dataset.elementId || shape.className, shape.getBoundingClientRect()])
          .filter(([id, box]) => box.left < map.left || box.top < map.top || box.right > map.right || box.bottom > map.bottom)
          .map(([id, box]) => id + ' ' + Math.round(box.left) + ',' + Math.round(box.top) + ' to ' + Math.round(box.right)
            + ',' + Math.round(box.bottom) + ' (map ' + Math.round(map.left) + ',' + Math.round(map.top) + ' to '
            + Math.round(map.right) + ',' + Math.round(map.bottom) + ')');
        """);
    return outside;
  }

  private long mapWidth() {
    return ((Number) ((JavascriptExecutor) driver)
        .executeScript("return document.getElementById('diagram').getBoundingClientRect().width")).longValue();
  }

  private static By overlay(String kind, String activityId) {
    return By.cssSelector(".overlay-" + kind + "[data-activity='" + activityId + "']");
  }

  /** The whole page: the window grows to the page's height first. */
  private void screenshot() throws IOException {
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(1600, (int) height + 140));
    Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(png, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
