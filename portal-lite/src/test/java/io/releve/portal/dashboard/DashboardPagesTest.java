package io.releve.portal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.account.AccountFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over HTTP on a real SQLite store, in the residence of {@link DashboardBuilding}.
 * Every figure below is worked out by hand from the readings made there.
 */
@Timeout(60)
class DashboardPagesTest {

  private static final String NBSP = "\u00a0";

  @TempDir Path dir;
  private AccountFixture site;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    DashboardBuilding.make(site);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Visitor loggedIn(String email) throws Exception {
    Visitor visitor = site.visitor();
    assertEquals(303, visitor.logIn(email, AccountFixture.PASSWORD).statusCode());
    return visitor;
  }

  private static String dd(String id, String value) {
    return "<dd id=\"" + id + "\">" + value + "</dd>";
  }

  private static String m3(String value) {
    return value + NBSP + "m³";
  }

  private static String units(String value) {
    return value + NBSP + "U";
  }

  @Test
  void coldWater_figuresCountEachMonthOnTheSiteClock_andTheReplacedMeterForBoth() throws Exception {
    String body = loggedIn(DashboardBuilding.CLAIRE).get("/tableau-de-bord").body();

    // November: 0.4 (00:30 on the 1st) + 1.6 (old meter to its final index) + 1.5 + 0.2 (new
    // meter from its start index 0)
    assertTrue(body.contains(dd("cold-water-m3-month", m3("3,700"))), body);
    assertTrue(body.contains(dd("cold-water-m3-last-reading", "12/11/2026 08:00")));
    // October: 150 → 156, read at 23:30 on the 31st; not the 0.4 of 00:30 on 1 November
    assertTrue(body.contains(dd("cold-water-m3-previous", m3("6,000"))));
    // March to October 10 + 4 + 4 + 3 + 2 + 2 + 5 + 6 = 36, and November's 3.7; not Paul's 20
    assertTrue(body.contains(dd("cold-water-m3-year", m3("39,700"))));
    // 36 over the 8 complete months of her stay
    assertTrue(
        body.contains(
            "<dt>Moyenne mensuelle (8 mois)</dt>" + dd("cold-water-m3-average", m3("4,500"))));
    // October: A02 6, B07 2, C03 9, D04 11 → (6 + 9) / 2
    assertTrue(body.contains(dd("cold-water-m3-median", m3("7,500"))));
    assertTrue(
        body.contains(
            "<p class=\"dashboard-window\" id=\"window\">Vos données du"
                + " 01/03/2026 au 12/11/2026.</p>"));
  }

  @Test
  void coldWater_breakdown_showsTheOldMeterRemovedAndTheNewOneFromItsStartIndex() throws Exception {
    String body = loggedIn(DashboardBuilding.CLAIRE).get("/tableau-de-bord").body();

    assertTrue(
        body.contains(
            "<tbody><tr><th scope=\"row\">Compteur d’eau froide <span class=\"tag\">déposé</span>"
                + "</th><td>20000001</td><td class=\"number\">"
                + m3("158,000")
                + "</td><td class=\"number\">"
                + m3("2,000")
                + "</td></tr><tr><th scope=\"row\">Compteur d’eau froide</th><td>20000002</td>"
                + "<td class=\"number\">"
                + m3("1,700")
                + "</td><td class=\"number\">"
                + m3("1,700")
                + "</td></tr></tbody>"),
        body);
  }

  @Test
  void tabs_listOnlyTheDwellingsFluids_theChosenOneMarkedCurrent() throws Exception {
    Visitor claire = loggedIn(DashboardBuilding.CLAIRE);

    String cold = claire.get("/tableau-de-bord").body();
    String heating = claire.get("/tableau-de-bord?fluide=chauffage").body();

    assertTrue(
        cold.contains(
            "<nav class=\"fluid-tabs\" aria-label=\"Fluides\">"
                + "<a href=\"/tableau-de-bord?fluide=eau-froide\" id=\"tab-eau-froide\""
                + " aria-current=\"page\">Eau froide</a>"
                + "<a href=\"/tableau-de-bord?fluide=eau-chaude\" id=\"tab-eau-chaude\">"
                + "Eau chaude</a>"
                + "<a href=\"/tableau-de-bord?fluide=chauffage\" id=\"tab-chauffage\">"
                + "Chauffage</a></nav>"));
    assertTrue(heating.contains("id=\"tab-chauffage\" aria-current=\"page\">Chauffage</a>"));
    assertFalse(heating.contains("id=\"cold-water-m3\""));
    // Nina's dwelling has cold water only
    String nina = loggedIn(DashboardBuilding.NINA).get("/tableau-de-bord?fluide=chauffage").body();
    assertTrue(nina.contains("id=\"tab-eau-froide\" aria-current=\"page\""));
    assertFalse(nina.contains("tab-chauffage"));
    assertFalse(nina.contains("tab-eau-chaude"));
  }

