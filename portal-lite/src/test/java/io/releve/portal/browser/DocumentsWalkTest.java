package io.releve.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.browser.Chromium.Screen;
import io.releve.portal.documents.DocumentsWorld;
import io.releve.portal.documents.StatementJob;
import io.releve.portal.store.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * In headless Chromium: a resident downloads last month's statement from {@code /documents} on a
 * phone; and a manager's dwelling page shows a resident's days while she consents, then monthly
 * totals only once she withdraws her consent from her account page. Screenshots of each.
 */
@Timeout(180)
class DocumentsWalkTest {

  /** Where Selenium Manager would unpack itself: it must never run (see ChromiumHarnessTest). */
  @TempDir static Path seleniumCache;

  @TempDir Path dir;
  @TempDir Path downloads;
  private DocumentsWorld world;
  private long home;
  private Chromium chromium;

  @BeforeEach
  void start() throws Exception {
    System.setProperty("SE_CACHE_PATH", seleniumCache.toString());
    world = new DocumentsWorld(dir);
    home = world.dwelling("A02");
    world.device(home, "CWM-12345678", "cold_water");
    world.device(home, "HWM-87654321", "hot_water");
    // September's last index, then October's use (10.5 m³ cold, 2.250 m³ hot) and November's days
    world.water("CWM-12345678", "cold_water", "2026-09-30T22:00", "90");
    world.water("CWM-12345678", "cold_water", "2026-10-20T10:00", "100.5");
    world.water("CWM-12345678", "cold_water", "2026-11-05T09:00", "200.25");
    world.water("CWM-12345678", "cold_water", "2026-11-10T09:00", "201.75");
    world.water("HWM-87654321", "hot_water", "2026-09-30T22:00", "10.000");
    world.water("HWM-87654321", "hot_water", "2026-10-31T20:00", "12.250");
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    world.lives(claire, home, "2026-01-01");
    world.manager("luc@gestion.fr");
    world.portal.rollups().runOnce();
  }

  @AfterEach
  void stop() {
    Chromium.stop(chromium, world);
  }

  private String url(String pathAndQuery) {
    return Chromium.localUrl(world, pathAndQuery);
  }

  private void logIn(String email) {
    chromium.open(url("/"));
    chromium.fill(By.id("f-email"), email);
    chromium.fill(By.id("f-password"), DocumentsWorld.PASSWORD);
    chromium.click(By.cssSelector("main form button[type='submit']"));
    chromium.until(d -> !java.net.URI.create(d.getCurrentUrl()).getPath().equals("/"));
  }

  private void logOut() {
    chromium.click(By.cssSelector("form.logout button"));
    chromium.waitForPath("/");
  }

  @Test
  void resident_downloadsLastMonthsStatement_fromTheDocumentsPage_onAPhone() throws Exception {
    assertEquals(new StatementJob.Run(1, 0), world.job().runOnce());
    chromium = Chromium.start(Screen.PHONE, "fr-FR,fr");
    ((ChromeDriver) chromium.driver())
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    logIn("claire@exemple.fr");

    chromium.open(url("/documents"));
    chromium.waitForText(By.tagName("h1"), "Mes documents");
    WebElement item = chromium.find(By.cssSelector("#documents li.document"));
    chromium.screenshot("documents-list");
    assertTrue(
        item.getText().startsWith("Relevé de consommation – octobre 2026\noctobre 2026 · PDF · "),
        item.getText());
    chromium.click(By.cssSelector("#documents a.document__download"));

    Path file = downloads.resolve("releve-2026-10.pdf");
    chromium.until(d -> Files.isRegularFile(file) && !crdownloadLeft());
    byte[] pdf = Files.readAllBytes(file);
    assertEquals("%PDF-", new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII));
    String text = DocumentsWorld.text(pdf);
    assertTrue(text.startsWith("Relevé de consommation – octobre 2026\n"), text);
    assertTrue(text.contains("Période : du 01/10/2026 au 31/10/2026\n"), text);
    // October: 100.5 - 90 = 10.5 m³ of cold water, shown with the two decimals of the meter's
    // November uses; 12.250 - 10.000 = 2.250 m³ of hot water
    assertTrue(text.contains("Eau chaude (m³) 2,250 pas de donnée"), text);
    assertTrue(text.contains("Eau froide (m³) * 10,50 pas de donnée"), text);
  }

  private boolean crdownloadLeft() {
    try (var files = Files.list(downloads)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void manager_seesDailyDataWhileTheResidentConsents_thenMonthlyTotalsOnceSheWithdraws() {
    chromium = Chromium.start(Screen.DESKTOP, "fr-FR,fr");
    String dwellingPage = url("/gestion/logement?id=" + home);

    logIn("claire@exemple.fr");
    chromium.open(url("/compte"));
    chromium.click(By.cssSelector("#consent button[value='granted']"));
    chromium.until(
        d -> d.findElement(By.id("consent-state")).getText().startsWith("Accès autorisé"));
    logOut();

    logIn("luc@gestion.fr");
    chromium.open(dwellingPage);
    WebElement daily = chromium.find(By.id("daily"));
    assertTrue(
        daily.getText().contains("Claire Martin : données journalières affichées"),
        daily.getText());
    // the November days: 05/11 and 10/11 with their indexes
    assertTrue(daily.getText().contains("05/11/2026 200.25"), daily.getText());
    assertTrue(daily.getText().contains("10/11/2026 201.75"), daily.getText());
    show(daily);
    chromium.screenshot("manager-dwelling-consent");
    logOut();

    logIn("claire@exemple.fr");
    chromium.open(url("/compte"));
    chromium.click(By.cssSelector("#consent button[value='withdrawn']"));
    chromium.until(d -> consentState().startsWith("Accès refusé"));
    logOut();

    logIn("luc@gestion.fr");
    chromium.open(dwellingPage);
    WebElement after = chromium.find(By.id("daily"));
    assertTrue(
        after
            .getText()
            .contains("Claire Martin : totaux mensuels uniquement — consentement retiré"),
        after.getText());
    assertFalse(after.getText().contains("200.25"), after.getText());
    assertTrue(chromium.driver().findElements(By.cssSelector("#daily table")).isEmpty());
    WebElement monthly = chromium.find(By.id("monthly"));
    assertTrue(monthly.getText().contains("2026-10"), monthly.getText());
    show(after);
    chromium.screenshot("manager-dwelling-withdrawn");
  }

  /** The account page's consent line; empty while the page after the form's post loads. */
  private String consentState() {
    try {
      return chromium.driver().findElement(By.id("consent-state")).getText();
    } catch (NoSuchElementException | StaleElementReferenceException e) {
      return "";
    }
  }

  /** Scrolls the element to the top of the window, for the screenshot. */
  private void show(WebElement element) {
    ((JavascriptExecutor) chromium.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
  }
}
