package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static io.releve.gateway.store.TestReadings.T0;
import static io.releve.gateway.store.TestReadings.WATER;
import static io.releve.gateway.store.TestReadings.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

  private static final RetentionPolicy POLICY = RetentionPolicy.ofDays(7, 30, 14);

  @TempDir Path folder;
  private Database database;
  private ReadingStore store;

  @BeforeEach
  void open() {
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    store = new ReadingStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void apply_deletesRawFramesSoonerThanReadings() {
    Instant tenDaysAgo = T0.minus(Duration.ofDays(10));
    store.storeBatch(
        List.of(volume(WATER, "1", tenDaysAgo), volume(WATER, "2", T0)),
        List.of(
            new RawFrame(new byte[] {1}, tenDaysAgo, "bus0", WATER),
            new RawFrame(new byte[] {2}, T0, "bus0", WATER)));

    RetentionResult result = new Retention(database).apply(T0, POLICY);

    assertEquals(new RetentionResult(1, 0, 0), result);
    assertEquals(2, store.find(ReadingFilter.all()).size());
    assertEquals(1, count("raw_frames"));
    // The old reading lost its link to the deleted frame, not its value.
    assertEquals(1, count("readings WHERE raw_frame_id IS NULL"));
  }

  @Test
  void apply_deletesReadingsOlderThanTheirRetentionOnly() {
    store.storeBatch(
        List.of(volume(WATER, "1", T0.minus(Duration.ofDays(31))), volume(WATER, "2", T0)),
        List.of());

    RetentionResult result = new Retention(database).apply(T0, POLICY);

    assertEquals(new RetentionResult(0, 1, 0), result);
    assertEquals(
        List.of(2L), store.find(ReadingFilter.all()).stream().map(StoredReading::seq).toList());
  }

  @Test
  void apply_afterDeletingTheNewestReadings_neverMakesTheirNumbersReusable() {
    store.storeBatch(TestReadings.series(WATER, 10, T0.minus(Duration.ofDays(40))), List.of());

    new Retention(database).apply(T0, POLICY);
    database.close();
    database = Database.open(folder.resolve("releve.db"), CLOCK);
    store = new ReadingStore(database);

    assertEquals(11, store.storeBatch(List.of(volume(WATER, "3", T0)), List.of()).firstSeq());
  }

  @Test
  void policy_withReadingsKeptShorterThanRawFrames_isRefused() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.ofDays(30, 7, 14));
    assertEquals(
        "Reading retention [PT168H] must be at least the raw frame retention [PT720H]: raw frames"
            + " are kept for a shorter time than readings.",
        refused.getMessage());
  }

  private long count(String from) {
    return database.read(
        "count",
        c -> {
          ResultSet row = c.createStatement().executeQuery("SELECT count(*) FROM " + from);
          row.next();
          return row.getLong(1);
        });
  }
}
