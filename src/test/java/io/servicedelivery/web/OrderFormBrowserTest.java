package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.DETERMINE_PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.catalog.RequestType;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.TasklistPage;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The order form in Tasklist, as a coordinator fills it in for a customer: the request types it offers are those of
 * the chosen service in the catalog in force, and a request with impact and urgency but no priority gets the priority
 * of the priority matrix, on its record too.
 *
 * <p>Skipped when Chromium or chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true} (see {@link
 * HeadlessChromium}). Screenshots are saved under {@code target/browser-test/}.
 */
@ExtendWith(HeadlessChromium.Required.class)
@WebIntegrationTest
@ExcludeFromProcessCoverage
class OrderFormBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String COORDINATOR = "coordinator";
  private static final String PRIORITY_LABEL = "Priority (leave empty to derive it from impact and urgency)";

  @LocalServerPort int port;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;
  @Autowired ResourcePool resourcePool;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);

  private final TasklistPage tasklist = new TasklistPage(session, () -> port);

  private ProcessInstance started;

  @AfterEach
  void deleteTheRequest() {
    if (started != null) {
      runtimeService.deleteProcessInstanceIfExists(started.getId(), "browser test finished", true, true, true, false);
      historyService.deleteHistoricProcessInstanceIfExists(started.getId());
      resourcePool.release(started.getBusinessKey(), ReleaseReason.CANCELLED);
    }
  }

  @Test
  void choosingAServiceNarrowsTheRequestTypesAndImpactAndUrgencyGiveThePriority() {
    String title = "VPN for the new controller";
    tasklist.open();
    tasklist.logIn(COORDINATOR, COORDINATOR);
    tasklist.startProcess("Service delivery");

    tasklist.choose("Service", "Network access");
    assertThat(requestTypesOffered()).containsExactlyInAnyOrderElementsOf(typesOf("NETWORK_ACCESS"));
    session.browser().saveSnapshot(OUTPUT, "order-form-request-types-of-network-access");
    tasklist.pick("Remote access through VPN");

    tasklist.choose("Impact", "High");
    tasklist.choose("Urgency", "High");
    tasklist.formInput("Title").sendKeys(title, Keys.TAB);
    tasklist.formInput("Description").sendKeys("She works from home two days a week.", Keys.TAB);
    tasklist.formInput("Requester name").sendKeys("Ada Customer", Keys.TAB);
    tasklist.formInput("Requester e-mail").sendKeys("ada@customer.example", Keys.TAB);
    assertThat(tasklist.formInput(PRIORITY_LABEL).getDomProperty("value")).as("no priority chosen").isEmpty();
    session.browser().saveSnapshot(OUTPUT, "order-form-impact-and-urgency");
    tasklist.start();

    started = tasklist.waitUntil(browserDriver -> requestTitled(title));
    session.browser().saveSnapshot(OUTPUT, "order-form-started");
    assertThat(variable(ServiceDeliveryProcess.Variables.SERVICE_CODE)).isEqualTo("NETWORK_ACCESS");
    assertThat(variable(ServiceDeliveryProcess.Variables.REQUEST_TYPE)).isEqualTo("VPN_ACCESS");
    assertThat(variable(ServiceDeliveryProcess.Variables.IMPACT)).isEqualTo("HIGH");
    assertThat(variable(ServiceDeliveryProcess.Variables.URGENCY)).isEqualTo("HIGH");
    assertThat(
            historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(started.getId())
                .activityId(DETERMINE_PRIORITY)
                .count())
        .as("the priority matrix decided")
        .isEqualTo(1);
    assertThat(variable(ServiceDeliveryProcess.Variables.PRIORITY)).isEqualTo("CRITICAL");
    assertThat(records.get(started.getBusinessKey()).priority()).isEqualTo("CRITICAL");
    tasklist.waitUntil(
        browserDriver ->
            taskService.createTaskQuery().processInstanceId(started.getId()).taskDefinitionKey(PLAN_DELIVERY).count()
                == 1);
  }

  @Test
  void aPrioritySetOnTheFormOverrulesTheMatrixAndTheNotificationNamesTheRequest() {
    String title = "New starter needs a laptop by Monday";
    tasklist.open();
    tasklist.logIn(COORDINATOR, COORDINATOR);
    tasklist.startProcess("Service delivery");

    tasklist.choose("Service", "Laptop provisioning");
    assertThat(requestTypesOffered()).containsExactlyInAnyOrderElementsOf(typesOf("LAPTOP_PROVISIONING"));
    tasklist.pick("New laptop for a new or existing employee");
    tasklist.choose("Impact", "Low");
    tasklist.choose("Urgency", "Low");
    tasklist.choose(PRIORITY_LABEL, "High");
    tasklist.formInput("Title").sendKeys(title, Keys.TAB);
    tasklist.formInput("Description").sendKeys("Standard developer laptop.", Keys.TAB);
    tasklist.formInput("Requester name").sendKeys("Ada Customer", Keys.TAB);
    tasklist.formInput("Requester e-mail").sendKeys("ada@customer.example", Keys.TAB);
    tasklist.start();

    started = tasklist.waitUntil(browserDriver -> requestTitled(title));
    WebElement notification =
        tasklist.waitUntil(
            visibilityOfElementLocated(
                By.xpath("//*[@notifications-panel]//div[contains(@class,'alert')]"
                    + "[.//*[contains(@class,'message')][normalize-space()='Request " + started.getBusinessKey() + "']]")));
    session.browser().saveSnapshot(OUTPUT, "order-form-started-with-request-number");
    // Tasklist loaded request-number.js through our config.js ("customScripts"), once
    assertThat(notification.getText()).contains("The process has been started.", started.getBusinessKey());
    assertThat(notification.getText().split(started.getBusinessKey(), -1)).hasSize(2);
    assertThat(
            historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(started.getId())
                .activityId(DETERMINE_PRIORITY)
                .count())
        .as("the priority set overrules the matrix (which gives LOW)")
        .isZero();
    assertThat(variable(ServiceDeliveryProcess.Variables.PRIORITY)).isEqualTo("HIGH");
    assertThat(records.get(started.getBusinessKey()).priority()).isEqualTo("HIGH");
  }

  // ------------------------------------------------------------------------------------------ form-js

  /**
   * Opens the request type's list and reads the options it shows; the list stays open for {@link TasklistPage#pick}.
   */
  private List<String> requestTypesOffered() {
    tasklist.openSelect("Request type");
    tasklist.waitUntil(visibilityOfElementLocated(TasklistPage.DROPDOWN_ITEMS));
    return tasklist.driver().findElements(TasklistPage.DROPDOWN_ITEMS).stream()
        .map(item -> item.getText().trim())
        .toList();
  }

  // ------------------------------------------------------------------------------------------ engine

  private List<String> typesOf(String serviceCode) {
    return catalog.get(serviceCode).requestTypes().stream().map(RequestType::name).toList();
  }

  private ProcessInstance requestTitled(String title) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ServiceDeliveryProcess.KEY)
        .variableValueEquals(ServiceDeliveryProcess.Variables.TITLE, title)
        .singleResult();
  }

  private Object variable(String name) {
    return runtimeService.getVariable(started.getId(), name);
  }
}
