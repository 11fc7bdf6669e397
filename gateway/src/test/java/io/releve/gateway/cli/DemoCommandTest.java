package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end on a small simulated building: real TCP slaves, the real daemon. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoCommandTest {

  /** Two dwellings on one stairwell at 9600 baud: a cycle takes well under a second. */
  static final String SMALL_BUILDING =
      """
      site.code = TS001
      site.stairwells = 1
      site.dwellings-per-stairwell = 2
      site.radiators.min = 1
      site.radiators.max = 2
      bus.baud = 9600
      faults.leaking-wc = A02
      seed = 7
      """;

  @TempDir Path folder;

  private Path building;

  @BeforeEach
  void writeBuilding() throws Exception {
    building = folder.resolve("small-building.conf");
    Files.writeString(building, SMALL_BUILDING, StandardCharsets.UTF_8);
  }

  private CliRun demo(String... more) {
    String[] args = {
      "demo",
      "--building",
      building.toString(),
      "--data",
      folder.resolve("data").toString(),
      "--cycles",
      "1",
      "--history-days",
      "1",
      "--poll-interval",
      "10s"
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void demo_firstStart_installsBackfillsAndPollsEveryBusOnce() {
    CliRun run = demo();

    assertEquals(0, run.exitCode(), run.err());
    String out = run.out();
    assertTrue(out.contains("simulated building TS001, "), out);
    assertTrue(out.matches("(?s).*meters +\\d+ installed now, 0 from an earlier run.*"), out);
    assertTrue(out.matches("(?s).*history +1 days, every meter read hourly: \\d+ readings.*"), out);
    assertTrue(out.matches("(?s).*bus stairwell-a cycle 1: (\\d+)/\\1 meters answered.*"), out);
    assertTrue(
        out.matches("(?s).*bus boiler-room cycle 1: 1/1 meters answered, 2 telegrams.*"), out);
    assertTrue(Files.exists(folder.resolve("data").resolve("releve.conf")));
    assertTrue(out.contains("radio      6 radio water meters"), out);
    assertTrue(
        // all six send at start; a scheduled send may join the batch
        out.matches(
            "(?s).*radio: ([6-9]|1\\d) telegrams stored \\(\\d+ heard since the last batch.*"),
        out);
  }

  @Test
  void demo_leakingWc_showsItsLowestHourAtFifteenLitres() {
    CliRun run = demo();

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches("(?s).*\\nA02 +\\S+ +[0-9.]+ +\\d+ +15\\.0\\n.*"), run.out());
    assertTrue(run.out().matches("(?s).*\\nA01 +\\S+ +[0-9.]+ +\\d+ +0\\.0\\n.*"), run.out());
  }

  @Test
  void demo_secondStart_reusesTheDataWithoutBackfillingAgain() {
    demo();

    CliRun second = demo();

    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().matches("(?s).*meters +0 installed now, \\d+ from an earlier run.*"));
    assertTrue(second.out().contains("history    kept from an earlier run"), second.out());
  }

  @Test
  void demo_secondStart_keepsTheLeaksStartOfTheFirst() throws Exception {
    CliRun first = demo();
    Path started = folder.resolve("data").resolve(DemoCommand.STARTED_FILE);
    // a first start at a known instant: the leak began 3 days before the start of its hour
    Files.writeString(started, "2026-03-10T14:35:00Z\n", StandardCharsets.UTF_8);

    CliRun second = demo();

    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().matches("(?s).*\\nleaks +A02 \\(WC, 15 L/h\\) since .*"), first.out());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(
        second.out().contains("leaks      A02 (WC, 15 L/h) since 2026-03-07T15:00 Europe/Paris"),
        second.out());
  }

  @Test
  void demo_reset_startsAfresh() {
    demo();

    CliRun again = demo("--reset");

    assertEquals(0, again.exitCode(), again.err());
    assertFalse(again.out().contains("kept from an earlier run"), again.out());
    assertTrue(again.out().matches("(?s).*meters +\\d+ installed now, 0 from an earlier run.*"));
  }

  @Test
  void demo_stoppedLikeCtrlC_storesWhatWasReadAndClosesTheDatabase() throws Exception {
    Path data = folder.resolve("data");
    Path stderr = folder.resolve("demo.err");
    long backfillEnd = hourStartedMillis();
    Process child =
        ChildJvm.start(
            Main.class,
            stderr,
            "demo",
            "--building",
            building.toString(),
            "--data",
            data.toString(),
            "--history-days",
            "1",
            "--poll-interval",
            "10s");
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = ChildJvm.readLine(out, child, stderr, "the first cycle");
      } while (!line.startsWith("bus stairwell-a cycle 1: "));
      // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT
      child.toHandle().destroy();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the demo did not stop");
    }

    assertFalse(Files.exists(data.resolve("releve.db-wal")), "the database was closed cleanly");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("releve.db"));
        Statement statement = c.createStatement();
        ResultSet live =
            statement.executeQuery(
                "SELECT count(*) FROM readings WHERE source = 'stairwell-a'"
                    + " AND received_at >= "
                    + backfillEnd)) {
      live.next();
      assertTrue(live.getLong(1) > 0, "the polled cycle was stored");
    }
  }

  /** The backfill stops at the start of the hour; what came after was polled. */
  private static long hourStartedMillis() {
    long hour = 3_600_000L;
    return System.currentTimeMillis() / hour * hour;
  }

  @Test
  void demo_pollIntervalTheConfigurationWouldRefuse_isAUsageErrorBeforeAnythingStarts() {
    CliRun run =
        CliRun.of(
            "demo",
            "--building",
            building.toString(),
            "--data",
            folder.resolve("data").toString(),
            "--poll-interval",
            "5s");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("releve: --poll-interval must lie between 10s and 24h, not 5s.\n", run.err());
    assertFalse(Files.exists(folder.resolve("data")), "nothing was created");
  }

  @Test
  void demo_badBuildingFile_exits78NamingTheKey() throws Exception {
    Files.writeString(building, "site.code = TS001\nsite.floors = 3\n", StandardCharsets.UTF_8);

    CliRun run = demo();

    assertEquals(ExitCodes.CONFIG, run.exitCode());
    assertTrue(run.err().contains("site.floors"), run.err());
  }
}
