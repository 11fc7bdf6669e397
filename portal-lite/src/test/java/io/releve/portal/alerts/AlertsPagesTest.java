package io.releve.portal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.account.AccountFixture;
import io.releve.portal.store.Method;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert banner and the alerts page over HTTP. Now is 12 November 2026, 10:00 in Paris. Claire
 * moved into A02 on 1 March 2026, after Paul; Nina lives in B07 next door. Every figure below is
 * written out by hand from the rows made here.
 */
@Timeout(60)
class AlertsPagesTest {

  private static final String COLD = "SEN-12345601-68-16";
  private static final String HOT = "SEN-12345602-68-06";
  private static final String NEIGHBOURS = "SEN-12345699-68-16";
  private static final String BANNER_TWO =
      "<div class=\"alert-banner\" id=\"alert-banner\"><a href=\"/alertes\">2 alertes actives</a>"
          + "</div>";

  @TempDir Path dir;
  private AccountFixture site;
  private long home;
  private long nextDoor;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    home = site.dwelling("A02");
    nextDoor = site.dwelling("B07");
    site.lived(site.resident("paul@exemple.fr"), home, "2025-06-01", "2026-02-28");
    site.lives(site.resident("claire@exemple.fr"), home, "2026-03-01");
    site.lives(site.resident("nina@exemple.fr"), nextDoor, "2026-01-01");
    site.write(
        c -> {
          AlertRows.meter(c, home, COLD, "12345601", "cold_water");
          AlertRows.meter(c, home, HOT, "12345602", "hot_water");
          AlertRows.meter(c, nextDoor, NEIGHBOURS, "12345699", "cold_water");
          // active since 11 May 08:00 in Paris: 4443 h to now at 1.71 L/h = 7 598 L
          AlertRows.leak(c, COLD, 1, "2026-05-11T06:00:00Z", null, "7.598", "1.71");
          // active since 08:30 this morning: 1 h 30 min
          AlertRows.meterAlarm(
              c,
              HOT,
              "burst",
              "2026-11-12T07:30:00Z",
              null,
              "Kamstrup info code 0x0008, bit 3 (record 02 FF 20)");
          // 72 h at 10 L/h, 2 April 00:00 to 5 April 00:00 in Paris
          AlertRows.leak(
              c, COLD, 2, "2026-04-01T22:00:00Z", "2026-04-04T22:00:00Z", "0.720", "10.00");
          AlertRows.notHeard(c, HOT, "2026-09-01T10:00:00Z", "2026-09-03T10:00:00Z");
          // across Claire's move-in: 120 h at 5 L/h
          AlertRows.leak(
              c, COLD, 1, "2026-02-25T10:00:00Z", "2026-03-02T10:00:00Z", "0.600", "5.00");
          // Paul's only: ended before Claire's move-in
          AlertRows.leak(
              c, COLD, 3, "2026-02-01T00:00:00Z", "2026-02-20T00:00:00Z", "5.000", "13.2");
          // next door: 273 h at 4 L/h
          AlertRows.leak(c, NEIGHBOURS, 1, "2026-11-01T00:00:00Z", null, "1.092", "4.00");
          return null;
        });
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

  private static Visitor english(Visitor visitor) throws Exception {
    assertEquals(303, visitor.get("/alertes?lang=en").statusCode());
    return visitor;
  }

  /** The part of a page between its alert list or history table's markers. */
  private static String between(String body, String from, String to) {
    int start = body.indexOf(from);
    int end = body.indexOf(to, start);
    assertTrue(start >= 0 && end > start, "no " + from + " … " + to + " in the page");
    return body.substring(start, end);
  }

  @Test
  void banner_residentWithTwoActiveAlerts_isOnEveryPage() throws Exception {
    Visitor claire = loggedIn("claire@exemple.fr");

    for (String path :
        List.of("/accueil", "/compte", "/compte/mot-de-passe", "/alertes", "/nulle-part")) {
      HttpResponse<String> page = claire.get(path);
      assertTrue(page.body().contains(BANNER_TWO), path + " has no banner");
      assertEquals(path.equals("/nulle-part") ? 404 : 200, page.statusCode(), path);
    }
  }

  @Test
  void banner_inEnglish_countsInEnglish() throws Exception {
    Visitor claire = english(loggedIn("claire@exemple.fr"));

    String body = claire.get("/compte").body();

    assertTrue(
        body.contains(
            "<div class=\"alert-banner\" id=\"alert-banner\"><a href=\"/alertes\">"
                + "2 active alerts</a></div>"));
  }

  @Test
  void banner_ofTheNeighbour_countsTheirOwnDwellingOnlyInTheSingular() throws Exception {
    Visitor nina = loggedIn("nina@exemple.fr");

    assertTrue(nina.get("/accueil").body().contains("<a href=\"/alertes\">1 alerte active</a>"));
    assertTrue(
        english(nina).get("/accueil").body().contains("<a href=\"/alertes\">1 active alert</a>"));
  }

