package io.releve.portal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.Visitor;
import io.releve.portal.account.AccountFixture;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Consents;
import io.releve.portal.store.Method;
import io.releve.portal.store.Occupancy;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residency;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager's pages over HTTP: only a manager of the dwelling's own site reaches them, daily data
 * only with the resident's consent and inside the resident's own window, and every change they make
 * is in the store afterwards.
 */
@Timeout(60)
class ManagerPagesTest {

  private static final SiteCode OTHER_SITE = new SiteCode("LY004");
  private static final String DEVICE = "WAT-12345678";

  @TempDir Path dir;
  private AccountFixture site;
  private long luc;
  private long claire;
  private long home;
  private long stay;
  private long landlordStay;

  @BeforeEach
  void start() throws Exception {
    site = new AccountFixture(dir);
    luc = site.manager("luc@gestion.fr");
    site.manager("eve@ailleurs.fr", OTHER_SITE);
    site.dwelling(OTHER_SITE, "B01");
    home = site.dwelling("A02");
    long paul = site.resident("paul@exemple.fr");
    site.lived(paul, home, "2026-01-01", "2026-10-31");
    claire = site.resident("claire@exemple.fr");
    stay = site.lives(claire, home, "2026-11-01");
    landlordStay =
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
    site.device(home, DEVICE);
    // the former occupant's day, then two of Claire's
    site.reading(DEVICE, Instant.parse("2026-10-20T08:00:00Z"), "100.5");
    site.reading(DEVICE, Instant.parse("2026-11-05T08:00:00Z"), "200.25");
    site.reading(DEVICE, Instant.parse("2026-11-10T08:00:00Z"), "201.75");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private Visitor loggedIn(String email) throws Exception {
    Visitor visitor = site.visitor();
    HttpResponse<String> login = visitor.logIn(email, AccountFixture.PASSWORD);
    assertEquals(303, login.statusCode(), "login of " + email);
    return visitor;
  }

  /** A newcomer's pending takeover of the dwelling, from {@code moveIn}. */
  private long pendingTakeover(String email, String moveIn) {
    long newcomer = site.resident(email);
    return site.write(
        c ->
            site.residencies.create(
                c,
                newcomer,
                home,
                Role.OCCUPANT,
                Method.SERIAL,
                LocalDate.parse(moveIn),
                ResidencyState.PENDING,
                AccountFixture.NOW));
  }

  private Residency residency(long id) {
    return site.read(c -> site.residencies.byId(c, id)).orElseThrow();
  }

  private Occupancy occupancy(long id) {
    return site.read(c -> site.landlord.occupancy(c, id)).orElseThrow();
  }

  private Optional<Consent> consent() {
    return site.read(c -> new Consents().current(c, claire, home));
  }

  /** The daily section of the dwelling page, and nothing else of it. */
  private static String daily(String page) {
    int start = page.indexOf("id=\"daily\"");
    assertTrue(start >= 0, "the dwelling page has its daily section");
    return page.substring(start, page.indexOf("</section>", start));
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  /** Every POST of the manager's pages with fields aimed at the dwelling of {@link #home}. */
  private String[][] posts(long pending) {
    return new String[][] {
      {"/gestion/logement/sortie", "kind", "residency", "id", "" + stay, "move_out", "2026-11-11"},
      {
        "/gestion/logement/sortie",
        "kind",
        "occupancy",
        "id",
        "" + landlordStay,
        "move_out",
        "2026-11-11"
      },
      {"/gestion/consentement", "residency", "" + stay, "choice", "withdrawn", "evidence", ""},
      {"/gestion/import", "kind", "dwellings"},
      {"/gestion/inscriptions/decision", "residency", "" + pending, "decision", "validate"},
    };
  }

  private static String[] fields(String[] post) {
    return List.of(post).subList(1, post.length).toArray(String[]::new);
  }

  private void assertNothingChanged(long pending) {
    assertEquals(ResidencyState.ACTIVE, residency(stay).state());
    assertNull(residency(stay).moveOut());
    assertNull(occupancy(landlordStay).moveOut());
    assertEquals(ResidencyState.PENDING, residency(pending).state());
    assertEquals(Optional.empty(), consent());
  }

  @Test
  void everyRoute_anonymousVisitor_isSentToTheLoginPage() throws Exception {
    long pending = pendingTakeover("nina@exemple.fr", "2026-11-10");
    Visitor visitor = site.visitor();
    visitor.get("/");

    for (String path :
        List.of(
            "/gestion",
            "/gestion/logement?id=" + home,
            "/gestion/import",
            "/gestion/inscriptions")) {
      HttpResponse<String> answer = visitor.get(path);
      assertEquals(303, answer.statusCode(), path);
      assertEquals("/", location(answer), path);
    }
    for (String[] post : posts(pending)) {
      HttpResponse<String> answer = visitor.post(post[0], fields(post));
      assertEquals(303, answer.statusCode(), post[0]);
      assertEquals("/", location(answer), post[0]);
    }
    assertNothingChanged(pending);
  }

  @Test
  void everyRoute_resident_answersNotFound() throws Exception {
    long pending = pendingTakeover("nina@exemple.fr", "2026-11-10");
    Visitor visitor = loggedIn("claire@exemple.fr");
    visitor.get("/compte");

    for (String path :
        List.of(
            "/gestion",
            "/gestion/logement?id=" + home,
            "/gestion/import",
            "/gestion/inscriptions")) {
      assertEquals(404, visitor.get(path).statusCode(), path);
    }
    visitor.get("/compte");
    for (String[] post : posts(pending)) {
      assertEquals(404, visitor.post(post[0], fields(post)).statusCode(), post[0]);
    }
    assertNothingChanged(pending);
  }

  @Test
  void everyRoute_managerOfAnotherSite_seesNothingOfThisSiteAndChangesNothing() throws Exception {
    long pending = pendingTakeover("nina@exemple.fr", "2026-11-10");
    Visitor eve = loggedIn("eve@ailleurs.fr");

    HttpResponse<String> dashboard = eve.get("/gestion");
    HttpResponse<String> dwelling = eve.get("/gestion/logement?id=" + home);
    HttpResponse<String> enrolments = eve.get("/gestion/inscriptions");
    HttpResponse<String> importForm = eve.get("/gestion/import");

    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains("B01"));
    assertFalse(dashboard.body().contains(AccountFixture.SITE.value()));
    assertFalse(dashboard.body().contains("A02"));
    assertEquals(404, dwelling.statusCode());
    assertEquals(200, enrolments.statusCode());
    assertFalse(enrolments.body().contains("value=\"" + pending + "\""));
    assertEquals(200, importForm.statusCode());
    for (String[] post : posts(pending)) {
      if (post[0].equals("/gestion/import")) {
        continue; // an import of another site's lines is the report's rejected line, below
      }
      assertEquals(404, eve.post(post[0], fields(post)).statusCode(), post[0]);
    }
    eve.get("/gestion/import");
    HttpResponse<String> report =
        eve.postFile(
            "/gestion/import",
            "file",
            "logements.csv",
            "site;dwelling;lot;client_ref\nLY003;A09;9;REF-A09\n".getBytes(StandardCharsets.UTF_8),
            "kind",
            "dwellings");
    assertTrue(report.body().contains("0 ligne(s) enregistrée(s), 1 ligne(s) refusée(s)."));
    assertTrue(report.body().contains("Le site LY003 ne fait pas partie de vos sites."));
    assertNothingChanged(pending);
    assertEquals(
        List.of("A02"),
        site.read(c -> site.landlord.dwellings(c, AccountFixture.SITE)).stream()
            .map(d -> d.label())
            .toList());
  }

  @Test
  void dwellingPage_noConsent_hidesTheDailyData() throws Exception {
    Visitor visitor = loggedIn("luc@gestion.fr");

    HttpResponse<String> page = visitor.get("/gestion/logement?id=" + home);

    assertEquals(200, page.statusCode());
    String daily = daily(page.body());
    assertTrue(daily.contains("Données journalières visibles avec le consentement du résident"));
    assertFalse(daily.contains("200.25"));
    assertFalse(daily.contains("201.75"));
  }

  @Test
  void dwellingPage_residentGrantedConsent_showsTheirDaysOnlyNeverTheFormerOccupants()
      throws Exception {
    Visitor claireBrowser = loggedIn("claire@exemple.fr");
    claireBrowser.get("/compte");
    assertEquals(303, claireBrowser.post("/compte/consentement", "choice", "granted").statusCode());
    Visitor visitor = loggedIn("luc@gestion.fr");

    String daily = daily(visitor.get("/gestion/logement?id=" + home).body());

    assertFalse(daily.contains("Données journalières visibles avec le consentement du résident"));
    assertTrue(daily.contains("200.25"));
    assertTrue(daily.contains("201.75"));
    // 20 October is inside the last 30 days but before Claire's move-in: Paul's day
    assertFalse(daily.contains("100.5"));
    assertFalse(daily.contains("20 octobre"));
  }

  @Test
  void consent_grantedWithoutEvidence_isRefusedWithTheMessageNextToTheField() throws Exception {
    Visitor visitor = loggedIn("luc@gestion.fr");
    visitor.get("/gestion/logement?id=" + home);

    HttpResponse<String> answer =
        visitor.post(
            "/gestion/consentement", "residency", "" + stay, "choice", "granted", "evidence", " ");

    assertEquals(422, answer.statusCode());
    assertTrue(
        answer
            .body()
            .contains(
                "id=\"f-evidence-error\">Un consentement ne s’enregistre qu’avec son justificatif"));
    assertTrue(answer.body().contains("aria-invalid=\"true\""));
    assertEquals(Optional.empty(), consent());
  }

  @Test
  void consent_grantedWithEvidence_isRecordedAsRecordedByTheManager() throws Exception {
    Visitor visitor = loggedIn("luc@gestion.fr");
    visitor.get("/gestion/logement?id=" + home);

    HttpResponse<String> answer =
        visitor.post(
            "/gestion/consentement",
            "residency",
            "" + stay,
            "choice",
            "granted",
            "evidence",
            "formulaire signé du 12/11/2026");
    String page = visitor.get("/gestion/logement?id=" + home).body();

    assertEquals(303, answer.statusCode());
    assertEquals("/gestion/logement?id=" + home, location(answer));
    Consent consent = consent().orElseThrow();
    assertEquals(Choice.GRANTED, consent.choice());
    assertEquals(Recorder.MANAGER, consent.recorder());
    assertEquals(luc, consent.recordedBy());
    assertEquals("formulaire signé du 12/11/2026", consent.evidence());
    assertTrue(daily(page).contains("200.25"));
  }

  @Test
  void exit_ofAResidentAndOfALandlordOccupancy_endsThemOnTheDayGiven() throws Exception {
    Visitor visitor = loggedIn("luc@gestion.fr");
    visitor.get("/gestion/logement?id=" + home);

    HttpResponse<String> resident =
        visitor.post(
            "/gestion/logement/sortie",
            "kind",
            "residency",
            "id",
            "" + stay,
            "move_out",
            "2026-11-11");
    visitor.get("/gestion/logement?id=" + home);
    HttpResponse<String> landlord =
        visitor.post(
            "/gestion/logement/sortie",
            "kind",
            "occupancy",
            "id",
            "" + landlordStay,
            "move_out",
            "2026-11-11");

    assertEquals(303, resident.statusCode());
    assertEquals("/gestion/logement?id=" + home, location(resident));
    assertEquals(ResidencyState.ENDED, residency(stay).state());
    assertEquals(LocalDate.parse("2026-11-11"), residency(stay).moveOut());
    assertEquals(303, landlord.statusCode());
    assertEquals(LocalDate.parse("2026-11-11"), occupancy(landlordStay).moveOut());
    assertTrue(site.read(c -> site.landlord.activeOccupants(c, home)).isEmpty());
  }

  @Test
  void exit_beforeTheMoveIn_isRefusedAndChangesNothing() throws Exception {
    Visitor visitor = loggedIn("luc@gestion.fr");
    visitor.get("/gestion/logement?id=" + home);

    HttpResponse<String> answer =
        visitor.post(
            "/gestion/logement/sortie",
            "kind",
            "residency",
            "id",
            "" + stay,
            "move_out",
            "2026-10-15");

    assertEquals(422, answer.statusCode());
    assertTrue(answer.body().contains("f-move_out-error"));
    assertEquals(ResidencyState.ACTIVE, residency(stay).state());
    assertNull(residency(stay).moveOut());
  }

  @Test
  void enrolments_validatingATakeover_endsThePreviousOccupantsOnTheNewMoveIn() throws Exception {
    long pending = pendingTakeover("nina@exemple.fr", "2026-11-10");
    Visitor visitor = loggedIn("luc@gestion.fr");

    HttpResponse<String> list = visitor.get("/gestion/inscriptions");
    HttpResponse<String> answer =
        visitor.post(
            "/gestion/inscriptions/decision", "residency", "" + pending, "decision", "validate");

    assertTrue(list.body().contains("name=\"residency\" value=\"" + pending + "\""));
    assertEquals(303, answer.statusCode());
    assertEquals("/gestion/inscriptions", location(answer));
    assertEquals(ResidencyState.ACTIVE, residency(pending).state());
    assertEquals(Long.valueOf(luc), residency(pending).decidedBy());
    assertEquals(ResidencyState.ENDED, residency(stay).state());
    assertEquals(LocalDate.parse("2026-11-10"), residency(stay).moveOut());
    assertEquals(LocalDate.parse("2026-11-10"), occupancy(landlordStay).moveOut());
    assertFalse(visitor.get("/gestion/inscriptions").body().contains("value=\"" + pending + "\""));
  }

  @Test
  void import_csvUploadedAsAFile_reportsAcceptedCountAndTheOtherSitesLine() throws Exception {
    Visitor visitor = loggedIn("luc@gestion.fr");
    visitor.get("/gestion/import");
    byte[] csv =
        ("\uFEFFsite;dwelling;lot;client_ref\n"
                + "LY003;A09;9;REF-A09\n"
                + "LY004;B02;2;REF-B02\n"
                + "LY003;A10;10;REF-A10\n")
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> report =
        visitor.postFile("/gestion/import", "file", "logements.csv", csv, "kind", "dwellings");

    assertEquals(200, report.statusCode());
    assertTrue(
        report
            .body()
            .contains("<p id=\"accepted\">2 ligne(s) enregistrée(s), 1 ligne(s) refusée(s).</p>"));
    assertTrue(
        report
            .body()
            .contains(
                "<tr><td>3</td><td>Le site LY004 ne fait pas partie de vos sites.</td></tr>"));
    assertEquals(
        List.of("A02", "A09", "A10"),
        site.read(c -> site.landlord.dwellings(c, AccountFixture.SITE)).stream()
            .map(d -> d.label())
            .sorted()
            .toList());
    assertEquals(
        List.of("B01"),
        site.read(c -> site.landlord.dwellings(c, OTHER_SITE)).stream()
            .map(d -> d.label())
            .toList());
  }

  @Test
  void everyPost_withoutCsrf_isForbiddenAndChangesNothing() throws Exception {
    long pending = pendingTakeover("nina@exemple.fr", "2026-11-10");
    Visitor visitor = loggedIn("luc@gestion.fr");
    visitor.get("/gestion/logement?id=" + home);

    for (String[] post : posts(pending)) {
      assertEquals(403, visitor.postRaw(post[0], fields(post)).statusCode(), post[0]);
    }
    assertNothingChanged(pending);
  }
}
