package io.releve.portal.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.releve.portal.browser.Chromium.Screen;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What the portal takes for granted from the browser, checked in the real one against pages that
 * this test serves itself: the session cookie over plain HTTP on the demo's host, the
 * Content-Security-Policy, forms with redirects, the consent dialog and file uploads.
 */
@Timeout(120)
class ChromiumHarnessTest {

  /** The portal's own header (portal plan, "Headers"). */
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final String SESSION_COOKIE =
      "__Host-releve-session=s3ss10n; Secure; HttpOnly; SameSite=Lax; Path=/";

  /**
   * Where Selenium Manager would unpack its program before running it (its property {@code
   * SE_CACHE_PATH}): it must stay empty. Run, it would look for a browser online and send usage
   * statistics, both refused here.
   */
  @TempDir static Path seleniumCache;

  private static HttpServer server;
  private static Chromium chromium;

  /** Every request the server answered, in order, for the assertions on what the browser sent. */
  private static final List<Received> received = new CopyOnWriteArrayList<>();

  record Received(String method, String path, String contentType, String cookie, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Map<String, String> form() {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String pair : text().split("&")) {
        String[] kv = pair.split("=", 2);
        fields.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
      return fields;
    }
  }

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("SE_CACHE_PATH", seleniumCache.toString());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ChromiumHarnessTest::answer);
    server.start();
    chromium = Chromium.start(Screen.PHONE);
  }

  @AfterAll
  static void stop() {
    System.clearProperty("SE_CACHE_PATH");
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (server != null) {
        server.stop(0);
      }
    }
  }

  private static String url(String host, String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + path;
  }

  @Test
  void chromium_startedFromDebianPackages_neverRunsSeleniumManager() throws IOException {
    chromium.open(url("localhost", "/page"));
    chromium.waitForText(By.id("title"), "Relevé");

    try (Stream<Path> unpacked = Files.list(seleniumCache)) {
      assertEquals(List.of(), unpacked.toList(), "Selenium Manager unpacked itself");
    }
  }

  @Test
  void phoneScreen_onAPageWithAViewportMeta_isTheCssWidthOfAPhone() {
    chromium.open(url("localhost", "/page"));
    chromium.waitForText(By.id("title"), "Relevé");

    assertEquals(412L, script("return window.innerWidth"));
    assertEquals(915L, script("return window.innerHeight"));
  }

  @Test
  void sessionCookie_setOverPlainHttpOnLocalhost_isKeptAndSentBack() {
    assertSessionCookieKept("localhost");
  }

  @Test
  void sessionCookie_setOverPlainHttpOnLoopbackAddress_isKeptAndSentBack() {
    assertSessionCookieKept("127.0.0.1");
  }

  private static void assertSessionCookieKept(String host) {
    chromium.open(url(host, "/cookie/set"));
    chromium.waitForText(By.id("title"), "Relevé");
    chromium.open(url(host, "/cookie/echo"));
    chromium.waitForText(By.id("title"), "Relevé");

    assertEquals("__Host-releve-session=s3ss10n", last("GET", "/cookie/echo").cookie());
    Cookie cookie = chromium.driver().manage().getCookieNamed("__Host-releve-session");
    assertNotNull(cookie, "the browser's cookie jar for " + host);
    assertTrue(cookie.isSecure());
    assertTrue(cookie.isHttpOnly());
    assertEquals("Lax", cookie.getSameSite());
    assertEquals("/", cookie.getPath());
    Object script = script("return document.cookie");
    assertFalse(script.toString().contains("releve-session"), "HttpOnly, yet visible: " + script);
  }

  @Test
  void contentSecurityPolicy_ofThePortal_blocksInlineScriptAndStyleButRunsSelfServedOnes() {
    chromium.open(url("localhost", "/csp"));
    chromium.waitForText(By.id("external-script"), "ran");

    assertEquals("not run", chromium.find(By.id("inline-script")).getText());
    assertEquals("rgba(0, 128, 0, 1)", chromium.find(By.id("external-style")).getCssValue("color"));
    assertEquals("rgba(0, 0, 0, 1)", chromium.find(By.id("inline-style")).getCssValue("color"));
    assertEquals("rgba(0, 0, 0, 1)", chromium.find(By.id("inline-attribute")).getCssValue("color"));
    // the page's own script listens for violations: the browser says what it refused and why
    chromium.waitForText(By.id("violations"), "script-src-elem style-src-attr style-src-elem");
  }

  @Test
  void formPost_withHiddenField_roundTripsAndFollowsTheSeeOtherRedirect() {
    chromium.open(url("localhost", "/form"));
    chromium.fill(By.name("name"), "Dupont Élise");
    chromium.click(By.id("send"));
    chromium.waitForPath("/done");

    Received post = last("POST", "/form");
    assertEquals("application/x-www-form-urlencoded", post.contentType());
    assertEquals(Map.of("csrf", "t0k3n", "name", "Dupont Élise"), post.form());
    assertEquals("GET", received.get(received.size() - 1).method(), "303 turns the POST into GET");
  }

  @Test
  void openDialog_onPageLoad_isVisibleAndItsButtonSubmitsTheChoice() {
    chromium.open(url("localhost", "/dialog"));

    assertTrue(chromium.find(By.id("consent-dialog")).isDisplayed());
    chromium.click(By.cssSelector("#consent-dialog button[value=granted]"));
    chromium.waitForPath("/done");

    assertEquals(Map.of("csrf", "t0k3n", "choice", "granted"), last("POST", "/dialog").form());
  }

  @Test
  void fileInput_withAChosenFile_postsItAsMultipart(@TempDir Path folder) throws IOException {
    String csv = "site;street;postcode;city\nAB123;12 rue des Lilas;69003;Lyon\n";
    Path file = Files.writeString(folder.resolve("adresses.csv"), csv);
    chromium.open(url("localhost", "/upload"));
    // a file input is filled by typing the file's path into it, which WebDriver allows hidden too
    chromium.driver().findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
    chromium.click(By.id("send"));
    chromium.waitForPath("/done");

    Received post = last("POST", "/upload");
    assertTrue(post.contentType().startsWith("multipart/form-data; boundary="), post.contentType());
    assertTrue(post.text().contains("name=\"kind\"\r\n\r\naddresses\r\n"), post.text());
    assertTrue(post.text().contains("name=\"file\"; filename=\"adresses.csv\""), post.text());
    assertTrue(post.text().contains(csv), post.text());
  }

  @Test
  void screenshot_ofAPage_isWrittenAsAPngFile() throws IOException {
    chromium.open(url("localhost", "/page"));
    chromium.waitForText(By.id("title"), "Relevé");

    Path png = chromium.screenshot("harness-page");

    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assertArrayEquals(signature, Arrays.copyOf(Files.readAllBytes(png), 8));
    assertEquals(Chromium.SCREENSHOTS.resolve("harness-page.png"), png);
  }

  private static Object script(String js) {
    return ((JavascriptExecutor) chromium.driver()).executeScript(js);
  }

  private static Received last(String method, String path) {
    for (int i = received.size() - 1; i >= 0; i--) {
      Received r = received.get(i);
      if (r.method().equals(method) && r.path().equals(path)) {
        return r;
      }
    }
    throw new AssertionError("the server never received " + method + " " + path);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      received.add(
          new Received(
              method,
              path,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Cookie"),
              exchange.getRequestBody().readAllBytes()));
      if (method.equals("POST")) {
        exchange.getResponseHeaders().set("Location", "/done");
        exchange.sendResponseHeaders(303, -1);
        return;
      }
      switch (path) {
        case "/cookie/set" -> {
          exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE);
          send(exchange, "text/html", page(""));
        }
        case "/static/x.js" -> send(exchange, "text/javascript", Pages.SCRIPT);
        case "/static/x.css" -> send(exchange, "text/css", Pages.STYLE);
        case "/csp" -> {
          exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
          send(exchange, "text/html", Pages.CSP);
        }
        case "/form" -> send(exchange, "text/html", page(Pages.FORM));
        case "/dialog" -> send(exchange, "text/html", page(Pages.DIALOG));
        case "/upload" -> send(exchange, "text/html", page(Pages.UPLOAD));
        case "/page", "/done", "/cookie/echo" -> send(exchange, "text/html", page(""));
        default -> exchange.sendResponseHeaders(404, -1);
      }
    }
  }

  private static String page(String body) {
    return "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Relevé</title>"
        + "<h1 id=\"title\">Relevé</h1>"
        + body;
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The pages, kept apart so the test reads as what it checks. */
  private static final class Pages {
    static final String CSP =
        """
        <!doctype html><html lang="fr"><meta charset="utf-8"><title>Relevé</title>
        <script src="/static/x.js"></script>
        <link rel="stylesheet" href="/static/x.css">
        <style>#inline-style { color: rgb(255, 0, 0) }</style>
        <p id="external-script">not run</p>
        <p id="inline-script">not run</p>
        <p id="external-style">external style</p>
        <p id="inline-style">inline style element</p>
        <p id="inline-attribute" style="color: rgb(255, 0, 0)">inline style attribute</p>
        <p id="violations"></p>
        <script>document.getElementById("inline-script").textContent = "ran";</script>
        """;

    static final String SCRIPT =
        """
        const refused = new Set();
        document.addEventListener("securitypolicyviolation", (event) => {
          refused.add(event.effectiveDirective);
          document.getElementById("violations").textContent = [...refused].sort().join(" ");
        });
        document.addEventListener("DOMContentLoaded", () => {
          document.getElementById("external-script").textContent = "ran";
        });
        """;

    static final String STYLE = "body { color: rgb(0, 0, 0) } #external-style { color: green }";

    static final String FORM =
        """
        <form method="post" action="/form">
          <input type="hidden" name="csrf" value="t0k3n">
          <input type="text" name="name">
          <button id="send">Envoyer</button>
        </form>
        """;

    static final String DIALOG =
        """
        <dialog id="consent-dialog" open>
          <form method="post" action="/dialog">
            <input type="hidden" name="csrf" value="t0k3n">
            <p>J'autorise mon gestionnaire à accéder à mes données de consommation.</p>
            <button name="choice" value="granted">Oui</button>
            <button name="choice" value="withdrawn">Non</button>
          </form>
        </dialog>
        """;

    static final String UPLOAD =
        """
        <form method="post" action="/upload" enctype="multipart/form-data">
          <input type="hidden" name="kind" value="addresses">
          <input type="file" name="file">
          <button id="send">Importer</button>
        </form>
        """;
  }
}
