package io.servicedelivery.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for browser tests, driven by Debian's chromedriver. Selenium Manager is never asked for a driver
 * or a browser: both paths are given explicitly.
 *
 * <p>Without the browser or the driver the tests of a class with {@code @ExtendWith(HeadlessChromium.Required.class)}
 * are skipped with a message naming the packages to install, unless {@value #REQUIRED} is {@code true} as a system
 * property or environment variable: then they fail, so that CI cannot pass without having run the browser tests. The
 * paths can be overridden with the system properties {@value #CHROMIUM_PROPERTY} and {@value #CHROMEDRIVER_PROPERTY}
 * (for example to check the skip and the failure).
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final String REQUIRED = "BROWSER_TESTS_REQUIRED";
  public static final String CHROMIUM_PROPERTY = "browser-tests.chromium";
  public static final String CHROMEDRIVER_PROPERTY = "browser-tests.chromedriver";

  private static final String INSTALL = "apt-get install chromium chromium-driver";

  /**
   * Skips (or, when {@value #REQUIRED}, fails) each test of the class when the browser is missing, before its test
   * instance is created, so before anything is injected or a browser started. Checked per test rather than in {@code
   * beforeAll} because Maven Surefire does not report a class aborted in {@code beforeAll} at all: no skipped test, no
   * message. (The Spring context may still start: the process-test-coverage listener loads it in {@code
   * beforeTestClass} for every Spring test class.)
   */
  public static final class Required implements TestInstancePreConstructCallback {
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
      checkAvailable();
    }
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path userDataDir;

  private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path userDataDir) {
    this.service = service;
    this.driver = driver;
    this.userDataDir = userDataDir;
  }

  static Path chromium() {
    return Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
  }

  static Path chromedriver() {
    return Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, "/usr/bin/chromedriver"));
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getProperty(REQUIRED))
        || "true".equalsIgnoreCase(System.getenv(REQUIRED));
  }

  /** Aborts (skips) the current test, or fails it when {@value #REQUIRED} is true, unless browser and driver exist. */
  public static void checkAvailable() {
    List<String> missing = new ArrayList<>();
    for (Path executable : List.of(chromium(), chromedriver())) {
      if (!Files.isExecutable(executable)) {
        missing.add(executable.toString());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "Browser tests need headless Chromium and chromedriver, missing: " + String.join(", ", missing)
            + ". Install them with: " + INSTALL;
    if (required()) {
      Assertions.fail(message + " (" + REQUIRED + "=true, so the browser tests must not be skipped)");
    }
    Assumptions.abort(message + " (set " + REQUIRED + "=true to fail instead of skipping)");
  }

  /** Starts a fresh browser with an empty profile of its own, in the zone the tests compute local times in. */
  public static HeadlessChromium start() {
    return start(ZoneId.systemDefault());
  }

  /**
   * Starts a fresh browser with an empty profile of its own whose local time is that of the zone, whatever the
   * machine's: a person in New York or Tokyo.
   */
  public static HeadlessChromium start(ZoneId browserZone) {
    checkAvailable();
    Path userDataDir;
    try {
      userDataDir = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver().toFile())
            .usingAnyFreePort()
            // the browser shows and enters local times in this zone, whatever the machine's
            .withEnvironment(Map.of("TZ", browserZone.getId()))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + userDataDir);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(userDataDir);
      throw e;
    }
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1200));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new HeadlessChromium(service, driver, userDataDir);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves a screenshot, the page source and the browser console under {@code directory} with the name as prefix. */
  public void saveSnapshot(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(directory.resolve(name + ".html"), driver.getPageSource());
      Files.writeString(directory.resolve(name + ".url.txt"), driver.getCurrentUrl() + System.lineSeparator());
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save the browser snapshot " + name + ": " + e);
    }
    saveConsole(directory.resolve(name + ".console.log"));
  }

  /** Appends the browser console messages since the last call (the driver hands each message out only once). */
  public List<String> saveConsole(Path file) {
    List<String> lines = new ArrayList<>();
    try {
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        lines.add(entry.getLevel() + " " + entry.getMessage());
      }
      Files.createDirectories(file.getParent());
      Files.write(
          file,
          lines,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save the browser console to " + file + ": " + e);
    }
    return lines;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(userDataDir);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a left-over temporary profile is harmless
    }
  }
}
