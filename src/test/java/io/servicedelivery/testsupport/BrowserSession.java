package io.servicedelivery.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test, registered with {@code @RegisterExtension}: started before the test's own
 * {@code @BeforeEach}, a snapshot saved when the test fails (while the page still shows what went wrong), and closed
 * after the test's own {@code @AfterEach}.
 */
public final class BrowserSession implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  private final Path output;
  private final Duration timeout;
  private HeadlessChromium browser;
  private WebDriverWait wait;

  public BrowserSession(Path output, Duration timeout) {
    this.output = output;
    this.timeout = timeout;
  }

  public HeadlessChromium browser() {
    return browser;
  }

  /**
   * Replaces the session's browser by a fresh one whose local time is that of the zone (see {@link
   * HeadlessChromium#start(ZoneId)}), for a test that plays a person somewhere else.
   */
  public HeadlessChromium restartIn(ZoneId browserZone) {
    if (browser != null) {
      browser.close();
    }
    browser = HeadlessChromium.start(browserZone);
    wait = new WebDriverWait(browser.driver(), timeout);
    return browser;
  }

  /** waits up to the session's timeout */
  public WebDriverWait waiting() {
    return wait;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    browser = HeadlessChromium.start();
    wait = new WebDriverWait(browser.driver(), timeout);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && browser != null) {
      browser.saveSnapshot(output, context.getRequiredTestMethod().getName() + "-failure");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
