package io.servicedelivery.web;

import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.DETERMINE_PRIORITY;
import static io.servicedelivery.delivery.ServiceDeliveryProcess.Elements.PLAN_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.catalog.RequestType;
import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.records.ServiceDeliveryRecords;
import io.servicedelivery.resourcing.ReleaseReason;
import io.servicedelivery.resourcing.ResourcePool;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
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

  private static final By START_PROCESS = By.xpath("//a[normalize-space()='Start process']");
  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");
  private static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
  private static final By LOGIN_USER = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By LOGIN_PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By LOGIN_SUBMIT = By.cssSelector("form[name='signinForm'] button[type='submit']");
  private static final By NOTIFICATION = By.cssSelector("[notifications-panel] .alert");
  private static final By NOTIFICATION_CLOSE =
      By.cssSelector("[notifications-panel] .alert button.close[ng-click^='removeNotification']");
  private static final By DROPDOWN_ITEMS =
      By.xpath("//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')]");

  @LocalServerPort int port;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCatalog catalog;
  @Autowired ServiceDeliveryRecords records;
  @Autowired ResourcePool resourcePool;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);

  private HeadlessChromium browser;
  private WebDriver driver;
  private WebDriverWait wait;
  private ProcessInstance started;

  @BeforeEach
  void useTheBrowser() {
    browser = session.browser();
    driver = browser.driver();
    wait = session.waiting();
  }

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
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn(COORDINATOR, COORDINATOR);
    wait.until(elementToBeClickable(START_PROCESS)).click();
    wait.until(
            elementToBeClickable(
                By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='Service delivery']")))
        .click();

    choose("Service", "Network access");
    assertThat(requestTypesOffered()).containsExactlyInAnyOrderElementsOf(typesOf("NETWORK_ACCESS"));
    browser.saveSnapshot(OUTPUT, "order-form-request-types-of-network-access");
    pick("Remote access through VPN");

    choose("Impact", "High");
    choose("Urgency", "High");
    formInput("Title").sendKeys(title, Keys.TAB);
    formInput("Description").sendKeys("She works from home two days a week.", Keys.TAB);
    formInput("Requester name").sendKeys("Ada Customer", Keys.TAB);
    formInput("Requester e-mail").sendKeys("ada@customer.example", Keys.TAB);
    assertThat(formInput(PRIORITY_LABEL).getDomProperty("value")).as("no priority chosen").isEmpty();
    browser.saveSnapshot(OUTPUT, "order-form-impact-and-urgency");
    closeNotifications();
    inView(wait.until(elementToBeClickable(START_BUTTON))).click();

    started = wait.until(browserDriver -> requestTitled(title));
    browser.saveSnapshot(OUTPUT, "order-form-started");
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
    wait.until(
        browserDriver ->
            taskService.createTaskQuery().processInstanceId(started.getId()).taskDefinitionKey(PLAN_DELIVERY).count()
                == 1);
  }

  @Test
  void aPrioritySetOnTheFormOverrulesTheMatrixAndTheNotificationNamesTheRequest() {
    String title = "New starter needs a laptop by Monday";
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    logIn(COORDINATOR, COORDINATOR);
    wait.until(elementToBeClickable(START_PROCESS)).click();
    wait.until(
            elementToBeClickable(
                By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='Service delivery']")))
        .click();

    choose("Service", "Laptop provisioning");
    assertThat(requestTypesOffered()).containsExactlyInAnyOrderElementsOf(typesOf("LAPTOP_PROVISIONING"));
    pick("New laptop for a new or existing employee");
    choose("Impact", "Low");
    choose("Urgency", "Low");
    choose(PRIORITY_LABEL, "High");
    formInput("Title").sendKeys(title, Keys.TAB);
    formInput("Description").sendKeys("Standard developer laptop.", Keys.TAB);
    formInput("Requester name").sendKeys("Ada Customer", Keys.TAB);
    formInput("Requester e-mail").sendKeys("ada@customer.example", Keys.TAB);
    closeNotifications();
    inView(wait.until(elementToBeClickable(START_BUTTON))).click();

    started = wait.until(browserDriver -> requestTitled(title));
    WebElement notification =
        wait.until(
            visibilityOfElementLocated(
                By.xpath("//*[@notifications-panel]//div[contains(@class,'alert')]"
                    + "[.//*[contains(@class,'message')][normalize-space()='Request " + started.getBusinessKey() + "']]")));
    browser.saveSnapshot(OUTPUT, "order-form-started-with-request-number");
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

  // ------------------------------------------------------------------------------------------ Tasklist and form-js

  private void logIn(String user, String password) {
    wait.until(visibilityOfElementLocated(LOGIN_USER)).sendKeys(user);
    driver.findElement(LOGIN_PASSWORD).sendKeys(password);
    driver.findElement(LOGIN_SUBMIT).click();
    wait.until(invisibilityOfElementLocated(LOGIN_FORM));
  }

  /** The input of a form-js field, found through its label. */
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
   * Opens a form-js select: a plain one through its display (its labelled input is hidden), a searchable one as is. A
   * click on a select that has the focus may close its list instead, so it clicks until the list shows.
   */
  private void open(String label) {
    WebElement input = formInput(label);
    List<WebElement> display = driver.findElements(By.id(input.getAttribute("id") + "-display"));
    WebElement select = display.isEmpty() ? input : inView(display.get(0));
    wait.until(elementToBeClickable(select));
    wait.until(
        browserDriver -> {
          if (browserDriver.findElements(DROPDOWN_ITEMS).stream().anyMatch(WebElement::isDisplayed)) {
            return true;
          }
          browserDriver.findElement(By.id(select.getAttribute("id"))).click();
          return false;
        });
  }

  private void choose(String label, String option) {
    open(label);
    pick(option);
  }

  /** Clicks an option of the open select's list. */
  private void pick(String option) {
    wait.until(
            elementToBeClickable(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')]"
                        + "[normalize-space()=\"" + option + "\"]")))
        .click();
  }

  /** Opens the request type's list and reads the options it shows; the list stays open for {@link #pick}. */
  private List<String> requestTypesOffered() {
    open("Request type");
    wait.until(visibilityOfElementLocated(DROPDOWN_ITEMS));
    return driver.findElements(DROPDOWN_ITEMS).stream().map(item -> item.getText().trim()).toList();
  }

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

  private WebElement inView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
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
