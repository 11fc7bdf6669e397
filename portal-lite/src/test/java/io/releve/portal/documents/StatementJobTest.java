package io.releve.portal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.notify.LogSmsSender;
import io.releve.portal.notify.Notifier;
import io.releve.portal.store.Lang;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The statement job on a real SQLite file: which residencies get October's statement (those that
 * saw days of it), once only whatever the runs and restarts, a failing one not stopping the others,
 * the months a portal down for a while missed, and the notifier telling the residents. Today is
 * 12/11/2026 in Paris.
 */
@Timeout(60)
class StatementJobTest {

  private static final String OCTOBER_FR = "Relevé de consommation – octobre 2026";
  private static final String OCTOBER_EN = "Consumption statement – October 2026";

  @TempDir Path dir;
  private DocumentsWorld world;

  @BeforeEach
  void start() throws Exception {
    world = new DocumentsWorld(dir);
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void period_isTheMonthBeforeYesterdays_soTheLastDaysIndexesAreIn() {
    assertEquals(YearMonth.of(2026, 9), StatementJob.period(LocalDate.parse("2026-11-01")));
    assertEquals(YearMonth.of(2026, 10), StatementJob.period(LocalDate.parse("2026-11-02")));
    assertEquals(YearMonth.of(2026, 10), StatementJob.period(LocalDate.parse("2026-11-30")));
    assertEquals(YearMonth.of(2025, 12), StatementJob.period(LocalDate.parse("2026-01-02")));
  }

  @Test
  void periods_areLastMonthAlone_atFirst_thenEveryMonthSinceTheMark_atMostAYear() {
    LocalDate today = LocalDate.parse("2026-11-12");

    assertEquals(List.of(YearMonth.of(2026, 10)), StatementJob.periods(today, Optional.empty()));
    assertEquals(
        List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10)),
        StatementJob.periods(today, Optional.of(YearMonth.of(2026, 8))));
    assertEquals(List.of(), StatementJob.periods(today, Optional.of(YearMonth.of(2026, 10))));
    List<YearMonth> longAgo = StatementJob.periods(today, Optional.of(YearMonth.of(2023, 1)));
    assertEquals(StatementJob.CATCH_UP_MONTHS, longAgo.size());
    assertEquals(YearMonth.of(2025, 11), longAgo.get(0));
    assertEquals(YearMonth.of(2026, 10), longAgo.get(longAgo.size() - 1));
  }

  @Test
  void aPortalDownForMonths_makesTheMonthsItMissed_whenItRunsAgain() {
    long a01 = world.dwelling("A01");
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    long stay = world.lives(claire, a01, "2025-03-01");
    // 12 September: the job makes August, then the portal is down until 12 November
    world.clock.advance(Duration.ofDays(-61));
    assertEquals(new StatementJob.Run(1, 0), world.job().runOnce());
    world.clock.advance(Duration.ofDays(61));

    StatementJob.Run back = world.job().runOnce();
    StatementJob.Run again = world.job().runOnce();

    assertEquals(new StatementJob.Run(2, 0), back);
    assertEquals(new StatementJob.Run(0, 0), again);
    assertEquals(
        List.of(stay + " 2026-08", stay + " 2026-09", stay + " 2026-10"),
        world.documents().stream().map(d -> d.substring(0, d.indexOf(" fr "))).toList());
    assertEquals(Optional.of(YearMonth.of(2026, 10)), world.read(StatementJob::mark));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void run_makesOctoberForResidenciesThatSawOctober_onceWhateverTheRunsAndRestarts(Engine engine)
      throws Exception {
    // on a store of its own for each engine, not the SQLite one made before each test
    world.close();
    world = new DocumentsWorld(engine, Files.createDirectories(dir.resolve(engine.name())));
    long a01 = world.dwelling("A01");
    long a02 = world.dwelling("A02");
    long a03 = world.dwelling("A03");
    long a04 = world.dwelling("A04");
    long a05 = world.dwelling("A05");
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    long paul = world.resident("paul@exemple.fr", Lang.EN, "Paul", "Roux");
    long eve = world.resident("eve@exemple.fr", Lang.FR, "Ève", "Durand");
    long marc = world.resident("marc@exemple.fr", Lang.FR, "Marc", "Petit");
    long zoe = world.resident("zoe@exemple.fr", Lang.FR, "Zoé", "Blanc");
    long owner = world.resident("owner@exemple.fr", Lang.FR, "Henri", "Noir");
    long luc = world.resident("luc@exemple.fr", Lang.FR, "Luc", "Vert");
    long claireStay = world.lives(claire, a01, "2025-03-01");
    // moved in on 15 October: the statement counts 15 to 31 October
    long paulStay = world.lives(paul, a04, "2026-10-15");
    // left on 10 October: the statement counts 1 to 10 October
    long eveStay =
        world.stay(eve, a03, Role.OCCUPANT, ResidencyState.ACTIVE, "2025-01-01", "2026-10-10");
    // left on 30 September: no October
    world.stay(marc, a02, Role.OCCUPANT, ResidencyState.ACTIVE, "2024-01-01", "2026-09-30");
    // pending, and an owner who lets the dwelling: nothing to see, no statement
    world.stay(zoe, a02, Role.OCCUPANT, ResidencyState.PENDING, "2026-10-01", null);
    world.stay(owner, a03, Role.OWNER_LESSOR, ResidencyState.ACTIVE, "2020-01-01", null);
    // moved in on 1 November: no October
    world.lives(luc, a05, "2026-11-01");

    StatementJob job = world.job();
    StatementJob.Run first = job.runOnce();
    StatementJob.Run second = job.runOnce();
    // a restarted portal's job: the store alone knows what was made
    StatementJob.Run restarted = world.job().runOnce();

    assertEquals(new StatementJob.Run(3, 0), first);
    assertEquals(new StatementJob.Run(0, 0), second);
    assertEquals(new StatementJob.Run(0, 0), restarted);
    assertEquals(
        List.of(
            claireStay + " 2026-10 fr " + OCTOBER_FR + " application/pdf",
            paulStay + " 2026-10 en " + OCTOBER_EN + " application/pdf",
            eveStay + " 2026-10 fr " + OCTOBER_FR + " application/pdf"),
        world.documents());
    String paulText = DocumentsWorld.text(world.body(world.documentId(paulStay, "2026-10")));
    assertTrue(paulText.contains("Period: 15/10/2026 to 31/10/2026\n"), paulText);
    assertTrue(paulText.contains("Complaints and questions\n" + DocumentsWorld.CONTACT), paulText);
    String eveText = DocumentsWorld.text(world.body(world.documentId(eveStay, "2026-10")));
    assertTrue(eveText.contains("Période : du 01/10/2026 au 10/10/2026\n"), eveText);
    // the list a resident sees: their own residency's statement, its size the PDF's length
    long paulsId = world.documentId(paulStay, "2026-10");
    List<Document> paulsList = world.read(c -> new Documents().ofAccount(c, paul));
    assertEquals(1, paulsList.size());
    assertEquals(paulsId, paulsList.get(0).id());
    assertEquals(world.body(paulsId).length, paulsList.get(0).size());
    assertEquals(
        List.of(paulsId),
        world.read(c -> new Documents().ofAccount(c, paul, paulsId)).stream()
            .map(d -> d.document().id())
            .toList());
    assertTrue(world.read(c -> new Documents().ofAccount(c, claire, paulsId)).isEmpty());
  }

  @Test
  void run_oneResidencyFails_theOthersAreMade_andItIsMadeOnTheNextRun() {
    long a01 = world.dwelling("A01");
    long a02 = world.dwelling("A02");
    world.device(a02, "CWM-00000002", "cold_water");
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    long paul = world.resident("paul@exemple.fr", Lang.EN, "Paul", "Roux");
    long claireStay = world.lives(claire, a01, "2025-03-01");
    long paulStay = world.lives(paul, a02, "2025-03-01");
    // a day row some other program wrote, whose index is no number: Paul's figures cannot be read
    world.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO device_days (device, day, unit, last_value, last_at, used,"
                      + " span_days, jump) VALUES ('CWM-00000002', '2026-10-20', 'm3', 'n/a', 0,"
                      + " NULL, NULL, NULL)")) {
            return insert.executeUpdate();
          }
        });
    StatementJob job = world.job();

    StatementJob.Run broken = job.runOnce();
    world.write(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM device_days WHERE last_value = 'n/a'")) {
            return delete.executeUpdate();
          }
        });
    StatementJob.Run repaired = job.runOnce();

    assertEquals(new StatementJob.Run(1, 1), broken);
    assertEquals(new StatementJob.Run(1, 0), repaired);
    assertEquals(1, job.failures());
    assertEquals(
        List.of(
            claireStay + " 2026-10 fr " + OCTOBER_FR + " application/pdf",
            paulStay + " 2026-10 en " + OCTOBER_EN + " application/pdf"),
        world.documents());
  }

  @Test
  void madeStatement_isToldToItsResidentByTheNotifier() throws Exception {
    long a01 = world.dwelling("A01");
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    long stay = world.lives(claire, a01, "2025-03-01");
    // the portal's own schedule would race this test's run
    world.portal.notifier().close();
    Notifier notifier = new Notifier(world.portal, new LogSmsSender());

    assertEquals(new StatementJob.Run(1, 0), world.job().runOnce());
    Notifier.Run told = notifier.runOnce();
    Notifier.Run again = notifier.runOnce();

    assertEquals(new Notifier.Run(0, 1, 1, 0), told);
    assertEquals(new Notifier.Run(0, 0, 0, 0), again);
    assertTrue(world.smtp.waitForIncomingEmail(10_000, 1));
    MimeMessage mail = world.smtp.getReceivedMessages()[0];
    assertEquals("Nouveau document : " + OCTOBER_FR, mail.getSubject());
    String text = ((String) mail.getContent()).replace("\r\n", "\n");
    assertTrue(text.contains(OCTOBER_FR + " (octobre 2026)"), text);
    assertTrue(text.contains(world.portal.config().baseUrl() + "/documents\n"), text);
    assertEquals(stay + " 2026-10 fr " + OCTOBER_FR + " application/pdf", world.documents().get(0));
  }
}
