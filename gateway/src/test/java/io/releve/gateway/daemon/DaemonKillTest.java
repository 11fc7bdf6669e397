package io.releve.gateway.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.cli.Main;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §7: "daemon killed (kill -9) or power cut mid-write: database consistent on restart, at
 * most the open transaction lost, outbox resumes". The real {@code releve run} polls a simulated
 * bus in a child JVM, its clock 50 times faster so that cycles follow each other, and is killed
 * with SIGKILL while polling, three times; after each kill the file is checked, then polled again.
 */
class DaemonKillTest {

  private static final int METERS = 4;
  private static final int KILLS = 3;

  /** Readings of one cycle: four per water meter telegram (index, time, set-day index, date). */
  private static final int PER_CYCLE = METERS * 4;

  private static final Pattern CYCLE =
      Pattern.compile("bus kill-test cycle \\d+: .*, (\\d+) readings stored, .*");

  @TempDir Path folder;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void run_killedWithSigkillWhilePolling_keepsWholeCyclesAndTheSequenceGoesOnAfterARestart()
      throws Exception {
    Path file = folder.resolve("releve.db");
    try (SimulatedWiredBus bus =
        SimulatedWiredBus.ofWaterMeters("kill-test", Clock.systemUTC(), 80_000_000, METERS)) {
      Path config = prepare(bus, file);
      UUID epoch;
      try (Database database = Database.open(file, Clock.systemUTC())) {
        epoch = database.epoch();
      }

      long before = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        Path stderr = folder.resolve("run-" + kill + ".err");
        Process child = startRun(config, stderr);
        long reported = 0;
        int cycles = 0;
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          // Let it store a few cycles, then kill it as the next one is under way.
          while (cycles < 1 + kill) {
            Matcher cycle = CYCLE.matcher(ChildJvm.readLine(out, child, stderr, "kill " + kill));
            if (cycle.matches()) {
              cycles++;
              reported += Long.parseLong(cycle.group(1));
            }
          }
          Thread.sleep(50L * kill);
          assertTrue(child.toHandle().destroyForcibly(), "SIGKILL was not sent");
          assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the daemon did not die");
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher cycle = CYCLE.matcher(line);
            if (cycle.matches()) {
              reported += Long.parseLong(cycle.group(1));
            }
          }
        }

        long stored = checkConsistent(file);
        assertTrue(
            stored >= before + reported,
            "kill " + kill + ": " + reported + " readings reported stored, " + stored + " in all");
        assertTrue(
            stored - before - reported <= PER_CYCLE,
            "kill " + kill + ": more than the open cycle was stored unreported");
        assertTrue(stored > before, "kill " + kill + ": nothing stored after the restart");
        try (Database database = Database.open(file, Clock.systemUTC())) {
          assertEquals(epoch, database.epoch(), "epoch after kill " + kill);
        }
        System.out.printf(
            "kill %d: %d readings in %d whole cycles%n", kill, stored, stored / PER_CYCLE);
        before = stored;
      }
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void run_sigterm_storesTheCycleUnderWayAndClosesTheDatabaseCleanly() throws Exception {
    Path file = folder.resolve("releve.db");
    try (SimulatedWiredBus bus =
        SimulatedWiredBus.ofWaterMeters("kill-test", Clock.systemUTC(), 80_000_000, METERS)) {
      Path config = prepare(bus, file);
      Path stderr = folder.resolve("run-term.err");
      Process child = startRun(config, stderr);
      long reported = 0;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int cycles = 0;
        while (cycles < 2) {
          Matcher cycle = CYCLE.matcher(ChildJvm.readLine(out, child, stderr, "SIGTERM"));
          if (cycle.matches()) {
            cycles++;
            reported += Long.parseLong(cycle.group(1));
          }
        }
        child.toHandle().destroy(); // SIGTERM, as systemd stops a service
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the daemon did not stop on SIGTERM");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          Matcher cycle = CYCLE.matcher(line);
          if (cycle.matches()) {
            reported += Long.parseLong(cycle.group(1));
          }
        }
      }

      // a cycle cut short by the stop is stored and reported too: count, do not ask for whole ones
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = c.createStatement()) {
        assertEquals("ok", single(statement, "PRAGMA integrity_check"));
        assertEquals(
            String.valueOf(reported),
            single(statement, "SELECT count(*) FROM readings"),
            "every reported reading, nothing more");
      }
      assertFalse(
          Files.exists(folder.resolve("releve.db-wal")),
          "the database was checkpointed and closed: no write-ahead log is left");
    }
  }

  /**
   * Writes the configuration of the child's {@code releve run} and records the bus's meters in the
   * database, as a primary scan would; returns the configuration file.
   */
  private Path prepare(SimulatedWiredBus bus, Path file) throws IOException {
    Path config = folder.resolve("releve.conf");
    Files.writeString(
        config,
        "gateway.id = kill-test\ndatabase.path = releve.db\n" + bus.configBlock("10s"),
        StandardCharsets.UTF_8);
    try (Database database = Database.open(file, Clock.systemUTC())) {
      List<BusMeter> meters = new ArrayList<>();
      for (VirtualSlave slave : bus.bus().slaves()) {
        meters.add(
            new BusMeter(
                "kill-test",
                slave.secondaryAddress().identity(),
                BusMeter.Addressing.PRIMARY,
                slave.primaryAddress(),
                Instant.now()));
      }
      new BusMeters(database).save(meters);
    }
    return config;
  }

  /** Checks the file with a plain connection, before anything else opens it; returns the count. */
  private static long checkConsistent(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = c.createStatement()) {
      assertEquals("ok", single(statement, "PRAGMA integrity_check"));
      long count = Long.parseLong(single(statement, "SELECT count(*) FROM readings"));
      assertEquals(0, count % PER_CYCLE, "a partial cycle was stored: " + count + " readings");
      assertEquals(
          "1",
          single(
              statement,
              "SELECT count(DISTINCT n) FROM (SELECT count(*) AS n FROM readings"
                  + " GROUP BY device_id)"),
          "every meter is in every stored cycle");
      // readings and meter events (alerts, guards) share the outbox sequence
      long numbered =
          count + Long.parseLong(single(statement, "SELECT count(*) FROM meter_events"));
      String outbox =
          "SELECT outbox_seq FROM readings UNION ALL SELECT outbox_seq FROM meter_events";
      assertEquals(
          String.valueOf(numbered),
          single(statement, "SELECT count(DISTINCT outbox_seq) FROM (" + outbox + ")"),
          "duplicate sequence numbers");
      assertEquals("1", single(statement, "SELECT min(outbox_seq) FROM (" + outbox + ")"));
      assertEquals(
          String.valueOf(numbered),
          single(statement, "SELECT max(outbox_seq) FROM (" + outbox + ")"),
          "a gap in the sequence");
      assertEquals(
          "0",
          single(
              statement,
              "SELECT count(*) FROM (SELECT device_id, type, at FROM meter_events"
                  + " GROUP BY device_id, type, at HAVING count(*) > 1)"),
          "an event recorded twice across a restart");
      assertEquals(
          String.valueOf(numbered + 1),
          single(statement, "SELECT next_seq FROM outbox_sequence"),
          "the allocator must point just past the last stored row");
      return count;
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static Process startRun(Path config, Path stderr) throws IOException {
    return ChildJvm.start(
        Main.class, stderr, "run", "--config", config.toString(), "--clock-speed", "50");
  }
}
