package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SecurityHeadersTest {
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final TestSite site;

  SecurityHeadersTest() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void page_hasEverySecurityHeaderAndNoStore() throws Exception {
    HttpResponse<String> page = site.get("/formulaire");

    assertEquals(200, page.statusCode());
    assertSecure(page);
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(
        "text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void errorPageAndRedirect_haveEverySecurityHeaderAndNoStore() throws Exception {
    HttpResponse<String> missing = site.get("/nulle-part");
    HttpResponse<String> redirect = site.get("/formulaire?lang=en");

    assertEquals(404, missing.statusCode());
    assertSecure(missing);
    assertEquals("no-store", missing.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals(303, redirect.statusCode());
    assertSecure(redirect);
  }

  @Test
  void staticAsset_hasSecurityHeadersTypeAndPublicCache() throws Exception {
    HttpResponse<String> css = site.get("/static/portal.css");
    HttpResponse<String> js = site.get("/static/portal.js");
    HttpResponse<String> logo = site.get("/static/logo.svg");

    assertEquals(200, css.statusCode());
    assertSecure(css);
    assertEquals("public, max-age=3600", css.headers().firstValue("Cache-Control").orElseThrow());
    assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(css.body().contains(".alert-banner"));
    assertEquals(
        "text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("image/svg+xml", logo.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void page_referencesOnlyOwnAssetsAndHasNoInlineScriptOrStyle() throws Exception {
    String body = site.get("/formulaire").body();

    assertTrue(body.contains("<link rel=\"stylesheet\" href=\"/static/portal.css\">"));
    assertTrue(body.contains("<script src=\"/static/portal.js\" defer></script>"));
    assertTrue(body.contains("<meta name=\"viewport\""));
    assertTrue(!body.contains("style=") && !body.contains("<style") && !body.contains("http"));
  }

  private static void assertSecure(HttpResponse<String> response) {
    assertEquals(CSP, response.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
    assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
  }
}
