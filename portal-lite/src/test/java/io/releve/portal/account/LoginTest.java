package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.web.Sessions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LoginTest {

  @TempDir Path dir;
  private AccountFixture site;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void loginPage_anonymous_showsTheFormAndTheLinks() throws Exception {
    HttpResponse<String> page = site.visitor().get("/");

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("name=\"email\""), page.body());
    assertTrue(page.body().contains("name=\"password\""), page.body());
    assertTrue(page.body().contains("href=\"/inscription/statut\">Créer mon compte"), page.body());
    assertTrue(page.body().contains("Mot de passe oublié ?"), page.body());
  }

  @Test
  void logIn_resident_rotatesTheSessionAndGoesHomeThenTheLoginPageRedirects() throws Exception {
    site.resident("claire@exemple.fr");
    Visitor claire = site.visitor();
    claire.get("/");
    String anonymous = claire.cookies.get(Sessions.COOKIE);

    HttpResponse<String> answer =
        claire.post(
            "/connexion", "email", "Claire@Exemple.fr ", "password", AccountFixture.PASSWORD);

    assertEquals(303, answer.statusCode());
    assertEquals("/accueil", answer.headers().firstValue("Location").orElseThrow());
    assertNotEquals(anonymous, claire.cookies.get(Sessions.COOKIE));
    assertEquals("/accueil", claire.get("/").headers().firstValue("Location").orElseThrow());
  }

  @Test
  void logIn_manager_goesToTheManagement() throws Exception {
    site.manager("luc@bailleur.fr");

    HttpResponse<String> answer = site.visitor().logIn("luc@bailleur.fr", AccountFixture.PASSWORD);

    assertEquals("/gestion", answer.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void logIn_unknownEmailWrongPasswordClosedOrUnactivated_answerTheSameBytes() throws Exception {
    site.resident("claire@exemple.fr");
    long closed = site.resident("ferme@exemple.fr");
    site.write(c -> site.accounts.close(c, closed, AccountFixture.NOW));
    site.write(
        c ->
            site.accounts.create(
                c,
                "nouveau@exemple.fr",
                io.releve.portal.store.AccountKind.RESIDENT,
                "N",
                "N",
                io.releve.portal.store.Lang.FR,
                AccountFixture.NOW));
    Visitor visitor = site.visitor();
    visitor.get("/");

    HttpResponse<String> unknown =
        visitor.post("/connexion", "email", "personne@exemple.fr", "password", "Bonjour-2026!");
    HttpResponse<String> wrong =
        visitor.post("/connexion", "email", "claire@exemple.fr", "password", "Mauvais-2026!");
    HttpResponse<String> gone =
        visitor.post("/connexion", "email", "ferme@exemple.fr", "password", "Bonjour-2026!");
    HttpResponse<String> unactivated =
        visitor.post("/connexion", "email", "nouveau@exemple.fr", "password", "Bonjour-2026!");

    assertEquals(200, unknown.statusCode());
    assertTrue(unknown.body().contains("Adresse e-mail ou mot de passe incorrect"));
    assertEquals(unknown.body(), wrong.body());
    assertEquals(unknown.body(), gone.body());
    assertEquals(unknown.body(), unactivated.body());
    assertEquals(unknown.statusCode(), wrong.statusCode());
  }

  @Test
  void logIn_afterFiveFailures_isRefusedWithTheSameMessageEvenWithTheRightPassword()
      throws Exception {
    site.resident("claire@exemple.fr");
    Visitor visitor = site.visitor();
    visitor.get("/");
    HttpResponse<String> failure = null;
    for (int i = 0; i < 5; i++) {
      failure = visitor.post("/connexion", "email", "claire@exemple.fr", "password", "Faux-" + i);
    }

    HttpResponse<String> blocked =
        visitor.post(
            "/connexion", "email", "claire@exemple.fr", "password", AccountFixture.PASSWORD);

    assertEquals(200, blocked.statusCode());
    assertEquals(failure.body(), blocked.body());
    site.clock.advance(java.time.Duration.ofMinutes(16));
    assertEquals(
        303,
        visitor
            .post("/connexion", "email", "claire@exemple.fr", "password", AccountFixture.PASSWORD)
            .statusCode());
  }

  @Test
  void logIn_success_andFailure_areAudited() throws Exception {
    long claire = site.resident("claire@exemple.fr");
    site.visitor().logIn("claire@exemple.fr", "Faux-1");
    site.visitor().logIn("claire@exemple.fr", AccountFixture.PASSWORD);

    var rows =
        site.read(c -> new io.releve.portal.store.AuditLog(site.database).byActor(c, claire));

    assertEquals(
        java.util.List.of("login:refused", "login:ok"),
        rows.stream().map(r -> r.action() + ":" + r.outcome()).toList());
    assertTrue(rows.get(0).at().equals(Instant.from(AccountFixture.NOW)));
  }

  @Test
  void logOut_endsTheSession() throws Exception {
    site.resident("claire@exemple.fr");
    Visitor claire = site.visitor();
    claire.logIn("claire@exemple.fr", AccountFixture.PASSWORD);
    claire.get("/compte");

    HttpResponse<String> out = claire.post("/deconnexion");

    assertEquals("/?notice=logged-out", out.headers().firstValue("Location").orElseThrow());
    assertEquals("/", claire.get("/compte").headers().firstValue("Location").orElseThrow());
  }

  @Test
  void logIn_withoutCsrf_isForbidden() throws Exception {
    site.resident("claire@exemple.fr");
    Visitor visitor = site.visitor();
    visitor.get("/");

    HttpResponse<String> answer =
        visitor.postRaw("/connexion", "email", "claire@exemple.fr", "password", "x");

    assertEquals(403, answer.statusCode());
  }
}
