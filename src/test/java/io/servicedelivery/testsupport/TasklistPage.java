package io.servicedelivery.testsupport;

import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda's webapps, Tasklist and its Camunda Forms (form-js) as a person uses them in the browser of a {@link
 * BrowserSession}: logs in, opens a filter and a task from its list, claims it, fills in the form through the fields'
 * labels and completes it. It always drives the session's current browser, also after {@link
 * BrowserSession#restartIn}; the port is read when a page is opened, after Spring has injected it into the test.
 *
 * <p>The selectors rely on the 7.24 templates of camunda-webapp-webjar and on form-js, not on anything of this
 * application.
 */
public final class TasklistPage {

  /** The login form of the Camunda webapps ({@code camunda-commons-ui/lib/auth/page/form.html}). */
  public static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
  private static final By LOGIN_USER = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By LOGIN_PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By LOGIN_SUBMIT = By.cssSelector("form[name='signinForm'] button[type='submit']");
  /** The open task's name in the task pane, and its Claim button (shown while nobody is assigned). */
  private static final By TASK_NAME = By.cssSelector("[cam-tasklist-task] .names h2.task");
  private static final By CLAIM_BUTTON = By.cssSelector("[cam-tasklist-task-meta] button.claim");
  private static final By ASSIGNEE = By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field]");
  /** The header link that opens the dialog to start a process, and that dialog's start button. */
  private static final By START_PROCESS = By.xpath("//a[normalize-space()='Start process']");
  private static final By START_BUTTON =
      By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");
  /** The notifications at the bottom right ({@code camunda-commons-ui/lib/widgets/notifications-panel}). */
  private static final By NOTIFICATION = By.cssSelector("[notifications-panel] .alert");
  private static final By NOTIFICATION_CLOSE =
      By.cssSelector("[notifications-panel] .alert button.close[ng-click^='removeNotification']");
  /** The form's buttons below every task form (Save, Complete). */
  private static final By COMPLETE_BUTTON =
      By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']");
  /** The options of the open form-js select. */
  public static final By DROPDOWN_ITEMS =
      By.xpath("//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')]");

  private final BrowserSession session;
  private final IntSupplier port;

  public TasklistPage(BrowserSession session, IntSupplier port) {
    this.session = session;
    this.port = port;
  }

  /** the session's current browser */
  public WebDriver driver() {
    return session.browser().driver();
  }

  /** waits up to the session's timeout */
  public WebDriverWait waiting() {
    return session.waiting();
  }

  public <V> V waitUntil(Function<? super WebDriver, V> condition) {
    return waiting().until(condition);
  }

  /** The address of a page of the webapps, e.g. {@code cockpit/default/#/dashboard}. */
  public String webapp(String path) {
    return "http://localhost:" + port.getAsInt() + "/camunda/app/" + path;
  }

  /** Goes to a page of the webapps, e.g. {@code cockpit/default/#/dashboard}. */
  public void visit(String path) {
    driver().get(webapp(path));
  }

  /** Opens Tasklist, which asks to log in first. */
  public void open() {
    visit("tasklist/");
  }

  // ------------------------------------------------------------------------------------------ Tasklist

  /** Logs in through the login form of any of the webapps. */
  public void logIn(String user, String password) {
    waitUntil(visibilityOfElementLocated(LOGIN_USER)).sendKeys(user);
    driver().findElement(LOGIN_PASSWORD).sendKeys(password);
    driver().findElement(LOGIN_SUBMIT).click();
    waitUntil(invisibilityOfElementLocated(LOGIN_FORM));
  }

  /** Clicks a filter in the left column and waits until it is the active one. */
  public void openFilter(String name) {
    String filter =
        "//section[contains(@class,'task-filters')]//div[contains(@class,'task-filter')]"
            + "[h4[contains(@class,'name')]/a[normalize-space(text())=\"" + name + "\"]]";
    waitUntil(elementToBeClickable(By.xpath(filter + "/h4[contains(@class,'name')]/a"))).click();
    waitUntil(browserDriver -> browserDriver.findElement(By.xpath(filter)).getAttribute("class").contains("active"));
  }

  /**
   * Opens the task from the list of the active filter. The list shows the task and process names only, not the
   * request, so the entry is the one with those names that links to the request's task.
   */
  public void openTask(String taskName, String processName, String taskId) {
    By entry =
        By.xpath(
            "//*[@cam-tasks]//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h6[contains(@class,'process-definition')][normalize-space()='" + processName + "']]"
                + "//h4[contains(@class,'task')]/a[normalize-space()='" + taskName + "']"
                + "[contains(@href,'task=" + taskId + "')]");
    // the list refreshes itself: an entry found just before a refresh is gone when clicked, so find it again
    waitUntil(
        browserDriver -> {
          try {
            WebElement link = elementToBeClickable(entry).apply(browserDriver);
            if (link == null) {
              return false;
            }
            link.click();
            return true;
          } catch (StaleElementReferenceException refreshedMeanwhile) {
            return false;
          }
        });
    waitUntil(textToBe(TASK_NAME, taskName));
  }

  /** Claims the open task: Tasklist shows the form read-only until then. */
  public void claim() {
    waitUntil(elementToBeClickable(CLAIM_BUTTON)).click();
    waitUntil(invisibilityOfElementLocated(CLAIM_BUTTON));
    waitUntil(visibilityOfElementLocated(ASSIGNEE));
    closeNotifications();
  }

  /** Opens the dialog "Start process" and in it the start form of the process. */
  public void startProcess(String processName) {
    waitUntil(elementToBeClickable(START_PROCESS)).click();
    waitUntil(
            elementToBeClickable(
                By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']")))
        .click();
  }

  /** Clicks Start below the filled start form. */
  public void start() {
    clickUncovered(START_BUTTON);
  }

  /** Clicks Complete below the filled task form. */
  public void complete() {
    clickUncovered(COMPLETE_BUTTON);
  }

  /** Clicks a button at the bottom right of the page, where Tasklist's notifications could cover it. */
  public void clickUncovered(By button) {
    closeNotifications();
    inView(waitUntil(elementToBeClickable(button))).click();
  }

  /**
   * Closes Tasklist's notifications, as a person would: they sit at the bottom right, over the form's last fields and
   * its Complete button, and some ("The process has been started.") stay until closed.
   */
  public void closeNotifications() {
    waitUntil(
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
  public WebElement inView(WebElement element) {
    ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  // ------------------------------------------------------------------------------------------ the Camunda Form

  /** The input of a form-js field, found through its label. */
  public WebElement formInput(String label) {
    WebElement labelElement =
        waitUntil(
            visibilityOfElementLocated(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//label[contains(@class,'fjs-form-field-label')]"
                        + "[normalize-space(text())='" + label + "']")));
    return inView(driver().findElement(By.id(labelElement.getAttribute("for"))));
  }

  /**
   * Picks an option of a form-js select by its label. A searchable select (a list of people, say) is narrowed down by
   * typing the beginning of the option first, as a person does, and then shows the option in its input.
   */
  public void choose(String label, String option) {
    WebElement input = formInput(label);
    boolean searchable = openSelect(label) == null;
    if (searchable) {
      input.sendKeys(option.substring(0, Math.min(3, option.length())));
    }
    pick(option);
    if (searchable) {
      waitUntil(attributeToBe(input, "value", option));
    }
  }

  /**
   * Opens a form-js select: a plain one through its display (its labelled input is hidden), a searchable one through
   * its input. A click on a select that has the focus may close its list instead, so it clicks until the list shows.
   *
   * @return the display of a plain select, or null for a searchable one
   */
  public WebElement openSelect(String label) {
    WebElement input = formInput(label);
    List<WebElement> display = driver().findElements(By.id(input.getAttribute("id") + "-display"));
    WebElement select = display.isEmpty() ? input : inView(display.get(0));
    waitUntil(elementToBeClickable(select));
    waitUntil(
        browserDriver -> {
          if (browserDriver.findElements(DROPDOWN_ITEMS).stream().anyMatch(WebElement::isDisplayed)) {
            return true;
          }
          browserDriver.findElement(By.id(select.getAttribute("id"))).click();
          return false;
        });
    return display.isEmpty() ? null : select;
  }

  /**
   * Clicks an option of the open select's list; a select at the foot of the form opens its list under Tasklist's
   * footer.
   */
  public void pick(String option) {
    WebElement item =
        waitUntil(
            elementToBeClickable(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//div[contains(@class,'fjs-dropdownlist-item')]"
                        + "[normalize-space()=\"" + option + "\"]")));
    inView(item).click();
  }

  /** Ticks a checkbox or radio button of the form through its label, as a person does. */
  public void tick(String label) {
    WebElement labelElement =
        waitUntil(
            elementToBeClickable(
                By.xpath("//form[contains(@class,'fjs-form')]//label[normalize-space()=\"" + label + "\"]")));
    inView(labelElement).click();
    waitUntil(
        browserDriver ->
            (Boolean)
                ((JavascriptExecutor) browserDriver)
                    .executeScript(
                        "const input = arguments[0].querySelector('input')"
                            + " || document.getElementById(arguments[0].htmlFor); return input.checked;",
                        labelElement));
  }

  /**
   * A form-js datetime field: a flatpickr date input, whose format follows the browser locale (its placeholder,
   * e.g. mm/dd/yyyy), and a time input (hh:mm with use24h). The date the field then shows is compared as a date: the
   * locale decides whether a day or month below 10 has a leading zero (Tasklist writes 12/8/2026).
   */
  public void enterDateTime(String label, LocalDate date, String time) {
    WebElement dateInput = formInput(label + " \u2013 date");
    waitUntil(elementToBeClickable(dateInput));
    String placeholder = dateInput.getAttribute("placeholder");
    dateInput.click();
    // typed and left with Tab, as a person moves through the form: the date is taken in, and the time is next
    dateInput.sendKeys(written(placeholder, date), Keys.TAB);
    waitUntil(browserDriver -> date.equals(shownDate(placeholder, dateInput.getDomProperty("value"))));

    // Tab opened the list of times under the time input: type over it rather than click into it
    WebElement timeInput = formInput(label + " \u2013 time");
    timeInput.sendKeys(time, Keys.TAB);
    waitUntil(attributeToBe(timeInput, "value", time));
  }

  /** The date as a date input's placeholder asks for it (e.g. mm/dd/yyyy). */
  public static String written(String placeholder, LocalDate date) {
    return placeholder
        .replace("yyyy", String.format("%04d", date.getYear()))
        .replace("mm", String.format("%02d", date.getMonthValue()))
        .replace("dd", String.format("%02d", date.getDayOfMonth()));
  }

  /** The date a date input shows in the order of its placeholder's parts, or null while it shows none. */
  public static LocalDate shownDate(String placeholder, String value) {
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
}
