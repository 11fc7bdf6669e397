package io.releve.portal.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Lang;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /documents} over real HTTP: the resident's list, newest month first; the download with its
 * headers; and who may read what — a resident their own residencies' documents only (anyone else's
 * is the same 404 as no document), nobody logged in the login page, a manager 404.
 */
@Timeout(60)
class DocumentsPageTest {

  @TempDir Path dir;
  private DocumentsWorld world;
  private long claireStay;
  private long paulStay;

  @BeforeEach
  void start() throws Exception {
    world = new DocumentsWorld(dir);
    long a01 = world.dwelling("A01");
    long a02 = world.dwelling("A02");
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    long paul = world.resident("paul@exemple.fr", Lang.EN, "Paul", "Roux");
    claireStay = world.lives(claire, a01, "2025-03-01");
    paulStay = world.lives(paul, a02, "2025-03-01");
    // September's statements as the job made them on 12/10/2026, before anyone logged in; then
    // October's today
    world.clock.advance(Duration.ofDays(-31));
    assertEquals(new StatementJob.Run(2, 0), world.job().runOnce());
    world.clock.advance(Duration.ofDays(31));
    assertEquals(new StatementJob.Run(2, 0), world.job().runOnce());
  }

  @AfterEach
  void stop() {
    world.close();
  }

  private Visitor loggedIn(String email) throws Exception {
    Visitor visitor = world.visitor();
    assertEquals(303, visitor.logIn(email, DocumentsWorld.PASSWORD).statusCode());
    return visitor;
  }

  /** A GET whose body is kept as bytes, with the visitor's cookies. */
  private HttpResponse<byte[]> bytes(Visitor visitor, String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(world.portal.uri().resolve(path)).timeout(Duration.ofSeconds(20));
    StringBuilder cookie = new StringBuilder();
    visitor.cookies.forEach(
        (n, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(n).append('=').append(v));
    if (cookie.length() > 0) {
      request.header("Cookie", cookie.toString());
    }
    return HttpClient.newHttpClient()
        .send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void list_showsTheResidentsStatements_newestFirst_withTitlePeriodAndSize() throws Exception {
    long october = world.documentId(claireStay, "2026-10");
    long september = world.documentId(claireStay, "2026-09");
    Visitor claire = loggedIn("claire@exemple.fr");

    HttpResponse<String> page = claire.get("/documents");

    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.contains("<h1>Mes documents</h1>"), body);
    int first = body.indexOf("id=\"document-" + october + "\"");
    int second = body.indexOf("id=\"document-" + september + "\"");
    assertTrue(first > 0 && second > first, body);
    String size =
        DocumentsPage.size(
            io.releve.portal.web.Messages.load(io.releve.portal.web.Lang.FR),
            world.body(october).length);
    assertTrue(
        body.contains(
            "<span class=\"document__title\">Relevé de consommation – octobre 2026</span>"
                + "<span class=\"document__meta\">octobre 2026 · PDF · "
                + size
                + "</span>"),
        body);
    assertTrue(body.contains("href=\"/documents/telecharger?id=" + october + "\""), body);
    assertFalse(body.contains("id=\"document-" + world.documentId(paulStay, "2026-10") + "\""));
  }

  @Test
  void list_inEnglish_forAResidentWhoChoseEnglish() throws Exception {
    Visitor paul = loggedIn("paul@exemple.fr");

    // the page follows the visitor's language choice, the statement the account's
    paul.get("/documents?lang=en");
    String body = paul.get("/documents").body();

    assertTrue(body.contains("<h1>My documents</h1>"), body);
    assertTrue(
        body.contains(
            "<span class=\"document__title\">Consumption statement – October 2026</span>"),
        body);
    assertTrue(body.contains(">Download</a>"), body);
  }

  @Test
  void size_isInKilobytesWithOneDecimal_roundedUp() {
    var fr = io.releve.portal.web.Messages.load(io.releve.portal.web.Lang.FR);
    var en = io.releve.portal.web.Messages.load(io.releve.portal.web.Lang.EN);
    // 2 000 / 1 024 = 1.953… KB, up to 2.0; 1 025 bytes is 1.0009… up to 1.1
    assertEquals("2,0 Ko", DocumentsPage.size(fr, 2_000));
    assertEquals("1.1 KB", DocumentsPage.size(en, 1_025));
    assertEquals("0.1 KB", DocumentsPage.size(en, 1));
  }

  @Test
  void download_givesTheStoredPdfAsAnAttachment() throws Exception {
    long october = world.documentId(claireStay, "2026-10");
    Visitor claire = loggedIn("claire@exemple.fr");

    HttpResponse<byte[]> file = bytes(claire, "/documents/telecharger?id=" + october);

    assertEquals(200, file.statusCode());
    assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "attachment; filename=\"releve-2026-10.pdf\"; filename*=UTF-8''releve-2026-10.pdf",
        file.headers().firstValue("Content-Disposition").orElseThrow());
    assertArrayEquals(world.body(october), file.body());
    assertTrue(
        DocumentsWorld.text(file.body()).startsWith("Relevé de consommation – octobre 2026\n"));
  }

  @Test
  void download_anotherResidentsDocument_isTheSame404AsNone() throws Exception {
    long paulsOctober = world.documentId(paulStay, "2026-10");
    Visitor claire = loggedIn("claire@exemple.fr");

    HttpResponse<byte[]> other = bytes(claire, "/documents/telecharger?id=" + paulsOctober);
    HttpResponse<byte[]> none = bytes(claire, "/documents/telecharger?id=999999");
    HttpResponse<byte[]> garbage = bytes(claire, "/documents/telecharger?id=abc");

    assertEquals(404, other.statusCode());
    assertEquals(404, none.statusCode());
    assertEquals(404, garbage.statusCode());
    // the page names its own address (the language links): the rest is byte for byte the same
    assertEquals(
        new String(none.body(), StandardCharsets.UTF_8).replace("id=999999", "id=N"),
        new String(other.body(), StandardCharsets.UTF_8).replace("id=" + paulsOctober, "id=N"));
  }

  @Test
  void signedOut_getsTheLoginPage_andAManager404() throws Exception {
    long october = world.documentId(claireStay, "2026-10");
    Visitor nobody = world.visitor();
    world.account("luc@gestion.fr", AccountKind.MANAGER, null);
    world.write(
        c -> {
          try (PreparedStatement password =
              c.prepareStatement(
                  "UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts"
                      + " WHERE email = 'claire@exemple.fr') WHERE email = 'luc@gestion.fr'")) {
            return password.executeUpdate();
          }
        });
    Visitor luc = loggedIn("luc@gestion.fr");

    HttpResponse<String> list = nobody.get("/documents");
    HttpResponse<String> file = nobody.get("/documents/telecharger?id=" + october);

    assertEquals(303, list.statusCode());
    assertEquals("/", list.headers().firstValue("Location").orElseThrow());
    assertEquals(303, file.statusCode());
    assertEquals("/", file.headers().firstValue("Location").orElseThrow());
    assertEquals(404, luc.get("/documents").statusCode());
    assertEquals(404, bytes(luc, "/documents/telecharger?id=" + october).statusCode());
  }
}
