package io.releve.portal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.account.AccountFixture;
import io.releve.portal.store.Method;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager's navigation over HTTP — sites, then dwellings, then devices and alerts — on
 * hand-made registry rows, every figure computed by hand; and the privacy rule: daily data (and the
 * month in progress) only while the resident's current consent is granted, monthly totals
 * otherwise, switched on the very next page view. Today is 12/11/2026 in Europe/Paris.
 */
@Timeout(60)
class ManagerViewTest {

  private static final SiteCode OTHER_SITE = new SiteCode("LY004");
  private static final String METER = "WAT-12345678";
  private static final String ALLOCATOR = "HCA-00000042";
  private static final String OLD_METER = "WAT-87654321";
  private static final String FOREIGN_METER = "WAT-55555555";

  @TempDir Path dir;
  private AccountFixture site;
  private long home;
  private long empty;
  private long foreign;
  private long stay;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    site.manager("luc@gestion.fr");
    site.manager("eve@ailleurs.fr", OTHER_SITE);
    foreign = site.dwelling(OTHER_SITE, "B01");
    home = site.dwelling("A02");
    empty = site.dwelling("A03");
    long paul = site.resident("paul@exemple.fr");
    site.write(
        c -> {
          try (PreparedStatement rename =
              c.prepareStatement(
                  "UPDATE accounts SET first_name = 'Paul', last_name = 'Roux' WHERE id = ?")) {
            rename.setLong(1, paul);
            return rename.executeUpdate();
          }
        });
    site.lived(paul, home, "2026-01-01", "2026-10-31");
    long claire = site.resident("claire@exemple.fr");
    stay = site.lives(claire, home, "2026-11-01");
    site.write(
        c ->
            site.landlord.upsertOccupancy(
                c,
                home,
                "Durand",
                "Jeanne",
                null,
                LocalDate.parse("2026-11-01"),
                null,
                AccountFixture.NOW));
    // 05/01/2026 11:00 in Paris
    Instant installed = Instant.parse("2026-01-05T10:00:00Z");
    device(METER, home, "cold_water", "12345678", null, "installed", installed);
    device(ALLOCATOR, home, "heat_cost_allocator", "00000042", "Séjour", "installed", installed);
    // removed on 20/03/2026
    device(
        OLD_METER,
        home,
        "cold_water",
        "87654321",
        null,
        "removed",
        Instant.parse("2026-03-20T09:00:00Z"));
    device(FOREIGN_METER, foreign, "cold_water", "55555555", null, "installed", installed);
    // 22:00 on 30 September in Paris: September, the starting index of October
    site.reading(METER, Instant.parse("2026-09-30T20:00:00Z"), "90");
    // Paul's day: October uses 100.5 - 90 = 10.5
    site.reading(METER, Instant.parse("2026-10-20T08:00:00Z"), "100.5");
    // Claire's days: November (in progress) uses 200.25 - 100.5 + 201.75 - 200.25 = 101.25
    site.reading(METER, Instant.parse("2026-11-05T08:00:00Z"), "200.25");
    site.reading(METER, Instant.parse("2026-11-10T08:00:00Z"), "201.75");
    // the only index of the old meter: no increase, nothing counted
    site.reading(OLD_METER, Instant.parse("2026-03-02T14:30:00Z"), "5");
    // active: a level 2 leak since 09/11/2026 03:00 in Paris, and a burst alarm since 11/11
    alert(1, METER, "leak", "", 2, "2026-11-09T02:00:00Z", null, "0.355", "9.50");
    alert(2, METER, "meter_alarm", "burst", null, "2026-11-11T12:00:00Z", null, null, null);
    // history: 48 h at 5 L/h is 240 L, 0.240 m³
    alert(3, METER, "leak", "", 1, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "0.240", "5.00");
    // another site's active alert: counted nowhere on Luc's pages
    alert(4, FOREIGN_METER, "leak", "", 3, "2026-11-10T00:00:00Z", null, "0.800", "20.00");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private void device(
      String device,
      long dwelling,
      String medium,
      String serial,
      String room,
      String state,
      Instant changedAt) {
    site.write(
        c -> {
          RegistryRows.device(c, device, dwelling, medium, serial, room, state, changedAt);
          return null;
        });
  }