  @Test
  void banner_withoutActiveAlerts_isAbsentButTheHistoryStays() throws Exception {
    long c03 = site.dwelling("C03");
    site.lives(site.resident("leo@exemple.fr"), c03, "2026-01-01");
    site.write(
        c -> {
          AlertRows.meter(c, c03, "SEN-12345603-68-16", "12345603", "cold_water");
          AlertRows.leak(
              c,
              "SEN-12345603-68-16",
              1,
              "2026-10-01T10:00:00Z",
              "2026-10-02T10:00:00Z",
              "0.096",
              "4.00");
          return null;
        });
    Visitor leo = loggedIn("leo@exemple.fr");

    String homePage = leo.get("/accueil").body();
    String alerts = leo.get("/alertes").body();

    assertFalse(homePage.contains("alert-banner"));
    assertFalse(alerts.contains("alert-banner"));
    assertTrue(alerts.contains("<p id=\"no-active\">Aucune alerte en cours.</p>"));
    assertTrue(
        alerts.contains(
            "<tr><td>01/10/2026 12:00</td><td>02/10/2026 12:00</td><td>eau froide</td>"
                + "<td>Fuite de niveau 1 (goutte-à-goutte)</td><td class=\"number\">0,096 m³</td>"
                + "<td class=\"number\">4,00 L/h</td><td>12345603</td></tr>"));
  }

  @Test
  void banner_ofAManager_isAbsentAndTheAlertsPageIsNotFound() throws Exception {
    site.manager("luc@gestion.fr");
    Visitor luc = loggedIn("luc@gestion.fr");

    HttpResponse<String> dashboard = luc.get("/gestion");
    HttpResponse<String> alerts = luc.get("/alertes");

    assertEquals(200, dashboard.statusCode());
    assertFalse(dashboard.body().contains("alert-banner"));
    assertEquals(404, alerts.statusCode());
    assertFalse(alerts.body().contains("alert-banner"));
  }

  @Test
  void alertsPage_anonymous_isSentToTheLoginPageWithoutBanner() throws Exception {
    Visitor anonymous = site.visitor();

    HttpResponse<String> alerts = anonymous.get("/alertes");

    assertEquals(303, alerts.statusCode());
    assertEquals("/", alerts.headers().firstValue("Location").orElseThrow());
    assertFalse(anonymous.get("/").body().contains("alert-banner"));
  }

  @Test
  void alertsPage_inFrench_showsActiveAlertsFirstThenTheHistoryLatestFirst() throws Exception {
    String body = loggedIn("claire@exemple.fr").get("/alertes").body();

    String active = between(body, "id=\"active-alerts\"", "</section>");
    String alarm =
        "<li class=\"alert-item alert-item--meter_alarm\"><h3>Alarme du compteur\u00a0: rupture de"
            + " canalisation</h3><p class=\"alert-item__since\">depuis le 12/11/2026 (1 heure)</p>"
            + "<dl class=\"alert-facts\"><div><dt>Perte totale</dt><dd>—</dd></div>"
            + "<div><dt>Débit moyen</dt><dd>—</dd></div><div><dt>Compteur</dt><dd>12345602</dd>"
            + "</div><div><dt>Fluide</dt><dd>eau chaude</dd></div><div><dt>Origine</dt>"
            + "<dd>Kamstrup info code 0x0008, bit 3 (record 02 FF 20)</dd></div></dl></li>";
    String leak =
        "<li class=\"alert-item alert-item--leak\"><h3>Fuite de niveau 1 (goutte-à-goutte)</h3>"
            + "<p class=\"alert-item__since\">depuis le 11/05/2026 (6 mois)</p>"
            + "<dl class=\"alert-facts\"><div><dt>Perte totale</dt><dd>7,598 m³</dd></div>"
            + "<div><dt>Débit moyen</dt><dd>1,71 L/h</dd></div><div><dt>Compteur</dt>"
            + "<dd>12345601</dd></div><div><dt>Fluide</dt><dd>eau froide</dd></div></dl></li>";
    assertTrue(active.contains(alarm + leak), active);
    String history = between(body, "id=\"alert-history\"", "</section>");
    assertTrue(body.indexOf("id=\"active-alerts\"") < body.indexOf("id=\"alert-history\""));
    assertTrue(
        history.contains(
            "<tr><td>01/09/2026 12:00</td><td>03/09/2026 12:00</td><td>eau chaude</td>"
                + "<td>Compteur non entendu</td><td class=\"number\">—</td>"
                + "<td class=\"number\">—</td><td>12345602</td></tr>"
                + "<tr><td>02/04/2026 00:00</td><td>05/04/2026 00:00</td><td>eau froide</td>"
                + "<td>Fuite de niveau 2 (filet d’eau)</td><td class=\"number\">0,720 m³</td>"
                + "<td class=\"number\">10,00 L/h</td><td>12345601</td></tr>"
                + "<tr><td>25/02/2026 11:00</td><td>02/03/2026 11:00</td><td>eau froide</td>"
                + "<td>Fuite de niveau 1 (goutte-à-goutte)</td>"
                + "<td class=\"number\">0,600 m³</td><td class=\"number\">5,00 L/h</td>"
                + "<td>12345601</td></tr></tbody>"),
        history);
    assertTrue(body.contains("<td>Niveau 3\u00a0: robinet ouvert</td><td>12 L/h et plus</td>"));
    assertTrue(
        body.contains("<td>Niveau 2\u00a0: filet d’eau</td><td>de 8 à 12 L/h (12 exclu)</td>"));
  }

