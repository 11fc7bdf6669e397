package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.store.Consents;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every account route asked by someone it is not for: a manager, an anonymous visitor, no CSRF. */
@Timeout(60)
class WrongPersonTest {

  @TempDir Path dir;
  private AccountFixture site;
  private long claire;
  private long home;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    claire = site.resident("claire@exemple.fr");
    home = site.dwelling("A02");
    site.device(home, "WAT-0001");
    site.lives(claire, home, "2026-03-01");
    site.reading("WAT-0001", Instant.parse("2026-10-01T08:00:00Z"), "120.003");
    site.manager("luc@bailleur.fr");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void manager_residentRoutes_answer404AndHisOwnPageShowsNoResidentData() throws Exception {
    Visitor luc = site.visitor();
    luc.logIn("luc@bailleur.fr", AccountFixture.PASSWORD);
    String page = luc.get("/compte").body();

    assertFalse(page.contains("claire@exemple.fr"), page);
    assertFalse(page.contains("id=\"consent\""), page);
    assertEquals(404, luc.get("/compte/donnees").statusCode());
    assertEquals(404, luc.post("/compte/consentement", "choice", "granted").statusCode());
    assertEquals(404, luc.post("/compte/fermer", "password", AccountFixture.PASSWORD).statusCode());
    assertTrue(site.read(c -> new Consents().current(c, claire, home)).isEmpty());
  }

  @Test
  void otherResident_seesOnlyTheirOwnData() throws Exception {
    long other = site.dwelling("B07");
    long paul = site.resident("paul@exemple.fr");
    site.lives(paul, other, "2026-01-01");
    Visitor visitor = site.visitor();
    visitor.logIn("paul@exemple.fr", AccountFixture.PASSWORD);

    String page = visitor.get("/compte").body();
    String json = visitor.get("/compte/donnees").body();
    visitor.get("/compte");
    visitor.post("/compte/consentement", "choice", "granted");

    assertFalse(page.contains("claire@exemple.fr"), page);
    assertFalse(json.contains("claire@exemple.fr"), json);
    assertFalse(json.contains("120.003"), json);
    assertTrue(site.read(c -> new Consents().current(c, claire, home)).isEmpty());
    assertTrue(site.read(c -> new Consents().current(c, paul, other)).isPresent());
  }

  @Test
  void anonymous_everyAccountPage_goesToTheLoginPage() throws Exception {
    Visitor anonymous = site.visitor();
    anonymous.get("/");

    for (String path : new String[] {"/compte", "/compte/mot-de-passe", "/compte/donnees"}) {
      HttpResponse<String> answer = anonymous.get(path);
      assertEquals(303, answer.statusCode(), path);
      assertEquals("/", answer.headers().firstValue("Location").orElseThrow(), path);
    }
    for (String path :
        new String[] {
          "/compte/coordonnees", "/compte/consentement", "/compte/mot-de-passe", "/compte/fermer"
        }) {
      assertEquals(303, anonymous.post(path, "choice", "granted").statusCode(), path);
    }
  }

  @Test
  void loggedIn_everyAccountPostWithoutCsrf_isForbidden() throws Exception {
    Visitor visitor = site.visitor();
    visitor.logIn("claire@exemple.fr", AccountFixture.PASSWORD);

    for (String path :
        new String[] {
          "/deconnexion",
          "/mot-de-passe-oublie",
          "/reinitialisation",
          "/compte/coordonnees",
          "/compte/consentement",
          "/compte/mot-de-passe",
          "/compte/fermer"
        }) {
      assertEquals(403, visitor.postRaw(path, "choice", "granted").statusCode(), path);
    }
    assertFalse(site.accounts.byId(claire).orElseThrow().isClosed());
  }
}