  private void alert(
      int id,
      String device,
      String type,
      String condition,
      Integer level,
      String start,
      String end,
      String loss,
      String flow) {
    site.write(
        c -> {
          RegistryRows.alert(c, id, device, type, condition, level, start, end, loss, flow);
          return null;
        });
  }

  private Visitor loggedIn(String email) throws Exception {
    Visitor visitor = site.visitor();
    HttpResponse<String> login = visitor.logIn(email, AccountFixture.PASSWORD);
    assertEquals(303, login.statusCode(), "login of " + email);
    return visitor;
  }

  /** The part of {@code page} from the element with {@code id} to the end of its section. */
  private static String section(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    assertTrue(start >= 0, "the page has its " + id + " section");
    return page.substring(start, page.indexOf("</section>", start));
  }

  /** The table row of the site page whose dwelling link is {@code label}. */
  private static String row(String page, long dwelling, String label) {
    int start = page.indexOf("<a href=\"/gestion/logement?id=" + dwelling + "\">" + label + "</a>");
    assertTrue(start >= 0, "the page has a row for " + label);
    return page.substring(start, page.indexOf("</tr>", start));
  }

  @Test
  void dashboard_listsTheManagersOwnSitesWithTheirDwellingsAndRedActiveAlertCounts()
      throws Exception {
    Visitor luc = loggedIn("luc@gestion.fr");

    HttpResponse<String> page = luc.get("/gestion");

    assertEquals(200, page.statusCode());
    String body = page.body();
    assertTrue(body.contains("<a href=\"/gestion/site?code=LY003\">LY003</a>"));
    assertTrue(body.contains("<p>2 logements, 2 alertes actives</p>"));
    assertTrue(
        body.contains(
            "<li><a href=\"/gestion/logement?id="
                + home
                + "\">A02</a><span class=\"manager-alert-count\" role=\"img\" aria-label=\"2 alertes actives\">2</span></li>"));
    assertTrue(body.contains("<li><a href=\"/gestion/logement?id=" + empty + "\">A03</a></li>"));
    assertFalse(body.contains("LY004"));
    assertFalse(body.contains("B01"));
  }

  @Test
  void navigation_fromMySitesThroughTheSiteToTheDwelling_followsTheLinksOnEachPage()
      throws Exception {
    Visitor luc = loggedIn("luc@gestion.fr");

    String sites = luc.get("/gestion").body();
    String sitePath = href(sites, ">LY003</a>");
    HttpResponse<String> sitePage = luc.get(sitePath);
    String dwellingPath = href(sitePage.body(), ">A02</a>");
    HttpResponse<String> dwellingPage = luc.get(dwellingPath);
    String backToSite = href(dwellingPage.body(), ">Site LY003</a>");

    assertEquals("/gestion/site?code=LY003", sitePath);
    assertEquals(200, sitePage.statusCode());
    assertTrue(sitePage.body().contains("<h1>Site LY003</h1>"));
    assertEquals("/gestion/logement?id=" + home, dwellingPath);
    assertEquals(200, dwellingPage.statusCode());
    assertTrue(dwellingPage.body().contains("<h1>Logement A02 — site LY003</h1>"));
    assertEquals(sitePath, backToSite);
  }

  /** The target of the link whose markup ends with {@code end}, such as {@code ">A02</a>"}. */
  private static String href(String page, String end) {
    int at = page.indexOf(end);
    assertTrue(at >= 0, "the page links " + end);
    int start = page.lastIndexOf("href=\"", at) + "href=\"".length();
    return page.substring(start, page.indexOf('"', start));
  }

