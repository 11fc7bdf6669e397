package io.releve.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.account.AccountFixture;
import io.releve.portal.browser.Chromium.Screen;
import io.releve.portal.dashboard.DashboardBuilding;
import io.releve.portal.store.Account;
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
 * Claire's dashboard in Debian's headless Chromium, on a desktop and on phones: she signs in, opens
 * the dashboard, switches to heating, sees the figures and the charts, and follows the alert banner
 * to her active leak. Screenshots go to {@code target/screenshots/}.
 */
@Timeout(120)
class DashboardWalkTest {

  /** Where Selenium Manager would unpack itself: it must never run (see ChromiumHarnessTest). */
  @TempDir static Path seleniumCache;

  @TempDir Path dir;
  private AccountFixture site;
  private Chromium chromium;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("SE_CACHE_PATH", seleniumCache.toString());
    site = new AccountFixture(dir);
    DashboardBuilding building = DashboardBuilding.make(site);
    building.activeLeak(site);
    long claire =
        site.read(c -> site.accounts.byEmail(c, DashboardBuilding.CLAIRE).map(Account::id))
            .orElseThrow();
    // her choice is made: no consent pop-up over the pages
    site.write(
        c ->
            new Consents()
                .append(
                    c,
                    claire,
                    building.home,
                    Choice.GRANTED,
                    claire,
                    Recorder.RESIDENT,
                    null,
                    AccountFixture.NOW));
  }

  @AfterEach
  void stop() {
    Chromium.stop(chromium, site);
  }

  private String url(String pathAndQuery) {
    return Chromium.localUrl(site, pathAndQuery);
  }

  private void signIn(Screen screen) {
    chromium = Chromium.start(screen, "fr-FR,fr");
    chromium.open(url("/"));
    chromium.fill(By.name("email"), DashboardBuilding.CLAIRE);
    chromium.fill(By.name("password"), AccountFixture.PASSWORD);
    chromium.click(By.cssSelector("main form button[type='submit']"));
    chromium.waitForPath("/accueil");
  }

  /** The element's text with its no-break spaces as spaces (as WebDriver may give either). */
  private String text(By by) {
    return chromium.find(by).getText().replace('\u00a0', ' ');
  }

  private boolean fitsTheScreenWidth() {
    return (Boolean)
        ((JavascriptExecutor) chromium.driver())
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
  }

  @Test
  void resident_onADesktop_readsTheDashboardSwitchesTabAndFollowsTheBanner() {
    signIn(Screen.DESKTOP);
    chromium.click(By.cssSelector("nav.site-nav a[href='/tableau-de-bord']"));
    chromium.waitForPath("/tableau-de-bord");

    assertEquals("3,700 m³", text(By.id("cold-water-m3-month")));
    assertEquals("12/11/2026 08:00", text(By.id("cold-water-m3-last-reading")));
    assertTrue(chromium.find(By.cssSelector("#cold-water-m3-monthly svg")).isDisplayed());
    chromium.screenshot("dashboard-desktop");

    chromium.click(By.id("tab-chauffage"));
    assertEquals("40 U", text(By.id("heating-u-month")));
    assertEquals(
        "0 U rien ce mois-ci", text(By.cssSelector("#heating-u-devices tr.is-zero td:last-child")));
    assertTrue(chromium.find(By.cssSelector("#heating-u-years svg")).isDisplayed());
    ((JavascriptExecutor) chromium.driver())
        .executeScript("document.getElementById('heating-u-breakdown').scrollIntoView();");
    chromium.screenshot("dashboard-desktop-heating");

    chromium.click(By.cssSelector("#alert-banner a"));
    chromium.waitForPath("/alertes");
    assertEquals("1 alerte active", text(By.cssSelector("#alert-banner a")));
    String active = text(By.id("active-alerts"));
    assertTrue(active.contains("Fuite de niveau 1 (goutte-à-goutte)"), active);
    assertTrue(active.contains("7,598 m³"), active);
    assertTrue(active.contains("20000002"), active);
    chromium.screenshot("alerts-desktop");
  }

  @Test
  void resident_onA390PixelPhone_seesTheDashboardWithinTheScreenWidth() {
    signIn(Screen.PHONE_390);
    chromium.open(url("/tableau-de-bord"));

    assertEquals("3,700 m³", text(By.id("cold-water-m3-month")));
    assertTrue(fitsTheScreenWidth());
    chromium.screenshot("dashboard-phone");
    ((JavascriptExecutor) chromium.driver())
        .executeScript("document.getElementById('cold-water-m3-charts').scrollIntoView();");
    chromium.screenshot("dashboard-phone-charts");

    chromium.open(url("/tableau-de-bord?fluide=chauffage"));
    assertEquals("40 U", text(By.id("heating-u-month")));
    assertTrue(fitsTheScreenWidth());
    chromium.screenshot("dashboard-phone-heating");
  }

  @Test
  void resident_onA360PixelPhone_everyTabAndTheStatementFitTheScreenWidth() {
    signIn(Screen.PHONE_360);

    for (String path :
        new String[] {
          "/tableau-de-bord?fluide=eau-froide",
          "/tableau-de-bord?fluide=eau-chaude",
          "/tableau-de-bord?fluide=chauffage",
          "/tableau-de-bord/releve"
        }) {
      chromium.open(url(path));
      chromium.find(By.tagName("h1"));
      assertTrue(fitsTheScreenWidth(), path + " is wider than 360 px");
    }
  }
}