  @Test
  void alertsPage_inEnglish_writesTheSameFiguresInEnglish() throws Exception {
    String body = english(loggedIn("claire@exemple.fr")).get("/alertes").body();

    assertTrue(body.contains("<html lang=\"en\">"));
    assertTrue(
        body.contains(
            "<h3>Meter alarm: burst pipe</h3><p class=\"alert-item__since\">since 2026-11-12"
                + " (1 hour)</p>"));
    assertTrue(
        body.contains(
            "<li class=\"alert-item alert-item--leak\"><h3>Level 1 leak (drip)</h3>"
                + "<p class=\"alert-item__since\">since 2026-05-11 (6 months)</p>"
                + "<dl class=\"alert-facts\"><div><dt>Total loss</dt><dd>7.598 m³</dd></div>"
                + "<div><dt>Average flow</dt><dd>1.71 L/h</dd></div><div><dt>Meter</dt>"
                + "<dd>12345601</dd></div><div><dt>Fluid</dt><dd>cold water</dd></div></dl></li>"));
    assertTrue(
        body.contains(
            "<tr><td>2026-09-01 12:00</td><td>2026-09-03 12:00</td><td>hot water</td>"
                + "<td>Meter not heard</td><td class=\"number\">—</td>"
                + "<td class=\"number\">—</td><td>12345602</td></tr>"
                + "<tr><td>2026-04-02 00:00</td><td>2026-04-05 00:00</td><td>cold water</td>"
                + "<td>Level 2 leak (trickle)</td><td class=\"number\">0.720 m³</td>"
                + "<td class=\"number\">10.00 L/h</td><td>12345601</td></tr>"));
    assertTrue(body.contains("<td>Level 1: drip</td><td>4 to 8 L/h (8 excluded)</td>"));
  }

  @Test
  void alertsPage_newOccupant_neverSeesAnAlertThatEndedBeforeTheMoveIn() throws Exception {
    String body = loggedIn("claire@exemple.fr").get("/alertes").body();

    assertFalse(body.contains("5,000 m³"));
    assertFalse(body.contains("Fuite de niveau 3"));
    assertFalse(body.contains("12345699"));
    // three closed ones: the one across the move-in is hers too
    assertEquals(
        3, between(body, "id=\"alert-history\"", "</section>").split("<tr><td>", -1).length - 1);
  }

  @Test
  void alertsPage_neighbour_seesOnlyTheirOwnDwelling() throws Exception {
    String body = loggedIn("nina@exemple.fr").get("/alertes").body();

    assertTrue(
        body.contains(
            "<h3>Fuite de niveau 1 (goutte-à-goutte)</h3><p class=\"alert-item__since\">"
                + "depuis le 01/11/2026 (11 jours)</p><dl class=\"alert-facts\"><div>"
                + "<dt>Perte totale</dt><dd>1,092 m³</dd></div><div><dt>Débit moyen</dt>"
                + "<dd>4,00 L/h</dd></div><div><dt>Compteur</dt><dd>12345699</dd></div>"));
    assertFalse(body.contains("12345601"));
    assertFalse(body.contains("12345602"));
    assertTrue(body.contains("<p id=\"no-history\">Aucune alerte terminée.</p>"));
  }

  @Test
  void alertsPage_formerOccupant_seesNoAlertAndNoBanner() throws Exception {
    Visitor paul = loggedIn("paul@exemple.fr");

    HttpResponse<String> page = paul.get("/alertes");

    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"no-access\""));
    assertFalse(page.body().contains("alert-banner"));
    assertFalse(page.body().contains("12345601"));
    assertFalse(page.body().contains("5,000 m³"));
  }

  @Test
  void alertsPage_ownerLessor_seesNoAlertAndNoBanner() throws Exception {
    long lessor = site.resident("bailleur@exemple.fr");
    site.write(
        c ->
            site.residencies.create(
                c,
                lessor,
                home,
                Role.OWNER_LESSOR,
                Method.CLIENT_REF,
                LocalDate.parse("2026-03-01"),
                ResidencyState.ACTIVE,
                AccountFixture.NOW));
    Visitor visitor = loggedIn("bailleur@exemple.fr");

    String body = visitor.get("/alertes").body();

    assertTrue(
        body.contains(
            "<p class=\"notice\" id=\"no-access\">Les alertes sont réservées à l’occupant actuel"
                + " du logement, pendant son séjour. Un propriétaire bailleur n’y a pas"
                + " accès.</p>"));
    assertFalse(body.contains("alert-banner"));
    assertFalse(visitor.get("/accueil").body().contains("alert-banner"));
    assertFalse(body.contains("12345601"));
  }
}