  @Test
  void sitePage_listsEachDwellingWithItsOccupantsConsentActiveAlertsAndCompleteMonths()
      throws Exception {
    long nina = site.resident("nina@exemple.fr");
    site.write(
        c ->
            site.residencies.create(
                c,
                nina,
                empty,
                Role.OCCUPANT,
                Method.SERIAL,
                LocalDate.parse("2026-11-10"),
                ResidencyState.PENDING,
                AccountFixture.NOW));
    Visitor luc = loggedIn("luc@gestion.fr");

    HttpResponse<String> page = luc.get("/gestion/site?code=LY003");

    assertEquals(200, page.statusCode());
    String a02 = row(page.body(), home, "A02");
    assertTrue(
        a02.contains("<li>Claire Martin (inscrit au portail) — aucun choix enregistré</li>"));
    assertTrue(a02.contains("<li>Jeanne Durand (fichier du bailleur)</li>"));
    assertFalse(a02.contains("Paul"), "Paul moved out on 31/10");
    assertTrue(
        a02.contains(
            "<td><span class=\"manager-alert-count\" role=\"img\" aria-label=\"2 alertes actives\">2</span></td>"));
    // November 2025 to October 2026: only October's 10.5 m³; November is still in progress
    assertTrue(a02.contains("<td>water (m3) : 10.5</td>"));
    String a03 = row(page.body(), empty, "A03");
    assertTrue(
        a03.contains(
            "<li>Inoccupé</li><li><a href=\"/gestion/inscriptions\">1 inscription en attente</a>"
                + "</li>"),
        a03);
    assertTrue(a03.contains("<td>0</td>"));
    assertTrue(a03.contains("<td>—</td>"));
    assertFalse(page.body().contains("B01"));
  }

  @Test
  void sitePage_ofAnotherManagersSiteOrMalformed_answersNotFoundAndResidentsToo() throws Exception {
    Visitor eve = loggedIn("eve@ailleurs.fr");
    Visitor luc = loggedIn("luc@gestion.fr");
    Visitor claire = loggedIn("claire@exemple.fr");
    Visitor nobody = site.visitor();
    nobody.get("/");

    assertEquals(404, eve.get("/gestion/site?code=LY003").statusCode());
    assertEquals(404, eve.get("/gestion/logement?id=" + home).statusCode());
    assertEquals(200, eve.get("/gestion/site?code=LY004").statusCode());
    assertEquals(404, luc.get("/gestion/site?code=LY004").statusCode());
    assertEquals(404, luc.get("/gestion/logement?id=" + foreign).statusCode());
    assertEquals(404, luc.get("/gestion/site?code=LY9").statusCode());
    assertEquals(404, luc.get("/gestion/site").statusCode());
    assertEquals(404, claire.get("/gestion/site?code=LY003").statusCode());
    HttpResponse<String> anonymous = nobody.get("/gestion/site?code=LY003");
    assertEquals(303, anonymous.statusCode());
    assertEquals("/", anonymous.headers().firstValue("Location").orElse(""));
  }

  @Test
  void dwellingPage_devices_showSerialFluidRoomStateAndLastReadingReceived() throws Exception {
    Visitor luc = loggedIn("luc@gestion.fr");

    String devices = section(luc.get("/gestion/logement?id=" + home).body(), "devices");

    String allocator =
        "<tr><td>00000042</td><td>chauffage (répartiteur)</td><td>Séjour</td>"
            + "<td>posé (enregistré le 05/01/2026)</td><td>jamais</td></tr>";
    // 10/11/2026 08:00 UTC is 09:00 in Paris
    String meter =
        "<tr><td>12345678</td><td>eau froide</td><td>—</td>"
            + "<td>posé (enregistré le 05/01/2026)</td><td>10/11/2026 09:00</td></tr>";
    String removed =
        "<tr class=\"device-removed\"><td>87654321</td><td>eau froide</td><td>—</td>"
            + "<td>déposé (enregistré le 20/03/2026)</td><td>02/03/2026 15:30</td></tr>";
    assertTrue(devices.contains(allocator), devices);
    assertTrue(devices.contains(meter), devices);
    assertTrue(devices.contains(removed), devices);
    assertTrue(devices.indexOf(allocator) < devices.indexOf(meter));
    assertTrue(devices.indexOf(meter) < devices.indexOf(removed), "installed ones first");
    assertFalse(devices.contains("55555555"));
    // a device row carries no index: that is daily data
    assertFalse(devices.contains("201.75"));
  }

