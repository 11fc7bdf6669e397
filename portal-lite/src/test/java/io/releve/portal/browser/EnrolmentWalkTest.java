package io.releve.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.browser.Chromium.Screen;
import io.releve.portal.enrol.EnrolWorld;
import io.releve.portal.store.Account;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Consents;
import io.releve.portal.store.Recorder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A new resident's whole enrolment in headless Chromium on a phone: the four steps, the activation
 * mail, the first password, the home page and the consent pop-up, with a screenshot of each page.
 */
@Timeout(120)
class EnrolmentWalkTest {

  private static final String EMAIL = "jeanne.petit@exemple.fr";

  private static final String PASSWORD = "Tr3s-Bon-Mot!";

  /** Where Selenium Manager would unpack itself: it must never run (see ChromiumHarnessTest). */
  @TempDir static Path seleniumCache;

  @TempDir Path dir;
  private EnrolWorld world;
  private long dwelling;
  private Chromium chromium;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("SE_CACHE_PATH", seleniumCache.toString());
    world = new EnrolWorld(dir);
    dwelling = world.dwelling("A01", "16", "L/12345-B");
    world.device(dwelling, "wm-a", "11111111");
    world.reading("wm-a", "123.25", Instant.parse("2026-11-11T08:00:00Z"));
    // a French phone: the portal answers in the browser's language until one is chosen
    chromium = Chromium.start(Screen.PHONE, "fr-FR,fr");
  }

  @AfterEach
  void stop() {
    Chromium.stop(chromium, world);
  }

  private String url(String pathAndQuery) {
    return Chromium.localUrl(world, pathAndQuery);
  }

  @Test
  void newResident_walksEnrolmentActivationAndConsent_onAPhone() throws Exception {
    chromium.open(url("/inscription/statut"));
    chromium.waitForText(By.tagName("h1"), "Inscription : votre situation");
    chromium.click(By.cssSelector("label[for='f-status-occupant']"));
    chromium.screenshot("01-statut");
    submit();

    chromium.waitForPath("/inscription/residence");
    chromium.fill(By.id("f-site"), "ly003");
    chromium.screenshot("02-residence");
    submit();

    chromium.waitForPath("/inscription/logement");
    chromium.click(By.cssSelector("label[for='f-method-client_ref']"));
    // as typed from the rent notice: prefix, spaces and lower case are all forgiven
    chromium.fill(By.id("f-identifier"), "l/ 12 345-b");
    chromium.screenshot("03-logement");
    submit();

    chromium.waitForPath("/inscription/coordonnees");
    chromium.fill(By.id("f-last_name"), "Petit");
    chromium.fill(By.id("f-first_name"), "Jeanne");
    chromium.fill(By.id("f-email"), EMAIL);
    setDate(By.id("f-move_in"), "2026-11-01");
    chromium.click(By.cssSelector("label[for='f-certify']"));
    chromium.screenshot("04-coordonnees");
    submit();

    chromium.waitForPath("/inscription/envoyee");
    chromium.find(By.id("sent"));
    chromium.screenshot("05-envoyee");

    URI link = URI.create(world.activationLink(EMAIL));
    chromium.open(url(link.getRawPath() + "?" + link.getRawQuery()));
    chromium.fill(By.id("f-password"), PASSWORD);
    chromium.fill(By.id("f-confirm"), PASSWORD);
    chromium.click(By.cssSelector("label[for='f-terms']"));
    chromium.screenshot("06-activation");
    submit();

    chromium.waitForPath("/accueil");
    WebElement home = chromium.find(By.id("dwelling"));
    assertTrue(home.getText().contains("Logement A01"), home.getText());
    chromium.find(By.id("consent-dialog"));
    chromium.screenshot("07-accueil");
    chromium.click(By.cssSelector("#consent-dialog button[value='granted']"));

    chromium.until(d -> d.findElements(By.id("consent-dialog")).isEmpty());
    chromium.waitForPath("/accueil");
    chromium.screenshot("08-accueil-consenti");

    long account = world.read(c -> world.accounts.byEmail(c, EMAIL).map(Account::id).orElseThrow());
    Consent consent = world.read(c -> new Consents().current(c, account, dwelling)).orElseThrow();
    assertEquals(Choice.GRANTED, consent.choice());
    assertEquals(Recorder.RESIDENT, consent.recorder());
    assertEquals(account, consent.recordedBy());
  }

  @Test
  void visitor_clickingEn_seesStepOneInEnglish() {
    chromium.open(url("/inscription/statut"));
    chromium.waitForText(By.tagName("h1"), "Inscription : votre situation");
    chromium.click(By.cssSelector("nav.lang-switch a[hreflang='en']"));

    chromium.waitForText(By.tagName("h1"), "Sign up: your situation");
    chromium.waitForPath("/inscription/statut");
    assertEquals("You are", chromium.find(By.cssSelector("#f-status legend")).getText());
    assertEquals(
        "Tenant or occupant of the dwelling",
        chromium.find(By.cssSelector("label[for='f-status-occupant']")).getText());
    assertEquals("en", chromium.find(By.tagName("html")).getAttribute("lang"));
    chromium.screenshot("01-status-en");
  }

  /** Clicks the main form's button, as a thumb would. */
  private void submit() {
    chromium.click(By.cssSelector("main form button[type='submit']"));
  }

  /**
   * Sets a date field through its value: typing into {@code <input type=date>} depends on the
   * browser's locale, while the value is always {@code YYYY-MM-DD}.
   */
  private void setDate(By by, String isoDate) {
    WebElement field = chromium.find(by);
    ((JavascriptExecutor) chromium.driver())
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            field,
            isoDate);
    assertEquals(isoDate, field.getAttribute("value"));
  }
}
