package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static io.releve.gateway.store.TestReadings.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarantineTest {

  private static final byte[] TRUNCATED = {0x68, 0x1F, 0x1F, 0x68, 0x08};

  @TempDir Path folder;
  private Database database;
  private Quarantine quarantine;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    quarantine = new Quarantine(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void add_thenList_returnsNewestFirstWithReasonAndBytes() {
    long first = quarantine.add(TRUNCATED, "truncated", "5 of 37 bytes", "bus0", T0);
    long second =
        quarantine.add(
            new byte[] {(byte) 0xE5}, "bad_checksum", "sum 0x12", "bus1", T0.plusSeconds(1));

    List<QuarantinedFrame> frames = quarantine.list(10);

    assertEquals(List.of(second, first), frames.stream().map(QuarantinedFrame::id).toList());
    QuarantinedFrame oldest = frames.get(1);
    assertArrayEquals(TRUNCATED, oldest.frame());
    assertEquals(
        new QuarantinedFrame(first, TRUNCATED, "truncated", "5 of 37 bytes", "bus0", T0), oldest);
    assertEquals(2, quarantine.count());
    assertEquals(1, quarantine.list(1).size());
  }

  @Test
  void add_badReasonCode_isRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> quarantine.add(TRUNCATED, "Bad Checksum", "", "bus0", T0));
    assertEquals(
        "Reason code [Bad Checksum] must be lower case letters, digits and underscores, such as"
            + " bad_checksum.",
        refused.getMessage());
  }

  @Test
  void retention_deletesQuarantinedFramesOlderThanTheirRetentionOnly() {
    quarantine.add(TRUNCATED, "truncated", "old", "bus0", T0);
    quarantine.add(TRUNCATED, "truncated", "recent", "bus0", T0.plus(Duration.ofDays(20)));

    RetentionResult result =
        new Retention(database)
            .apply(T0.plus(Duration.ofDays(25)), RetentionPolicy.ofDays(5, 10, 10));

    assertEquals(new RetentionResult(0, 0, 1), result);
    assertEquals("recent", quarantine.list(10).get(0).message());
  }
}