  @Test
  void dwellingPage_alerts_showTheActiveOnesFirstWithTheirFiguresThenTheHistory() throws Exception {
    Visitor luc = loggedIn("luc@gestion.fr");

    String alerts = section(luc.get("/gestion/logement?id=" + home).body(), "alerts");

    assertTrue(
        alerts.contains(
            "Alertes <span class=\"manager-alert-count\" role=\"img\" aria-label=\"2 alertes actives\">2</span>"));
    // since 09/11 in Paris, today 12/11: 3 days
    String leak =
        "<tr class=\"manager-alert-active\"><td>Fuite</td><td>2 — filet d’eau (8 à 12 L/h)</td>"
            + "<td>le 09/11/2026 (3 jours)</td><td>0,355 m³</td><td>9,50 L/h</td>"
            + "<td>eau froide</td><td>12345678</td></tr>";
    String burst =
        "<tr class=\"manager-alert-active\"><td>Alarme du compteur (rupture)</td><td>—</td>"
            + "<td>le 11/11/2026 (1 jour)</td><td>—</td><td>—</td>"
            + "<td>eau froide</td><td>12345678</td></tr>";
    // 01/06 00:00 UTC is 02:00 in Paris; ended 03/06
    String ended =
        "<tr><td>Fuite</td><td>1 — goutte à goutte (4 à 8 L/h)</td><td>01/06/2026</td>"
            + "<td>03/06/2026</td><td>0,240 m³</td><td>5,00 L/h</td>"
            + "<td>eau froide</td><td>12345678</td></tr>";
    assertTrue(alerts.contains(leak), alerts);
    assertTrue(alerts.contains(burst), alerts);
    assertTrue(alerts.contains(ended), alerts);
    int history = alerts.indexOf("<h3>Historique</h3>");
    assertTrue(alerts.contains("<th>Début</th><th>Fin</th>"));
    assertTrue(alerts.indexOf(burst) < alerts.indexOf(leak), "latest start first");
    assertTrue(alerts.indexOf(leak) < history, "active ones before the history");
    assertTrue(history < alerts.indexOf(ended));
    assertFalse(alerts.contains("55555555"));
    assertFalse(alerts.contains("0,800"));
  }

  @Test
  void dwellingPage_inEnglish_writesFiguresDatesAndTheModeTheEnglishWay() throws Exception {
    Visitor luc = loggedIn("luc@gestion.fr");
    luc.cookies.put("lang", "en");

    String page = luc.get("/gestion/logement?id=" + home).body();

    assertTrue(
        section(page, "alerts")
            .contains(
                "<tr class=\"manager-alert-active\"><td>Leak</td><td>2 — trickle (8 to 12 L/h)</td>"
                    + "<td>2026-11-09 (3 days)</td><td>0.355 m³</td><td>9.50 L/h</td>"
                    + "<td>cold water</td><td>12345678</td></tr>"));
    assertTrue(
        section(page, "devices")
            .contains("<td>removed (recorded on 2026-03-20)</td><td>2026-03-02 15:30</td>"));
    assertTrue(section(page, "daily").contains("Claire Martin: monthly totals only — no consent."));
    assertTrue(section(page, "monthly").contains("Complete months only"));
  }

