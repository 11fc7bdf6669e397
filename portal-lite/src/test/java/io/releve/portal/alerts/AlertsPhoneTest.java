package io.releve.portal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.account.AccountFixture;
import io.releve.portal.browser.Chromium;
import io.releve.portal.browser.Chromium.Screen;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consents;
import io.releve.portal.store.Recorder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The alerts page on a phone in Debian's headless Chromium: the banner shows, and nothing makes the
 * page wider than the screen (the history table scrolls inside its own box). Screenshots go to
 * {@code target/screenshots/}.
 */
@Timeout(120)
class AlertsPhoneTest {

  private static final String COLD = "SEN-12345601-68-16";
  private static final String HOT = "SEN-12345602-68-06";

  @TempDir static Path seleniumCache;

  @TempDir Path dir;
  private AccountFixture site;
  private Chromium chromium;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("SE_CACHE_PATH", seleniumCache.toString());
    site = new AccountFixture(dir);
    long home = site.dwelling("A02");
    long claire = site.resident("claire@exemple.fr");
    site.lives(claire, home, "2026-03-01");
    // her choice is made: no consent pop-up over the home page
    site.write(
        c ->
            new Consents()
                .append(
                    c,
                    claire,
                    home,
                    Choice.GRANTED,
                    claire,
                    Recorder.RESIDENT,
                    null,
                    AccountFixture.NOW));
    site.write(
        c -> {
          AlertRows.meter(c, home, COLD, "12345601", "cold_water");
          AlertRows.meter(c, home, HOT, "12345602", "hot_water");
          AlertRows.leak(c, COLD, 1, "2026-05-11T06:00:00Z", null, "7.598", "1.71");
          AlertRows.meterAlarm(
              c,
              HOT,
              "burst",
              "2026-11-12T07:30:00Z",
              null,
              "Kamstrup info code 0x0008, bit 3 (record 02 FF 20)");
          AlertRows.leak(
              c, COLD, 2, "2026-04-01T22:00:00Z", "2026-04-04T22:00:00Z", "0.720", "10.00");
          AlertRows.notHeard(c, HOT, "2026-09-01T10:00:00Z", "2026-09-03T10:00:00Z");
          return null;
        });
    chromium = Chromium.start(Screen.PHONE, "fr-FR,fr");
  }

  @AfterEach
  void stop() {
    Chromium.stop(chromium, site);
  }

  private String url(String pathAndQuery) {
    return Chromium.localUrl(site, pathAndQuery);
  }

  @Test
  void alertsPage_onAPhone_showsTheBannerAndFitsTheScreenWidth() {
    chromium.open(url("/"));
    chromium.fill(By.name("email"), "claire@exemple.fr");
    chromium.fill(By.name("password"), AccountFixture.PASSWORD);
    chromium.click(By.cssSelector("main form button[type='submit']"));
    chromium.waitForPath("/accueil");
    chromium.click(By.cssSelector("#alert-banner a"));
    chromium.waitForPath("/alertes");

    assertEquals("2 alertes actives", chromium.find(By.cssSelector("#alert-banner a")).getText());
    chromium.screenshot("alerts-phone-top");
    Object fits =
        ((JavascriptExecutor) chromium.driver())
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    assertEquals(Boolean.TRUE, fits);
    ((JavascriptExecutor) chromium.driver())
        .executeScript("document.getElementById('alert-history').scrollIntoView();");
    chromium.screenshot("alerts-phone-history");
    assertTrue(chromium.find(By.id("history")).isDisplayed());
  }
}
