package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.delivery.ServiceDeliveryProcess.Variables;
import io.servicedelivery.identity.TasklistFilters;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.sla.Priority;
import io.servicedelivery.sla.ReadableTime;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.HttpBrowser;
import io.servicedelivery.testsupport.SampleRequests;
import io.servicedelivery.testsupport.TasklistPage;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
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
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff find their way in Camunda's webapps with a real (headless) browser: no page carries Camunda's banner asking
 * to migrate to Camunda 8, an operations manager reads Cockpit's dashboards without a permission error, and a
 * coordinator sees in the task list which request each task is for.
 *
 * <p>Skipped when Chromium or chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true} (see {@link
 * HeadlessChromium}). Each test saves a screenshot, the page source and the browser console of the page it ends on
 * under {@code target/browser-test/}, on failure too.
 */
@ExtendWith(HeadlessChromium.Required.class) // skips (or fails) each test before its instance is created
@WebIntegrationTest
// a user-interface test, no process test: without this the coverage listener hooks into the engine of the shared
// web context and warns that no coverage could be calculated
@ExcludeFromProcessCoverage
class WebappsBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final String MANAGER = "manager";
  private static final String COORDINATOR = "coordinator";

  @LocalServerPort int port;

  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ResourcePool resourcePool;

  private String requestId;
  private String processInstanceId;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);
  private final TasklistPage webapps = new TasklistPage(session, () -> port);

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
  void noWebappShowsTheBannerAskingToMigrateToCamunda8() throws Exception {
    HttpBrowser http = new HttpBrowser(port);
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      HttpResponse<String> styles = http.get("/camunda/app/" + app + "/styles/user-styles.css");
      assertThat(styles.statusCode()).as(app + " user-styles.css").isEqualTo(200);
      assertThat(styles.body()).as("the application's user-styles.css of " + app).contains(".ce-eol-banner");
    }

    webapps.open();
    webapps.logIn(MANAGER, MANAGER);
    webapps.waitUntil(visibilityOfElementLocated(By.xpath("//a[normalize-space()='Start process']")));
    assertNoBanner("Tasklist");
    session.browser().saveSnapshot(OUTPUT, "tasklist-without-banner");

    webapps.visit("cockpit/default/#/dashboard");
    webapps.waitUntil(visibilityOfElementLocated(DEPLOYMENTS_COUNT));
    assertNoBanner("Cockpit");
    session.browser().saveSnapshot(OUTPUT, "cockpit-without-banner");

    // Admin is for administrators (a manager's session gets a 403 there): its sign-in page, and the administrator
    webapps.driver().manage().deleteAllCookies();
    webapps.visit("admin/");
    webapps.waitUntil(visibilityOfElementLocated(TasklistPage.LOGIN_FORM));
    assertNoBanner("Admin's sign-in page");
    webapps.logIn("demo", "demo");
    webapps.visit("admin/default/#/users");
    webapps.waitUntil(visibilityOfElementLocated(By.xpath("//table//a[normalize-space()='manager']")));
    assertNoBanner("Admin");
    session.browser().saveSnapshot(OUTPUT, "admin-without-banner");
  }

  @Test
  void managerReadsTheDeploymentsAndTheHumanTasksInCockpit() {
    startARequest("Printer access for the night shift");
    long deployments = repositoryService.createDeploymentQuery().count();

    webapps.visit("cockpit/");
    webapps.logIn(MANAGER, MANAGER);
    webapps.visit("cockpit/default/#/dashboard");
    webapps.waitUntil(browserDriver -> String.valueOf(deployments).equals(text(DEPLOYMENTS_COUNT)));
    assertThat(text(By.cssSelector(".stats-section.processes .value"))).isNotEqualTo("0");
    assertThat(text(By.cssSelector(".stats-section.decisions .value"))).isNotEqualTo("0");
    assertNoErrorShown();
    session.browser().saveSnapshot(OUTPUT, "cockpit-dashboard-as-manager");

    webapps.visit("cockpit/default/#/tasks");
    By coordinatorsRow =
        By.xpath("//table[@id='task-group-counts']//tr[td[normalize-space()='Service Coordinators']]");
    webapps.waitUntil(visibilityOfElementLocated(coordinatorsRow));
    webapps.waitUntil(invisibilityOfElementLocated(By.cssSelector("#open-task-statistics .animate-spin")));
    WebElement coordinatorsCount = webapps.driver().findElement(coordinatorsRow).findElement(By.xpath("td[1]"));
    assertThat(Integer.parseInt(coordinatorsCount.getText().trim()))
        .as("open tasks of the service coordinators, the new request's Plan delivery among them")
        .isPositive();
    assertNoErrorShown();
    session.browser().saveSnapshot(OUTPUT, "cockpit-human-tasks-as-manager");
  }

  @Test
  void coordinatorSeesInTheTaskListWhichRequestEachTaskIsFor() {
    String title = "Network drive for the archive team";
    startARequest(title);
    Task plan =
        taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(PLAN_DELIVERY)
            .singleResult();
    Map<String, Object> shown = showablePriorityAndDueDate();

    webapps.open();
    webapps.logIn(COORDINATOR, COORDINATOR);
    webapps.openFilter(TasklistFilters.MY_GROUPS_TASKS);
    By entry =
        By.xpath(
            "//*[@cam-tasks]//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h4[contains(@class,'task')]/a[contains(@href,'task=" + plan.getId() + "')]]");
    // the list refreshes itself now and then, replacing its entries
    Map<String, String> variables =
        webapps.waiting().ignoring(StaleElementReferenceException.class)
            .until(browserDriver -> {
              Map<String, String> shownNow = variablesOf(browserDriver.findElement(entry));
              return shownNow.isEmpty() ? null : shownNow;
            });
    assertThat(variables)
        .as("the variables the entry of %s shows", requestId)
        .containsEntry("Request", requestId)
        .containsEntry("Title", title)
        .containsEntry("Priority", (String) shown.get(Variables.PRIORITY_LABEL))
        .containsEntry("SLA due", (String) shown.get(Variables.RESOLUTION_DUE_TEXT));
    assertThat(variables.keySet()).as("in this order").containsExactly("Request", "Title", "Priority", "SLA due");
    session.browser().saveSnapshot(OUTPUT, "tasklist-group-tasks-with-requests");
  }

  // ------------------------------------------------------------------------------------------ webapp pages
  // The selectors rely on the 7.24 templates of camunda-webapp-webjar, not on anything of this application.

  /** The header of every webapp page and the banner in it ({@code cam-widget-header.html}). */
  private static final By HEADER = By.cssSelector("[cam-widget-header]");
  private static final By BANNER = By.cssSelector(".ce-eol-banner");
  /** Cockpit's dashboard ({@code cockpit/client/scripts/pages/dashboard.html}). */
  private static final By DEPLOYMENTS_COUNT = By.cssSelector(".stats-section.deployments .value");
  /** The notifications at the bottom right; errors are red ({@code camunda-commons-ui notifications-panel}). */
  private static final By ERROR_NOTIFICATION = By.cssSelector("[notifications-panel] .alert-danger");

  /**
   * The header is there and the banner is not to be seen: hidden by the application's {@code user-styles.css}, or no
   * longer rendered at all.
   */
  private void assertNoBanner(String page) {
    webapps.waitUntil(visibilityOfElementLocated(HEADER));
    assertThat(webapps.driver().findElements(BANNER)).as("the banner on " + page).noneMatch(WebElement::isDisplayed);
    assertThat(webapps.driver().findElement(By.tagName("body")).getText())
        .as("the visible text of " + page)
        .doesNotContain("Camunda 8");
  }

  private void assertNoErrorShown() {
    assertThat(webapps.driver().findElements(ERROR_NOTIFICATION))
        .as("error notifications")
        .noneMatch(WebElement::isDisplayed);
    assertThat(webapps.driver().findElement(By.tagName("body")).getText()).doesNotContain("does not have");
  }

  private String text(By locator) {
    List<WebElement> found = webapps.driver().findElements(locator);
    return found.isEmpty() ? null : found.get(0).getText().trim();
  }

  /** The variables a task's entry in the list shows, by label (without its colon), in their order. */
  private static Map<String, String> variablesOf(WebElement entry) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (WebElement item : entry.findElements(By.cssSelector("[cam-tasklist-variables] .variable-item"))) {
      String label = item.findElement(By.cssSelector(".variable-label")).getText().trim();
      variables.put(label.replaceFirst(":$", ""), item.findElement(By.cssSelector(".variable-value")).getText().trim());
    }
    return variables;
  }

  // ------------------------------------------------------------------------------------------ engine

  private void startARequest(String title) {
    Map<String, Object> request = SampleRequests.vpnRequest();
    request.put(Variables.TITLE, title);
    String definitionId =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
            .latestVersion().singleResult().getId();
    ProcessInstance instance = formService.submitStartForm(definitionId, request);
    processInstanceId = instance.getId();
    requestId = instance.getBusinessKey();
  }

  /**
   * The request's priority and resolution due time as its tasks show them. Validating the request writes both;
   * where it does not yet (the display variables come with another part of the same change), the test writes them
   * as the validation will: the priority's label and the due time as people read it.
   */
  private Map<String, Object> showablePriorityAndDueDate() {
    if (runtimeService.getVariable(processInstanceId, Variables.PRIORITY_LABEL) == null) {
      Priority priority = Priority.parse((String) runtimeService.getVariable(processInstanceId, Variables.PRIORITY));
      runtimeService.setVariable(processInstanceId, Variables.PRIORITY_LABEL, priority.label());
    }
    if (runtimeService.getVariable(processInstanceId, Variables.RESOLUTION_DUE_TEXT) == null) {
      Date due = (Date) runtimeService.getVariable(processInstanceId, Variables.RESOLUTION_DUE_AT);
      runtimeService.setVariable(
          processInstanceId, Variables.RESOLUTION_DUE_TEXT, ReadableTime.of(due, ZoneOffset.UTC));
    }
    return runtimeService.getVariables(
        processInstanceId, List.of(Variables.PRIORITY_LABEL, Variables.RESOLUTION_DUE_TEXT));
  }
}