  @Test
  void hotWater_withoutAPreviousMonth_saysUnknownNotZero() throws Exception {
    String body =
        loggedIn(DashboardBuilding.CLAIRE).get("/tableau-de-bord?fluide=eau-chaude").body();

    assertTrue(body.contains(dd("hot-water-m3-month", m3("0,800"))));
    assertTrue(body.contains(dd("hot-water-m3-last-reading", "12/11/2026 07:00")));
    assertTrue(body.contains(dd("hot-water-m3-previous", "—")));
    assertTrue(body.contains(dd("hot-water-m3-year", m3("0,800"))));
    assertTrue(
        body.contains(
            "<dt>Moyenne mensuelle (aucun mois complet)</dt>" + dd("hot-water-m3-average", "—")));
  }

  @Test
  void heating_allocatorsInUnits_countOnAfterTheSetDayReset() throws Exception {
    String body =
        loggedIn(DashboardBuilding.CLAIRE).get("/tableau-de-bord?fluide=chauffage").body();

    // living room: 3 U on the reset day (420 → 3), then 37 U to the 12th; bedroom 0
    assertTrue(body.contains(dd("heating-u-month", units("40"))), body);
    assertTrue(body.contains(dd("heating-u-last-reading", "12/11/2026 06:00")));
    // October: living room 380 → 420; the bedroom's first index tells no use
    assertTrue(body.contains(dd("heating-u-previous", units("40"))));
    assertTrue(body.contains(dd("heating-u-year", units("80"))));
    assertTrue(
        body.contains(
            "<dt>Moyenne mensuelle (1 mois)</dt>" + dd("heating-u-average", units("40,000"))));
    // units only: the one kWh on the page is the note saying allocators count none
    assertFalse(body.contains(NBSP + "kWh"));
    assertFalse(body.contains("€"));
  }

  @Test
  void heating_aClosedRadiator_showsZeroAndSaysSo() throws Exception {
    String body =
        loggedIn(DashboardBuilding.CLAIRE).get("/tableau-de-bord?fluide=chauffage").body();

    assertTrue(
        body.contains(
            "<tbody><tr class=\"is-zero\"><th scope=\"row\">Chambre</th><td>40000002</td>"
                + "<td class=\"number\">"
                + units("0")
                + "</td><td class=\"number\">"
                + units("0")
                + " <span class=\"tag tag--zero\">rien ce mois-ci</span></td></tr>"
                + "<tr><th scope=\"row\">Salon</th><td>40000001</td><td class=\"number\">"
                + units("40")
                + "</td><td class=\"number\">"
                + units("40")
                + "</td></tr></tbody>"),
        body);
  }

  @Test
  void charts_areInlineSvgWithTheirTables_lastYearAndTheBuildingMedianBeside() throws Exception {
    String body = loggedIn(DashboardBuilding.CLAIRE).get("/tableau-de-bord").body();

    assertTrue(body.contains("<figure class=\"chart\" id=\"cold-water-m3-monthly\"><svg"));
    assertTrue(body.contains("<figure class=\"chart\" id=\"cold-water-m3-daily\"><svg"));
    assertTrue(body.contains("<figure class=\"chart\" id=\"cold-water-m3-years\"><svg"));
    assertTrue(body.contains("Médiane de l’immeuble"));
    assertTrue(body.contains("Un an plus tôt"));
    // February's median would be A02's alone, Paul's 20 m³: too few dwellings, no median
    assertFalse(body.contains("20,000"));
    // October's median is in the chart's table
    assertTrue(body.contains("<td class=\"number\">7,500</td>"));
    // drawn on the server: no inline script
    assertFalse(body.contains("<script>"));
  }

  @Test
  void window_aNewOccupant_seesNothingBeforeTheMoveIn() throws Exception {
    String body = loggedIn(DashboardBuilding.NINA).get("/tableau-de-bord").body();

    // 8, 9 and 10 November at 0.5 m³ a day, then 0.25 on the 12th; not the 4 m³ of 1–4 November
    assertTrue(body.contains(dd("cold-water-m3-month", m3("1,750"))), body);
    assertTrue(body.contains(dd("cold-water-m3-previous", "—")));
    assertTrue(body.contains(dd("cold-water-m3-year", m3("1,750"))));
    assertTrue(body.contains(dd("cold-water-m3-average", "—")));
    assertTrue(body.contains("Vos données du 08/11/2026 au 12/11/2026."));
  }

  @Test
  void window_theFormerOccupant_seesTheirStayOnly() throws Exception {
    String body = loggedIn(DashboardBuilding.PAUL).get("/tableau-de-bord").body();

    // February 2026: 100 → 120, nothing of Claire's from March
    assertTrue(body.contains(dd("cold-water-m3-year", m3("20,000"))), body);
    assertTrue(body.contains(dd("cold-water-m3-month", "—")));
    assertTrue(body.contains(dd("cold-water-m3-last-reading", "28/02/2026 23:30")));
    assertFalse(body.contains("3,700"));
    assertFalse(body.contains("39,700"));
  }

