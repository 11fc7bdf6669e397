package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PeriodicCheckpointTest {

  @TempDir Path folder;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void periodicCheckpoint_truncatesTheWalThenStopsOnClose() throws Exception {
    Path file = folder.resolve("releve.db");
    Path wal = folder.resolve("releve.db-wal");
    List<StoreException> failures = new CopyOnWriteArrayList<>();
    try (Database database = Database.open(file, CLOCK)) {
      new ReadingStore(database)
          .storeBatch(TestReadings.series(TestReadings.WATER, 500, TestReadings.T0), List.of());
      assertTrue(Files.size(wal) > 0);
      try (PeriodicCheckpoint checkpoint =
          new PeriodicCheckpoint(database, Duration.ofMillis(20), failures::add)) {
        while (checkpoint.completed() == 0 || Files.size(wal) > 0) {
          Thread.onSpinWait();
        }
      }
      assertEquals(List.of(), failures);
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void periodicCheckpoint_onClosedDatabase_reportsEachFailureThroughTheCallback() {
    Database database = Database.open(folder.resolve("releve.db"), CLOCK);
    database.close();
    List<StoreException> failures = new CopyOnWriteArrayList<>();
    try (PeriodicCheckpoint checkpoint =
        new PeriodicCheckpoint(database, Duration.ofMillis(10), failures::add)) {
      while (checkpoint.failures() < 2) {
        Thread.onSpinWait();
      }
    }
    assertTrue(failures.get(0).getMessage().endsWith("is closed."), failures.get(0).getMessage());
  }

  @Test
  void periodicCheckpoint_withZeroInterval_isRefused() {
    try (Database database = Database.open(folder.resolve("releve.db"), CLOCK)) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> new PeriodicCheckpoint(database, Duration.ZERO, e -> {}));
      assertEquals("Checkpoint interval [PT0S] must be positive.", refused.getMessage());
    }
  }
}
