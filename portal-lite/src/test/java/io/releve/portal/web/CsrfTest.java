package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class CsrfTest {
  private final TestSite site;

  CsrfTest() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void post_withoutSession_isForbiddenWithTranslatedPage() throws Exception {
    HttpResponse<String> response = site.post("/echo", Map.of("text", "hello"));

    assertEquals(403, response.statusCode());
    assertTrue(response.body().contains("Action refusée"));
  }

  @Test
  void post_withSessionButNoCsrfField_isForbidden() throws Exception {
    site.csrf();

    assertEquals(403, site.post("/echo", Map.of("text", "hello")).statusCode());
  }

  @Test
  void post_withWrongCsrf_isForbidden() throws Exception {
    String token = site.csrf();

    HttpResponse<String> response =
        site.post("/echo", Map.of("csrf", token.substring(1) + "A", "text", "hello"));

    assertEquals(403, response.statusCode());
  }

  @Test
  void post_withAnotherSessionsCsrf_isForbidden() throws Exception {
    String mine = site.csrf();
    site.cookies.clear();
    site.csrf();

    assertEquals(403, site.post("/echo", Map.of("csrf", mine, "text", "hello")).statusCode());
  }

  @Test
  void post_withRightCsrf_isHandledAndEscaped() throws Exception {
    String token = site.csrf();

    HttpResponse<String> response = site.post("/echo", Map.of("csrf", token, "text", "<b>été</b>"));

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("<p id=\"echo\">&lt;b&gt;été&lt;/b&gt;</p>"));
  }
}
