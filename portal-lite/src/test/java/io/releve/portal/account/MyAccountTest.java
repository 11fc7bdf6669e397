package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.store.Account;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consents;
import io.releve.portal.store.ResidencyState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MyAccountTest {

  @TempDir Path dir;
  private AccountFixture site;
  private long claire;
  private long home;
  private Visitor visitor;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    claire = site.resident("claire@exemple.fr");
    home = site.dwelling("A02");
    site.lives(claire, home, "2026-03-01");
    visitor = site.visitor();
    visitor.logIn("claire@exemple.fr", AccountFixture.PASSWORD);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void consent_giveThenWithdraw_showsDateAndRecorderAndOneButtonEach() throws Exception {
    assertTrue(visitor.get("/compte").body().contains("pas encore fait de choix"));

    HttpResponse<String> given = visitor.post("/compte/consentement", "choice", "granted");
    String afterGive = visitor.get("/compte").body();
    visitor.post("/compte/consentement", "choice", "withdrawn");
    String afterWithdraw = visitor.get("/compte").body();

    assertEquals("/compte?notice=consent", given.headers().firstValue("Location").orElseThrow());
    assertTrue(afterGive.contains("Accès autorisé le 12 novembre 2026, enregistré par vous-même"));
    assertTrue(afterGive.contains("value=\"withdrawn\""));
    assertFalse(afterGive.contains("value=\"granted\""));
    assertTrue(
        afterWithdraw.contains("Accès refusé le 12 novembre 2026, enregistré par vous-même"));
    assertTrue(afterWithdraw.contains("value=\"granted\""));
    assertEquals(
        Choice.WITHDRAWN,
        site.read(c -> new Consents().current(c, claire, home)).orElseThrow().choice());
  }

  @Test
  void consent_fromTheHomePopUp_goesBackHome() throws Exception {
    visitor.get("/compte");

    HttpResponse<String> answer =
        visitor.post("/compte/consentement", "choice", "granted", "next", "/accueil");

    assertEquals("/accueil?notice=consent", answer.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void contact_frenchNumber_isStoredInE164AndEmptyClearsIt() throws Exception {
    visitor.get("/compte");
    visitor.post("/compte/coordonnees", "phone", "06 12 34 56 78");
    assertEquals("+33612345678", site.accounts.byId(claire).orElseThrow().phone());

    HttpResponse<String> bad = visitor.post("/compte/coordonnees", "phone", "12");
    assertEquals(422, bad.statusCode());

    visitor.post("/compte/coordonnees", "phone", "");
    assertNull(site.accounts.byId(claire).orElseThrow().phone());
  }

  @Test
  void passwordChange_wrongCurrentThenRight_changesIt() throws Exception {
    visitor.get("/compte/mot-de-passe");

    HttpResponse<String> wrong =
        visitor.post(
            "/compte/mot-de-passe",
            "current",
            "Faux-2026!!",
            "password",
            "Nouveau-2026!",
            "confirm",
            "Nouveau-2026!");
    HttpResponse<String> right =
        visitor.post(
            "/compte/mot-de-passe",
            "current",
            AccountFixture.PASSWORD,
            "password",
            "Nouveau-2026!",
            "confirm",
            "Nouveau-2026!");

    assertEquals(422, wrong.statusCode());
    assertTrue(wrong.body().contains("Le mot de passe actuel est incorrect"));
    assertEquals("/compte?notice=password-changed", right.headers().firstValue("Location").get());
    assertEquals(303, site.visitor().logIn("claire@exemple.fr", "Nouveau-2026!").statusCode());
  }

  @Test
  void myData_containsMyDwellingsReadingsInsideMyWindowOnly() throws Exception {
    site.device(home, "WAT-0001");
    long other = site.dwelling("B07");
    site.device(other, "WAT-0002");
    long neighbour = site.resident("voisin@exemple.fr");
    site.lives(neighbour, other, "2026-01-01");
    // move-in 1 March 2026 00:00 Paris = 28 Feb 23:00 UTC: the former occupant's readings before
    site.reading("WAT-0001", Instant.parse("2026-02-28T22:59:59Z"), "100.001");
    site.reading("WAT-0001", Instant.parse("2026-02-28T23:00:00Z"), "100.002");
    site.reading("WAT-0001", Instant.parse("2026-10-01T08:00:00Z"), "120.003");
    site.reading("WAT-0002", Instant.parse("2026-10-01T08:00:00Z"), "555.555");
    site.alert("WAT-0001", Instant.parse("2026-02-01T08:00:00Z"), "9.991");
    site.alert("WAT-0001", Instant.parse("2026-09-01T08:00:00Z"), "0.420");

    HttpResponse<String> export = visitor.get("/compte/donnees");

    assertEquals(200, export.statusCode());
    assertTrue(
        export
            .headers()
            .firstValue("Content-Disposition")
            .orElseThrow()
            .contains("mes-donnees-releve.json"));
    String json = export.body();
    assertTrue(json.contains("\"claire@exemple.fr\""), json);
    assertFalse(json.contains("argon2"), json);
    assertFalse(json.contains("100.001"), json);
    assertTrue(json.contains("100.002"), json);
    assertTrue(json.contains("120.003"), json);
    assertFalse(json.contains("555.555"), json);
    assertFalse(json.contains("9.991"), json);
    assertTrue(json.contains("0.420"), json);
    assertTrue(json.contains("\"action\": \"login\""), json + " lacks the audit of my login");
  }

  @Test
  void myData_formerOccupant_getsNothingAfterTheMoveOut() throws Exception {
    long former = site.resident("ancien@exemple.fr");
    long flat = site.dwelling("C01");
    site.device(flat, "WAT-0003");
    site.lived(former, flat, "2025-01-01", "2026-06-30");
    long next = site.resident("suivant@exemple.fr");
    site.lives(next, flat, "2026-07-01");
    site.reading("WAT-0003", Instant.parse("2026-06-30T21:59:00Z"), "300.001");
    site.reading("WAT-0003", Instant.parse("2026-06-30T22:00:00Z"), "300.002");
    Visitor formerVisitor = site.visitor();
    formerVisitor.logIn("ancien@exemple.fr", AccountFixture.PASSWORD);
    Visitor nextVisitor = site.visitor();
    nextVisitor.logIn("suivant@exemple.fr", AccountFixture.PASSWORD);

    String formerJson = formerVisitor.get("/compte/donnees").body();
    String nextJson = nextVisitor.get("/compte/donnees").body();

    assertTrue(formerJson.contains("300.001"), formerJson);
    assertFalse(formerJson.contains("300.002"), formerJson);
    assertFalse(nextJson.contains("300.001"), nextJson);
    assertTrue(nextJson.contains("300.002"), nextJson);
    // a former occupant has no current dwelling: no consent to give any more
    formerVisitor.get("/compte");
    assertEquals(404, formerVisitor.post("/compte/consentement", "choice", "granted").statusCode());
  }

  @Test
  void close_withPassword_erasesEndsWithdrawsAndLaterLoginFails() throws Exception {
    visitor.get("/compte");
    visitor.post("/compte/consentement", "choice", "granted");
    visitor.get("/compte");

    HttpResponse<String> wrong = visitor.post("/compte/fermer", "password", "Faux-2026!!");
    assertEquals("/compte?notice=close-refused", wrong.headers().firstValue("Location").get());
    visitor.get("/compte");
    HttpResponse<String> closed =
        visitor.post("/compte/fermer", "password", AccountFixture.PASSWORD);

    assertEquals("/?notice=closed", closed.headers().firstValue("Location").orElseThrow());
    Account gone = site.accounts.byId(claire).orElseThrow();
    assertTrue(gone.isClosed());
    assertNull(gone.email());
    assertNull(gone.lastName());
    assertNull(gone.passwordHash());
    assertEquals(
        ResidencyState.ENDED, site.read(c -> site.residencies.ofAccount(c, claire)).get(0).state());
    assertEquals(
        Choice.WITHDRAWN,
        site.read(c -> new Consents().current(c, claire, home)).orElseThrow().choice());
    assertEquals("/", visitor.get("/compte").headers().firstValue("Location").orElseThrow());
    assertEquals(
        200, site.visitor().logIn("claire@exemple.fr", AccountFixture.PASSWORD).statusCode());
  }
}
