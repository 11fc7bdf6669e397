package io.releve.portal.browser;

import static org.junit.jupiter.api.Assertions.fail;

import io.releve.portal.PortalWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, for the portal's end-to-end
 * tests. Both programs come from the packages {@code chromium} and {@code chromium-driver}; nothing
 * is downloaded: the driver's path is given to the service, so Selenium never asks Selenium Manager
 * to find or fetch one.
 *
 * <p>Without the packages, {@link #start} skips the calling test on a developer's machine and fails
 * it when {@code CI=true}, since CI installs them ({@code .ci/run}). {@link #close} quits the
 * browser and stops the driver.
 */
public final class Chromium implements AutoCloseable {

  /** The Debian packages' own paths. */
  static final Path BROWSER = Path.of("/usr/bin/chromium");

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Screenshots are test artifacts, kept with the build's output. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Long enough for a cold start on a loaded 2-core machine; a page that never comes fails. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * The tests speak WebDriver only: without a selenium-devtools jar Selenium warns at every start
   * that it has no DevTools version matching the browser. Held here because the logging framework
   * keeps loggers only weakly, and would forget the level.
   */
  private static final Logger CDP_VERSION_FINDER =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  /** The window the pages are seen in. */
  public enum Screen {
    /** A common phone's viewport in CSS pixels: most residents read their meters on a phone. */
    PHONE(412, 915, true),
    /** A recent iPhone's viewport. */
    PHONE_390(390, 844, true),
    /** The narrowest phones still common: nothing may make a page wider. */
    PHONE_360(360, 740, true),
    DESKTOP(1366, 900, false);

    final int width;
    final int height;
    final boolean mobile;

    Screen(int width, int height, boolean mobile) {
      this.width = width;
      this.height = height;
      this.mobile = mobile;
    }
  }

  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Chromium(ChromeDriverService service, ChromeDriver driver) {
    this.service = service;
    this.driver = driver;
  }

  /**
   * Starts a browser with a new empty profile in a new folder under {@code target/chromium/},
   * beside ChromeDriver's log (kept for a failed run; {@code mvn clean} removes both).
   *
   * @throws org.opentest4j.TestAbortedException when the packages are missing outside CI
   */
  public static Chromium start(Screen screen) {
    return start(screen, null);
  }

  /**
   * Starts a browser as {@link #start(Screen)} does, whose {@code Accept-Language} is {@code
   * languages} (for example {@code "fr-FR,fr"}), as a resident's own phone would send; null keeps
   * the browser's default.
   */
  public static Chromium start(Screen screen, String languages) {
    requireInstalled();
    Path run = createRunFolder();
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(run.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        // the tests run as root in CI, where Chromium's sandbox cannot start
        "--no-sandbox",
        "--disable-gpu",
        // the network is closed: every background connection would be refused, many at a time,
        // and each start would try to look up Google's hosts
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + run.resolve("profile").toAbsolutePath(),
        "--window-size=" + screen.width + "," + screen.height);
    if (languages != null) {
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    }
    if (screen.mobile) {
      // headless Chromium keeps its window at least 500 pixels wide, so a phone's width needs
      // ChromeDriver's device emulation (which also makes the page honour <meta name=viewport>);
      // one device pixel per CSS pixel keeps screenshots at the page's own size
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              Map.of(
                  "width",
                  screen.width,
                  "height",
                  screen.height,
                  "pixelRatio",
                  1.0,
                  "mobile",
                  true,
                  "touch",
                  true)));
    }
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      throw e;
    }
    return new Chromium(service, driver);
  }

  private static void requireInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String missing = "Chromium is missing: " + BROWSER + " and " + DRIVER + " must both exist";
    if ("true".equals(System.getenv("CI"))) {
      fail(missing + "; .ci/run installs them, and CI must run the portal's browser tests");
    }
    Assumptions.assumeTrue(
        false,
        missing
            + ": the browser tests are skipped; install them with"
            + " apt-get install chromium chromium-driver");
  }

  private static Path createRunFolder() {
    try {
      Path parent = Files.createDirectories(Path.of("target", "chromium"));
      return Files.createTempDirectory(parent, "run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for Chromium's profile", e);
    }
  }

  /** The driver itself, for what the helpers below do not cover. */
  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Waits until the element is visible, then returns it. */
  public WebElement find(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Replaces the text of a visible field. */
  public void fill(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks a visible, enabled element. */
  public void click(By by) {
    until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Waits until the page's path (without query) is {@code path}, for example after a redirect. */
  public void waitForPath(String path) {
    until(
        d -> {
          String url = d.getCurrentUrl();
          return url != null && URI.create(url).getPath().equals(path);
        });
  }

  /** Waits until the element's text is exactly {@code text}. */
  public void waitForText(By by, String text) {
    until(ExpectedConditions.textToBe(by, text));
  }

  /** Polls the condition until it gives a value other than null or false, for at most 10 s. */
  public <T> T until(Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** Saves the current viewport as {@code target/screenshots/<name>.png} and returns the file. */
  public Path screenshot(String name) {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    try {
      Files.createDirectories(SCREENSHOTS);
      return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the screenshot " + name, e);
    }
  }

  /** Quits the browser, then stops the driver (quitting usually stops it already). */

  /**
   * Ends a browser test: forgets the Selenium cache folder the test set, closes the browser when it
   * was started, then the portal it browsed.
   */
  public static void stop(Chromium chromium, PortalWorld world) {
    System.clearProperty("SE_CACHE_PATH");
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      world.close();
    }
  }

  /**
   * The portal's address on {@code localhost}: Chromium counts it a secure context and sends the
   * {@code __Host-} session cookie over plain http there, not on {@code 127.0.0.1}.
   */
  public static String localUrl(PortalWorld world, String pathAndQuery) {
    return "http://localhost:" + world.portal.uri().getPort() + pathAndQuery;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
