package io.servicedelivery.migration;

import static io.servicedelivery.migration.NextServiceDeliveryVersion.PERFORM_SERVICE_ACTIVITIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.catalog.ServiceCatalog;
import io.servicedelivery.delivery.ServiceDeliveryProcess;
import io.servicedelivery.testsupport.ApiDeliveries;
import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.RunningRequests;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operations manager moves running requests to the next version on the dashboard's page {@code migrations.html}:
 * sees the versions with their running requests, validates a plan with a mapping and a variable, starts the migration
 * of the requests that can move and watches the batch until it is over. Skipped when Chromium or chromedriver is
 * missing, unless {@code BROWSER_TESTS_REQUIRED=true}; a snapshot of each test goes to {@code target/browser-test/}.
 */
@ExtendWith(HeadlessChromium.Required.class)
@WebIntegrationTest
@ExcludeFromProcessCoverage
class MigrationBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @LocalServerPort int port;

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ServiceCatalog catalog;
  @Autowired JdbcClient jdbc;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);

  private WebDriver driver;
  private WebDriverWait wait;
  private int current;
  private String nextDeployment;

  @BeforeEach
  void requestsOnTheCurrentVersionAndTheNextVersionDeployed() {
    driver = session.browser().driver();
    wait = session.waiting();
    RunningRequests.deleteAll(runtimeService, jdbc);
    current = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ServiceDeliveryProcess.KEY)
        .latestVersion().singleResult().getVersion();
    ApiDeliveries deliveries = new ApiDeliveries(http, taskService, catalog);
    deliveries.submit();
    String executing = deliveries.submit();
    deliveries.complete(executing, "Task_PlanDelivery", Map.of(
        "plannedStart", "2026-11-23T10:00+01:00",
        "plannedCompletion", "2026-11-23T12:00+01:00",
        "deliveryInstructions", "Standard profile"));
    nextDeployment = NextServiceDeliveryVersion.deploy(repositoryService);
  }

  @AfterEach
  void removeNextVersionAndRequests() {
    RunningRequests.deleteAll(runtimeService, jdbc);
    repositoryService.deleteDeployment(nextDeployment, true);
    managementService.createBatchQuery().list().forEach(batch -> managementService.deleteBatch(batch.getId(), true));
  }

  @Test
  void operationsManagerValidatesStartsAndWatchesAMigration() {
    driver.get("http://localhost:" + port + "/dashboard/migrations.html");
    wait.until(urlContains("/login"));
    wait.until(visibilityOfElementLocated(By.id("username"))).sendKeys("manager");
    driver.findElement(By.id("password")).sendKeys("manager");
    WebElement signIn = driver.findElement(By.id("sign-in"));
    signIn.click();
    wait.until(stalenessOf(signIn));
    driver.get("http://localhost:" + port + "/dashboard/migrations.html");

    wait.until(numberOfElementsToBe(By.cssSelector("#versions tbody tr"), 2));
    List<WebElement> versions = driver.findElements(By.cssSelector("#versions tbody tr"));
    assertThat(versions.get(0).getText()).startsWith("v" + (current + 1)).contains("latest");
    assertThat(versions.get(0).findElements(By.tagName("td")).get(2).getText()).isEqualTo("0");
    assertThat(versions.get(1).getText()).startsWith("v" + current);
    assertThat(versions.get(1).findElements(By.tagName("td")).get(2).getText()).isEqualTo("2");
    assertThat(new Select(driver.findElement(By.id("source"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(String.valueOf(current));
    assertThat(new Select(driver.findElement(By.id("target"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(String.valueOf(current + 1));

    // without the mapping of the renamed task: the executing request cannot move, and the page says why
    driver.findElement(By.cssSelector("#plan button[type=submit]")).click();
    wait.until(numberOfElementsToBe(By.cssSelector("#instances tbody tr"), 2));
    assertThat(driver.findElement(By.id("instances")).getText())
        .contains("Task_ExecuteServiceActivities")
        .contains("no migration instruction")
        .contains("planReviewers");
    assertThat(driver.findElement(By.id("start")).isEnabled()).isFalse();

    driver.findElement(By.cssSelector("#instructions .source")).sendKeys("Task_ExecuteServiceActivities");
    driver.findElement(By.cssSelector("#instructions .target")).sendKeys(PERFORM_SERVICE_ACTIVITIES);
    driver.findElement(By.id("variables")).sendKeys("{\"planReviewers\": \"service-coordinators\"}");
    driver.findElement(By.cssSelector("#plan button[type=submit]")).click();
    wait.until(textMatches(By.id("plan-verdict"), Pattern.compile("2 of 2 instances can move.*")));
    assertThat(driver.findElement(By.id("required-variables")).getText())
        .isEqualTo("planReviewers (read by Task_ConfirmPlanWithRequester): given above");

    // the list holds the migrations of earlier tests too: this test's is the batch that was not there before
    Set<String> earlier =
        managementService.createBatchQuery().list().stream().map(Batch::getId).collect(Collectors.toSet());
    wait.until(elementToBeClickable(By.id("start"))).click();
    Batch batch =
        wait.until(
            page ->
                managementService.createBatchQuery().list().stream()
                    .filter(started -> !earlier.contains(started.getId()))
                    .findFirst()
                    .orElse(null));
    By row = By.cssSelector("#migrations tbody tr[data-batch-id='" + batch.getId() + "']");
    wait.until(textMatches(row, Pattern.compile(".*0 of 2 done · running.*")));

    // the job executor's work, done by the test
    for (String definition :
        List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId())) {
      managementService.createJobQuery().jobDefinitionId(definition).list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }

    wait.until(textMatches(row, Pattern.compile(".*2 of 2 done · finished.*")));
    assertThat(driver.findElement(row).getText())
        .contains("manager", "service-delivery", "v" + current + " → v" + (current + 1));
    // the page reads the versions again when the batch is over: the requests run on the next version now
    wait.until(textMatches(By.cssSelector("#versions tbody tr:first-child td:nth-child(3)"), Pattern.compile("2")));
    session.browser().saveSnapshot(OUTPUT, "migrations-page");
  }
}
