package org.cabackoffice.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for page tests: Debian's chromium driven by Debian's chromium-driver, headless,
 * on loopback. Register it with {@code @RegisterExtension}; when a test fails, the page it was on
 * is kept as {@code target/screenshots/<class>.<method>.png} (and its HTML beside it), so the
 * failure can be looked at rather than guessed.
 *
 * <p>The driver and browser paths are Debian's ({@code .ci/run} installs both); Selenium Manager is
 * never asked, since only Maven Central and Debian are reachable.
 */
public final class HeadlessChromium implements AfterEachCallback, AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");

  private WebDriver driver;
  private final String language;

  /** A browser whose Accept-Language is Japanese, as the guide's customers' are. */
  public HeadlessChromium() {
    this("ja");
  }

  public HeadlessChromium(String language) {
    this.language = language;
  }

  /** The browser, started on first use and kept for the test class. */
  public synchronized WebDriver driver() {
    if (driver == null) {
      if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
        throw new IllegalStateException("Page tests need Debian's chromium and chromium-driver ("
            + BROWSER + ", " + DRIVER + "): apt-get install -y chromium chromium-driver");
      }
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
          "--disable-gpu", "--window-size=1280,1600", "--lang=" + language,
          "--no-first-run", "--disable-extensions", "--disable-background-networking");
      options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(DRIVER).toFile())
          .usingAnyFreePort()
          .build();
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }
    return driver;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Optional<Throwable> failure = context.getExecutionException();
    if (failure.isEmpty() || driver == null) {
      return;
    }
    String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      failure.get().addSuppressed(new AssertionError("The page at failure: " + SCREENSHOTS.resolve(name + ".png").toAbsolutePath()
          + " (" + driver.getCurrentUrl() + ")"));
    } catch (IOException | RuntimeException e) {
      failure.get().addSuppressed(e);
    }
  }

  /**
   * Logs the browser in as {@code user} for HTTP Basic: every request carries the Authorization
   * header from now on (set through the DevTools protocol). Seen with Chromium 156: a {@code
   * http://user:pass@host/} address got the staff pages' 401 and no retry with its credentials,
   * so that form does not log in reliably; a browser is one person, a second person takes a second browser or logs in again here.
   */
  public void basicLogin(String user, String password) {
    org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver();
    String credentials = java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    chrome.executeCdpCommand("Network.enable", java.util.Map.of());
    chrome.executeCdpCommand("Network.setExtraHTTPHeaders",
        java.util.Map.of("headers", java.util.Map.of("Authorization", "Basic " + credentials)));
  }

  /**
   * Clicks a link or a form's button and waits until the browser has left the page it was on.
   * A click returns once the browser has taken it, not once the next page is there: on a busy
   * machine the next page can come a moment later, and reading at once finds the old page
   * (its message, its status) or an element of it that has just gone.
   */
  public static void follow(WebElement linkOrButton) {
    linkOrButton.click();
    untilGone(linkOrButton);
  }

  /** Waits until {@code element}'s page has been left (after a form submitted by script, say). */
  public static void untilGone(WebElement element) {
    new org.openqa.selenium.support.ui.FluentWait<>(element)
        .withTimeout(Duration.ofSeconds(60))
        .pollingEvery(Duration.ofMillis(50))
        .withMessage("the browser never left the page of " + element)
        .until(HeadlessChromium::gone);
  }

  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException left) {
      return true;
    } catch (org.openqa.selenium.WebDriverException inTransit) {
      // Asked while the next document replaces the old one, chromedriver answers "Node with given
      // id does not belong to the document": the old page is gone. Anything else: ask again.
      return String.valueOf(inTransit.getMessage()).contains("does not belong to the document");
    }
  }

  /** Keeps a screenshot on purpose, to look at a page that passed. */
  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.copy(((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public synchronized void close() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }
}