  @Test
  void inEnglish_theSameFiguresInEnglishNotation() throws Exception {
    Visitor claire = loggedIn(DashboardBuilding.CLAIRE);
    assertEquals(303, claire.get("/tableau-de-bord?lang=en").statusCode());

    String body = claire.get("/tableau-de-bord").body();

    assertTrue(body.contains("<html lang=\"en\">"));
    assertTrue(body.contains("<dt>This month</dt>" + dd("cold-water-m3-month", m3("3.700"))));
    assertTrue(
        body.contains(
            "<dt>Last reading received</dt>"
                + dd("cold-water-m3-last-reading", "2026-11-12 08:00")));
    assertTrue(
        body.contains(
            "<dt>Monthly average (8 months)</dt>" + dd("cold-water-m3-average", m3("4.500"))));
    assertTrue(body.contains(">Hot water</a>"));
    assertTrue(body.contains("Your data from 2026-03-01 to 2026-11-12."));
    assertTrue(body.contains("<h2>Get a statement</h2>"));
  }

  @Test
  void navigation_ofAResident_marksTheCurrentPage() throws Exception {
    Visitor claire = loggedIn(DashboardBuilding.CLAIRE);

    String dashboard = claire.get("/tableau-de-bord").body();
    String account = claire.get("/compte/mot-de-passe").body();

    assertTrue(
        dashboard.contains(
            "<nav class=\"site-nav\" aria-label=\"Navigation principale\">"
                + "<a href=\"/accueil\">Accueil</a>"
                + "<a href=\"/tableau-de-bord\" aria-current=\"page\">Tableau de bord</a>"
                + "<a href=\"/alertes\">Alertes</a><a href=\"/documents\">Documents</a>"
                + "<a href=\"/compte\">Mon compte</a></nav>"),
        dashboard);
    assertTrue(account.contains("<a href=\"/compte\" aria-current=\"page\">Mon compte</a>"));
    assertFalse(account.contains("<a href=\"/tableau-de-bord\" aria-current"));
    assertFalse(site.visitor().get("/").body().contains("site-nav"));
  }

  @Test
  void statement_csvHoldsTheCurrentIndexOfEveryInstalledDevice() throws Exception {
    Visitor claire = loggedIn(DashboardBuilding.CLAIRE);

    HttpResponse<String> csv = claire.get("/tableau-de-bord/releve.csv");

    assertEquals(200, csv.statusCode());
    assertEquals(
        "attachment; filename=\"releve-LY003-lot-lot-A02-2026-11-12.csv\";"
            + " filename*=UTF-8''releve-LY003-lot-lot-A02-2026-11-12.csv",
        csv.headers().firstValue("Content-Disposition").orElseThrow());
    String[] lines = csv.body().split("\r\n");
    assertEquals(5, lines.length, csv.body());
    assertEquals(
        "LY003;LY003;lot-A02;Claire Martin;Eau froide;Compteur d’eau froide;20000002;;1,700;m³;"
            + "12/11/2026 08:00",
        lines[1]);
    assertEquals(
        "LY003;LY003;lot-A02;Claire Martin;Eau chaude;Compteur d’eau chaude;30000001;;10,800;m³;"
            + "12/11/2026 07:00",
        lines[2]);
    assertTrue(lines[3].contains(";40000002;Chambre;0;U;12/11/2026 06:00"), lines[3]);
    assertTrue(lines[4].contains(";40000001;Salon;40;U;12/11/2026 06:00"), lines[4]);
  }

  @Test
  void statement_printablePageAndTheDashboardsLinksToBoth() throws Exception {
    Visitor claire = loggedIn(DashboardBuilding.CLAIRE);

    String dashboard = claire.get("/tableau-de-bord").body();
    String print = claire.get("/tableau-de-bord/releve").body();

    assertTrue(
        dashboard.contains(
            "<a class=\"button\" id=\"export-print\""
                + " href=\"/tableau-de-bord/releve\">Relevé imprimable</a>"));
    assertTrue(
        dashboard.contains(
            "id=\"export-csv\" href=\"/tableau-de-bord/releve.csv\""
                + " download>Télécharger (CSV)</a>"));
    assertTrue(print.contains("<article class=\"statement\" id=\"statement\">"));
    assertTrue(print.contains("<td>20000002</td>"));
    assertFalse(print.contains("<td>20000001</td>"));
    assertTrue(print.contains("data-print hidden"));
  }

  @Test
  void anonymous_isSentToLogIn_andAManagerFindsNoDashboard() throws Exception {
    HttpResponse<String> anonymous = site.visitor().get("/tableau-de-bord");
    site.manager("luc@gestion.fr");
    HttpResponse<String> manager = loggedIn("luc@gestion.fr").get("/tableau-de-bord/releve.csv");

    assertEquals(303, anonymous.statusCode());
    assertEquals("/", anonymous.headers().firstValue("Location").orElseThrow());
    assertEquals(404, manager.statusCode());
  }
}
