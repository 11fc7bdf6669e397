package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PasswordResetTest {

  private static final Pattern LINK = Pattern.compile("/reinitialisation\\?token=([A-Za-z0-9_-]+)");

  @TempDir Path dir;
  private AccountFixture site;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    site.resident("claire@exemple.fr");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private String askForLink() throws Exception {
    Visitor visitor = site.visitor();
    visitor.get("/mot-de-passe-oublie");
    visitor.post("/mot-de-passe-oublie", "email", "claire@exemple.fr");
    assertTrue(site.smtp.waitForIncomingEmail(15_000, 1), "no reset mail");
    MimeMessage[] mails = site.smtp.getReceivedMessages();
    Matcher link = LINK.matcher((String) mails[mails.length - 1].getContent());
    assertTrue(link.find());
    return link.group(1);
  }

  @Test
  void forgot_knownAndUnknownEmail_sameBytesAndOneMailForTheAccountOnly() throws Exception {
    Visitor visitor = site.visitor();
    visitor.get("/mot-de-passe-oublie");

    HttpResponse<String> unknown =
        visitor.post("/mot-de-passe-oublie", "email", "personne@exemple.fr");
    HttpResponse<String> known = visitor.post("/mot-de-passe-oublie", "email", "claire@exemple.fr");

    assertEquals(200, unknown.statusCode());
    assertTrue(unknown.body().contains("Si un compte existe pour cette adresse"));
    assertEquals(unknown.body(), known.body());
    assertTrue(site.smtp.waitForIncomingEmail(15_000, 1));
    MimeMessage[] mails = site.smtp.getReceivedMessages();
    // mail leaves in order: a mail for the unknown address would have come first
    assertEquals(1, mails.length);
    assertEquals("claire@exemple.fr", mails[0].getAllRecipients()[0].toString());
  }

  @Test
  void reset_validLink_setsThePasswordOnceWithoutLoggingIn() throws Exception {
    String token = askForLink();
    Visitor visitor = site.visitor();

    HttpResponse<String> form = visitor.get("/reinitialisation?token=" + token);
    HttpResponse<String> done =
        visitor.post(
            "/reinitialisation",
            "token",
            token,
            "password",
            "Nouveau-2026!",
            "confirm",
            "Nouveau-2026!");

    assertEquals(200, form.statusCode());
    assertEquals("/?notice=password-reset", done.headers().firstValue("Location").orElseThrow());
    assertTrue(
        visitor.get("/?notice=password-reset").body().contains("Votre mot de passe a été changé"));
    assertEquals(410, visitor.get("/reinitialisation?token=" + token).statusCode());
    assertEquals(
        410,
        visitor
            .post(
                "/reinitialisation",
                "token",
                token,
                "password",
                "Autre-2026!!",
                "confirm",
                "Autre-2026!!")
            .statusCode());
    assertEquals(
        "/accueil",
        site.visitor()
            .logIn("claire@exemple.fr", "Nouveau-2026!")
            .headers()
            .firstValue("Location")
            .orElseThrow());
    assertEquals(
        200, site.visitor().logIn("claire@exemple.fr", AccountFixture.PASSWORD).statusCode());
  }

  @Test
  void reset_afterOneHour_linkIsExpired() throws Exception {
    String token = askForLink();
    site.clock.advance(Duration.ofHours(1));

    assertEquals(410, site.visitor().get("/reinitialisation?token=" + token).statusCode());
  }

  @Test
  void reset_weakOrMismatchedPassword_showsTheRuleAndKeepsTheLink() throws Exception {
    String token = askForLink();
    Visitor visitor = site.visitor();
    visitor.get("/reinitialisation?token=" + token);

    HttpResponse<String> weak =
        visitor.post("/reinitialisation", "token", token, "password", "court", "confirm", "court");
    HttpResponse<String> mismatch =
        visitor.post(
            "/reinitialisation",
            "token",
            token,
            "password",
            "Nouveau-2026!",
            "confirm",
            "Nouveau-2026?");

    assertEquals(422, weak.statusCode());
    assertTrue(weak.body().contains("Trop court"), weak.body());
    assertEquals(422, mismatch.statusCode());
    assertTrue(mismatch.body().contains("ne sont pas identiques"));
    assertEquals(200, visitor.get("/reinitialisation?token=" + token).statusCode());
  }

  @Test
  void reset_unknownToken_isRefused() throws Exception {
    assertEquals(410, site.visitor().get("/reinitialisation?token=abc").statusCode());
  }
}
