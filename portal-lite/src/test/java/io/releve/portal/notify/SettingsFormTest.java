package io.releve.portal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.account.AccountFixture;
import io.releve.portal.store.AuditEntry;
import io.releve.portal.store.AuditLog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SettingsFormTest {

  private static final String CHECKED_ALERTS_EMAIL =
      "id=\"f-alerts_email\" name=\"alerts_email\" value=\"on\" checked";
  private static final String UNCHECKED_ALERTS_SMS =
      "id=\"f-alerts_sms\" name=\"alerts_sms\" value=\"on\">";

  @TempDir Path dir;
  private AccountFixture site;
  private long claire;
  private Visitor visitor;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    claire = site.resident("claire@exemple.fr");
    site.lives(claire, site.dwelling("A02"), "2026-03-01");
    visitor = site.visitor();
    visitor.logIn("claire@exemple.fr", AccountFixture.PASSWORD);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Settings stored() {
    return site.read(c -> new SettingsStore().of(c, claire));
  }

  private long settingsRows() {
    return site.read(
        c -> {
          try (var select = c.prepareStatement("SELECT COUNT(*) FROM notification_settings");
              var row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  @Test
  void page_withoutAChoice_showsEmailOnAndSmsOff() throws Exception {
    String page = visitor.get("/compte").body();

    assertTrue(page.contains("<h2>Notifications</h2>"), page);
    assertTrue(page.contains(CHECKED_ALERTS_EMAIL), page);
    assertTrue(page.contains(UNCHECKED_ALERTS_SMS), page);
    assertTrue(page.contains("action=\"/compte/notifications\""), page);
  }

  @Test
  void smsWithoutAPhone_isRefusedBesideTheBox_andNothingIsStored() throws Exception {
    visitor.get("/compte");

    HttpResponse<String> refused =
        visitor.post("/compte/notifications", "alerts_email", "on", "alerts_sms", "on");

    assertEquals(422, refused.statusCode());
    assertTrue(
        refused
            .body()
            .contains(
                "<p class=\"field__error\" id=\"f-alerts_sms-error\">Pour recevoir des SMS,"
                    + " ajoutez d’abord votre numéro de téléphone ci-dessus.</p>"),
        refused.body());
    // the box stays as posted, and the other SMS box has no error
    assertTrue(refused.body().contains("name=\"alerts_sms\" value=\"on\" checked"), refused.body());
    assertFalse(refused.body().contains("f-documents_sms-error"));
    assertEquals(0, settingsRows());
  }

  @Test
  void smsWithoutAPhone_inEnglish_saysSoInEnglish() throws Exception {
    // the switch remembers English in a cookie and redirects
    visitor.get("/compte?lang=en");
    visitor.get("/compte");

    HttpResponse<String> refused = visitor.post("/compte/notifications", "documents_sms", "on");

    assertEquals(422, refused.statusCode());
    assertTrue(
        refused.body().contains("To receive text messages, first add your phone number above."),
        refused.body());
    assertEquals(0, settingsRows());
  }

  @Test
  void roundTrip_withAPhone_storesAuditsAndShowsTheChoice() throws Exception {
    visitor.get("/compte");
    visitor.post("/compte/coordonnees", "phone", "06 12 34 56 78");
    visitor.get("/compte");

    HttpResponse<String> saved =
        visitor.post("/compte/notifications", "alerts_sms", "on", "documents_email", "on");
    String page = visitor.get("/compte?notice=notifications").body();

    assertEquals(303, saved.statusCode());
    assertEquals(
        "/compte?notice=notifications#notifications",
        saved.headers().firstValue("Location").orElseThrow());
    assertEquals(new Settings(false, true, true, false), stored());
    assertTrue(page.contains("Vos notifications sont enregistrées."), page);
    assertTrue(page.contains("name=\"alerts_sms\" value=\"on\" checked"), page);
    assertTrue(page.contains("name=\"alerts_email\" value=\"on\">"), page);
    List<AuditEntry> audit = site.read(c -> new AuditLog(site.database).byActor(c, claire));
    AuditEntry last = audit.get(audit.size() - 1);
    assertEquals("notifications.change", last.action());
    assertEquals("alerts=sms documents=email", last.subject());
    assertEquals("ok", last.outcome());
  }

  @Test
  void post_withoutCsrfToken_isRefusedAndStoresNothing() throws Exception {
    visitor.get("/compte");

    HttpResponse<String> forged = visitor.postRaw("/compte/notifications", "alerts_email", "on");

    assertEquals(403, forged.statusCode());
    assertEquals(0, settingsRows());
  }

  @Test
  void phoneRemovedAfterChoosingSms_saysTheSmsAreNotSent() throws Exception {
    visitor.get("/compte");
    visitor.post("/compte/coordonnees", "phone", "+33612345678");
    visitor.get("/compte");
    visitor.post("/compte/notifications", "alerts_email", "on", "alerts_sms", "on");
    visitor.get("/compte");
    visitor.post("/compte/coordonnees", "phone", "");

    String page = visitor.get("/compte").body();

    assertTrue(page.contains("Aucun numéro de téléphone : les SMS choisis"), page);
    assertEquals(new Settings(true, true, false, false), stored());
  }
}