  @Test
  void dwellingPage_consentWithdrawnThenGrantedWithEvidence_switchesMonthlyAndDailyOnTheNextView()
      throws Exception {
    Visitor claire = loggedIn("claire@exemple.fr");
    Visitor luc = loggedIn("luc@gestion.fr");
    String path = "/gestion/logement?id=" + home;

    // no choice yet: monthly totals of complete months only, for everyone
    String before = luc.get(path).body();
    assertMonthlyOnly(before);
    assertTrue(
        section(before, "daily")
            .contains("Claire Martin : totaux mensuels uniquement — pas de consentement."));

    // Claire gives her consent: her days and the month in progress
    claire.get("/compte");
    assertEquals(303, claire.post("/compte/consentement", "choice", "granted").statusCode());
    String granted = luc.get(path).body();
    String daily = section(granted, "daily");
    assertTrue(
        daily.contains(
            "Claire Martin : données journalières affichées — consentement donné le 12/11/2026"
                + " par le résident."),
        daily);
    assertTrue(daily.contains("<td>05/11/2026</td><td>200.25</td>"), daily);
    assertTrue(daily.contains("<td>10/11/2026</td><td>201.75</td>"), daily);
    assertFalse(daily.contains("100.5"), "20/10 is Paul’s day");
    assertTrue(daily.contains("Paul Roux : totaux mensuels uniquement — pas de consentement."));
    assertTrue(
        daily.contains(
            "Jeanne Durand : totaux mensuels uniquement — pas inscrit au portail, donc pas de"
                + " consentement."));
    String monthly = section(granted, "monthly");
    assertTrue(monthly.contains("<tr><td>2026-10</td><td>water (m3) : 10.5</td></tr>"), monthly);
    assertTrue(monthly.contains("<tr><td>2026-11</td><td>water (m3) : 101.25</td></tr>"), monthly);
    assertTrue(monthly.contains("Le mois en cours est affiché"));

    // she withdraws it: the very next view shows monthly totals only
    claire.get("/compte");
    assertEquals(303, claire.post("/compte/consentement", "choice", "withdrawn").statusCode());
    String withdrawn = luc.get(path).body();
    assertMonthlyOnly(withdrawn);
    assertTrue(
        section(withdrawn, "daily")
            .contains(
                "Claire Martin : totaux mensuels uniquement — consentement retiré le 12/11/2026"
                    + " par le résident."));

    // the manager records her signed form: daily again, and the page says on what evidence
    luc.get(path);
    HttpResponse<String> recorded =
        luc.post(
            "/gestion/consentement",
            "residency",
            "" + stay,
            "choice",
            "granted",
            "evidence",
            "formulaire signé du 12/11/2026");
    assertEquals(303, recorded.statusCode());
    String again = luc.get(path).body();
    assertTrue(
        section(again, "daily")
            .contains(
                "Claire Martin : données journalières affichées — consentement donné le"
                    + " 12/11/2026 par le gestionnaire, justificatif : « formulaire signé du"
                    + " 12/11/2026 »."));
    assertTrue(section(again, "daily").contains("<td>10/11/2026</td><td>201.75</td>"));
    assertTrue(section(again, "monthly").contains("<td>2026-11</td>"));
  }

  /** No index, no day and no month in progress anywhere on the dwelling page. */
  private static void assertMonthlyOnly(String page) {
    for (String value : List.of("200.25", "201.75", "200,25", "201,75", "101.25", "100.5")) {
      assertFalse(page.contains(value), value + " is on the page");
    }
    String daily = section(page, "daily");
    assertTrue(daily.contains("Données journalières visibles avec le consentement du résident."));
    assertFalse(daily.contains("<table"));
    String monthly = section(page, "monthly");
    assertTrue(monthly.contains("<tr><td>2026-10</td><td>water (m3) : 10.5</td></tr>"), monthly);
    assertFalse(monthly.contains("2026-11"));
    assertTrue(monthly.contains("Mois complets seulement"));
  }
}
