package io.releve.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §7: "daemon killed (kill -9) or power cut mid-write: database consistent on restart, at
 * most the open transaction lost, outbox resumes". A child JVM writes batches as fast as it can and
 * is killed with SIGKILL while it writes; then the file is checked and written again.
 */
class StoreKillTest {

  private static final int BATCH_SIZE = 200;
  private static final int KILLS = 4;

  @TempDir Path folder;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void storeBatch_killedWithSigkillMidWrite_keepsEveryCommittedBatchWholeAndContinuesTheSequence()
      throws Exception {
    Path file = folder.resolve("releve.db");
    UUID epoch = null;
    for (int kill = 1; kill <= KILLS; kill++) {
      Path stderr = folder.resolve("writer-" + kill + ".err");
      Process child = startWriter(file, stderr);
      List<Long> reported = new ArrayList<>();
      String epochLine;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        epochLine = ChildJvm.readLine(out, child, stderr, "kill " + kill);
        // Let it commit a few batches, then kill it as it starts writing the next one.
        while (reported.size() < 2 + kill) {
          addIfCommitted(reported, ChildJvm.readLine(out, child, stderr, "kill " + kill));
        }
        String line;
        do {
          line = ChildJvm.readLine(out, child, stderr, "kill " + kill);
          addIfCommitted(reported, line);
        } while (!line.startsWith("writing "));
        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
        // pipe and lose the lines still in it.
        assertTrue(child.toHandle().destroyForcibly(), "SIGKILL was not sent");
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        // Lines printed just before the kill may still be in the pipe.
        for (line = out.readLine(); line != null; line = out.readLine()) {
          addIfCommitted(reported, line);
        }
      }
      UUID childEpoch = UUID.fromString(epochLine.substring("epoch ".length()));
      if (epoch == null) {
        epoch = childEpoch;
      }
      assertEquals(epoch, childEpoch, "epoch after kill " + kill);

      long stored = checkConsistent(file, reported);
      System.out.printf(
          "kill %d: %d readings in %d whole batches, %d batches reported committed%n",
          kill, stored, stored / BATCH_SIZE, reported.size());

      try (Database database = Database.open(file, Clock.systemUTC())) {
        assertEquals(epoch, database.epoch());
        StoredBatch next =
            new ReadingStore(database)
                .storeBatch(
                    TestReadings.series(TestReadings.HEAT, BATCH_SIZE, TestReadings.T0), List.of());
        assertEquals(stored + 1, next.firstSeq(), "the sequence continues after kill " + kill);
      }
    }
  }

  /** Checks the file with a plain connection, before anything else opens it; returns the count. */
  private static long checkConsistent(Path file, List<Long> reported) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = c.createStatement()) {
      assertEquals("ok", single(statement, "PRAGMA integrity_check"));
      long count = Long.parseLong(single(statement, "SELECT count(*) FROM readings"));
      assertEquals(0, count % BATCH_SIZE, "a partial batch was stored: " + count + " readings");
      assertEquals(
          String.valueOf(count),
          single(statement, "SELECT count(DISTINCT outbox_seq) FROM readings"),
          "duplicate sequence numbers");
      if (count > 0) {
        // Distinct, from 1, up to the count: contiguous, no gap and no duplicate.
        assertEquals("1", single(statement, "SELECT min(outbox_seq) FROM readings"));
        assertEquals(
            String.valueOf(count), single(statement, "SELECT max(outbox_seq) FROM readings"));
      }
      assertEquals(
          String.valueOf(count + 1),
          single(statement, "SELECT next_seq FROM outbox_sequence"),
          "the allocator must point just past the last stored reading");
      long lastReported = reported.isEmpty() ? 0 : reported.get(reported.size() - 1);
      assertTrue(
          count - lastReported <= BATCH_SIZE,
          "more than the batch being written when killed was committed unreported: "
              + count
              + " stored, "
              + lastReported
              + " reported");
      for (long seq : reported) {
        assertTrue(
            seq <= count,
            "the writer reported seq " + seq + " as committed but only " + count + " are stored");
      }
      return count;
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static void addIfCommitted(List<Long> reported, String line) {
    if (line.startsWith("committed ")) {
      reported.add(Long.parseLong(line.substring("committed ".length())));
    } else if (!line.startsWith("writing ")) {
      fail("unexpected line from the writer: " + line);
    }
  }

  private static Process startWriter(Path file, Path stderr) throws IOException {
    return ChildJvm.start(
        KillTestWriter.class, stderr, file.toString(), String.valueOf(BATCH_SIZE));
  }
}
