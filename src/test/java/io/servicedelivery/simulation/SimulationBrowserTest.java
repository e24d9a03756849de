package io.servicedelivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import io.servicedelivery.testsupport.BrowserSession;
import io.servicedelivery.testsupport.HeadlessChromium;
import io.servicedelivery.testsupport.WebIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operations manager opens the what-if page from the dashboard, signs in, fills in a question and reads the
 * answer side by side; a question the simulator refuses shows why, naming the field. Skipped when Chromium or
 * chromedriver is missing, unless {@code BROWSER_TESTS_REQUIRED=true}; snapshots in {@code target/browser-test/}.
 */
@ExtendWith(HeadlessChromium.Required.class)
@WebIntegrationTest
@ExcludeFromProcessCoverage
class SimulationBrowserTest {

  private static final Path OUTPUT = Path.of("target", "browser-test");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @LocalServerPort int port;

  @RegisterExtension final BrowserSession session = new BrowserSession(OUTPUT, TIMEOUT);

  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void useTheBrowser() {
    driver = session.browser().driver();
    wait = session.waiting();
  }

  @Test
  void aManagerAsksWhatIfAndReadsCurrentAndPredictedFiguresSideBySide() {
    driver.get("http://localhost:" + port + "/dashboard/simulation.html");
    wait.until(urlContains("/login"));
    signIn();
    wait.until(urlContains("/dashboard/simulation.html"));
    wait.until(page -> page.findElements(By.cssSelector("#remove-user option")).size() > 1);

    set("from", "2025-02-03");
    set("to", "2025-02-09");
    set("replications", "3");
    new Select(driver.findElement(By.id("remove-user"))).selectByValue("staff1");
    new Select(driver.findElement(By.id("capacity-user"))).selectByValue("staff2");
    set("capacity", "3");
    set("capacity-add-skills", "hardware");
    set("arrivals", "25");
    driver.findElement(By.id("simulate")).click();

    WebElement answer = wait.until(visibilityOfElementLocated(By.id("answer")));
    assertThat(answer.findElement(By.id("answer-period")).getText())
        .startsWith("From 2025-02-03T00:00:00Z to 2025-02-10T00:00:00Z, 3 replications (seed 1)");
    List<WebElement> rows = driver.findElements(By.cssSelector("#figures tbody tr"));
    assertThat(rows).extracting(row -> row.findElement(By.tagName("td")).getText())
        .containsExactly("On-time delivery", "Response SLA compliance", "Resolution SLA compliance",
            "Average cycle time", "Average wait for staff", "Utilisation of the pool", "Requests delivered",
            "Requests arrived");
    assertThat(driver.findElement(By.id("validation")).getText()).startsWith("Validation: ");
    // staff1 left the pool in the question: nothing predicted for them
    assertThat(driver.findElements(By.cssSelector("#resources tbody tr")))
        .extracting(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .contains(List.of("staff1", "0.0 %", "0.0 % ± 0.0 %", "–"));
    session.browser().saveSnapshot(OUTPUT, "whatIfAnswer");

    assertThat(driver.findElements(By.cssSelector("#skills tbody tr")))
        .extracting(row -> row.findElement(By.tagName("td")).getText())
        .contains("hardware", "network");

    // a person who is in the pool cannot join it again: the page says which field is wrong
    set("add-user", "staff2");
    set("add-skills", "network");
    driver.findElement(By.id("simulate")).click();
    WebElement error = wait.until(visibilityOfElementLocated(By.id("error")));
    assertThat(error.getText()).contains("changes.addStaff[0].userId: must be new to the pool: 'staff2'");
  }

  private void set(String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private void signIn() {
    wait.until(visibilityOfElementLocated(By.id("username"))).sendKeys("manager");
    driver.findElement(By.id("password")).sendKeys("manager");
    WebElement signInButton = driver.findElement(By.id("sign-in"));
    signInButton.click();
    wait.until(stalenessOf(signInButton));
  }
}
