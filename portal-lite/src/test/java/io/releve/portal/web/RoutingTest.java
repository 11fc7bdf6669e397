package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(20)
class RoutingTest {
  private final TestSite site;

  RoutingTest() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void unknownRoute_getsTranslated404Page() throws Exception {
    HttpResponse<String> french = site.get("/nulle-part");
    site.cookies.put("lang", "en");
    HttpResponse<String> english = site.get("/nulle-part");

    assertEquals(404, french.statusCode());
    assertTrue(french.body().contains("<h1>Page introuvable</h1>"));
    assertEquals(404, english.statusCode());
    assertTrue(english.body().contains("<h1>Page not found</h1>"));
  }

  @Test
  void staticPathTraversal_gets404() throws Exception {
    for (String path :
        new String[] {
          "/static/../x",
          "/static/%2e%2e/pom.xml",
          "/static/..%2fi18n%2fcommon_fr.properties",
          "/static/",
          "/static/portal.css/",
          "/static/missing.css",
          "/static/.hidden.css"
        }) {
      assertEquals(404, site.get(path).statusCode(), path);
    }
  }

  @Test
  void head_ofGetRoute_answersHeadersWithoutBody() throws Exception {
    HttpResponse<String> head =
        site.send(
            HttpRequest.newBuilder(site.uri("/langue"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals("DENY", head.headers().firstValue("X-Frame-Options").orElseThrow());
  }

  @Test
  void wrongMethod_gets405WithAllow() throws Exception {
    HttpResponse<String> put =
        site.send(
            HttpRequest.newBuilder(site.uri("/langue"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
    HttpResponse<String> get = site.get("/echo");

    assertEquals(405, put.statusCode());
    assertEquals("GET, HEAD", put.headers().firstValue("Allow").orElseThrow());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
    assertTrue(get.body().contains("Méthode non autorisée"));
  }

  @Test
  void failingHandler_gets500PageAndLogsNeitherQueryNorCookie() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Dispatcher.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      site.csrf();
      String session = site.cookies.get(Sessions.COOKIE);

      HttpResponse<String> response = site.get("/panne?token=s3cr3t-t0ken");

      assertEquals(500, response.statusCode());
      assertTrue(response.body().contains("Erreur du service"));
      assertFalse(response.body().contains("database"));
      assertEquals(1, appender.list.size());
      ILoggingEvent event = appender.list.get(0);
      assertEquals("GET /panne failed", event.getFormattedMessage());
      assertEquals("the database went away", event.getThrowableProxy().getMessage());
      assertFalse(event.toString().contains("s3cr3t"));
      assertFalse(event.toString().contains(session));
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void errorPageThatFailsToo_stillAnswersABare500() throws Exception {
    site.app
        .layout()
        .banner(
            r -> {
              throw new IllegalStateException("banner broken");
            });

    HttpResponse<String> response = site.get("/langue");

    assertEquals(500, response.statusCode());
    assertEquals("500", response.body());
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
  }

  @Test
  void redirect_toAnotherSite_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Response.redirect("//evil.example/"));
    assertThrows(IllegalArgumentException.class, () -> Response.redirect("https://evil.example/"));
  }

  @Test
  void sameRouteTwice_isRefused() {
    Router router = new Router();
    router.get("/a", r -> Response.redirect("/"));

    assertThrows(IllegalStateException.class, () -> router.get("/a", r -> Response.redirect("/")));
  }

  @Test
  @Timeout(5)
  void close_stopsTheServerWithinASecond() throws Exception {
    Instant before = Instant.now();
    site.close();

    assertTrue(Duration.between(before, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0);
    assertThrows(java.io.IOException.class, () -> site.get("/langue"));
  }
}
