package io.releve.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two browsers logged in as the same account: what one does to the account, the other feels. */
@Timeout(60)
class EverySessionOfAnAccountTest {

  private static final Pattern LINK = Pattern.compile("/reinitialisation\\?token=([A-Za-z0-9_-]+)");
  private static final String NEW_PASSWORD = "Nouveau-2026!";

  @TempDir Path dir;
  private AccountFixture site;
  private long claire;
  private Visitor phone;
  private Visitor laptop;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    claire = site.resident("claire@exemple.fr");
    site.lives(claire, site.dwelling("A02"), "2026-03-01");
    phone = site.visitor();
    laptop = site.visitor();
    assertEquals(303, phone.logIn("claire@exemple.fr", AccountFixture.PASSWORD).statusCode());
    assertEquals(303, laptop.logIn("claire@exemple.fr", AccountFixture.PASSWORD).statusCode());
    assertEquals(200, phone.get("/compte").statusCode());
    assertEquals(200, laptop.get("/compte").statusCode());
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void aPasswordResetSendsEveryBrowserLoggedInAsTheAccountBackToTheLoginPage() throws Exception {
    Visitor stranger = site.visitor();
    stranger.get("/mot-de-passe-oublie");
    stranger.post("/mot-de-passe-oublie", "email", "claire@exemple.fr");
    assertTrue(site.smtp.waitForIncomingEmail(15_000, 1), "no reset mail");
    MimeMessage[] mails = site.smtp.getReceivedMessages();
    Matcher link = LINK.matcher((String) mails[mails.length - 1].getContent());
    assertTrue(link.find());
    stranger.get("/reinitialisation?token=" + link.group(1));

    HttpResponse<String> reset =
        stranger.post(
            "/reinitialisation",
            "token",
            link.group(1),
            "password",
            NEW_PASSWORD,
            "confirm",
            NEW_PASSWORD);

    assertEquals("/?notice=password-reset", reset.headers().firstValue("Location").orElseThrow());
    assertSentToLogin(phone.get("/compte"));
    assertSentToLogin(laptop.get("/compte"));
  }

  @Test
  void aPasswordChangeSendsTheOtherBrowserBackToTheLoginPageAndKeepsThisOneLoggedIn()
      throws Exception {
    phone.get("/compte/mot-de-passe");

    HttpResponse<String> changed =
        phone.post(
            "/compte/mot-de-passe",
            "current",
            AccountFixture.PASSWORD,
            "password",
            NEW_PASSWORD,
            "confirm",
            NEW_PASSWORD);

    assertEquals(
        "/compte?notice=password-changed", changed.headers().firstValue("Location").orElseThrow());
    assertSentToLogin(laptop.get("/compte"));
    assertEquals(200, phone.get("/compte?notice=password-changed").statusCode());
  }

  @Test
  void closingTheAccountSendsTheOtherBrowserBackToTheLoginPageAndItCannotSetAPhone()
      throws Exception {
    phone.get("/compte");

    HttpResponse<String> closed = phone.post("/compte/fermer", "password", AccountFixture.PASSWORD);

    assertEquals("/?notice=closed", closed.headers().firstValue("Location").orElseThrow());
    // the laptop's form was shown before the close: its session, and so its CSRF token, are gone
    assertEquals(403, laptop.post("/compte/coordonnees", "phone", "06 12 34 56 78").statusCode());
    assertSentToLogin(laptop.get("/compte"));
    assertSentToLogin(phone.get("/compte"));
    assertNull(site.accounts.byId(claire).orElseThrow().phone());
  }

  @Test
  void aSessionWhoseAccountWasClosedMeanwhileBehavesAsLoggedOutNeverAs500() throws Exception {
    // closed behind the sessions' back (as by another node or a manager's tool)
    site.write(
        c -> {
          site.accounts.close(c, claire, AccountFixture.NOW);
          return null;
        });

    assertSentToLogin(laptop.post("/compte/coordonnees", "phone", "06 12 34 56 78"));
    assertSentToLogin(phone.get("/compte"));
    assertNull(site.accounts.byId(claire).orElseThrow().phone());
  }

  private static void assertSentToLogin(HttpResponse<String> response) {
    assertEquals(303, response.statusCode(), response.body());
    assertEquals("/", response.headers().firstValue("Location").orElseThrow());
  }
}
