package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.device.Medium;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredReading;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {

  private static final Instant FROM = Instant.parse("2026-02-09T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofDays(3));

  @TempDir Path folder;

  private static Database open(Path file) {
    return Database.open(file, Clock.fixed(TO, ZoneOffset.UTC));
  }

  private static FrameIngest ingest(Database db, Building building) {
    return new FrameIngest(
        new WiredFrameDecoder(), new ReadingStore(db), new Quarantine(db), building.meterZone());
  }

  /** Readings one poll cycle of the whole building gives. */
  private static long readingsPerCycle(Building building) {
    long readings = 0;
    for (var meter : building.meters()) {
      for (var frame : Telegrams.read(meter, FROM)) {
        readings += frame.records().size();
      }
    }
    return readings;
  }

  @Test
  @Timeout(60)
  void run_threeDaysHourly_storesEveryReadingAndTheLeakingDwellingsNights() throws Exception {
    // started at TO: the leaks began 3 days before, as the backfill starts
    Building building = Building.load(BuildingTest.SHIPPED, TO);
    try (Database db = open(folder.resolve("releve.db"))) {
      new Inventory(db).importAll(building.installation());
      List<Long> progress = new ArrayList<>();

      Backfill.Result result =
          new Backfill(building, ingest(db, building))
              .run(FROM, TO, Duration.ofHours(1), (upTo, done, total) -> progress.add(done));

      assertEquals(72, result.steps());
      assertEquals(0, result.rejected());
      int telegrams = building.meters().size() + 1; // the heat meter answers in two
      assertEquals(72L * telegrams, result.frames());
      assertEquals(72 * readingsPerCycle(building), result.readings());
      assertEquals(List.of(24L, 48L, 72L), progress, "a day per transaction");

      List<StoredReading> stored =
          new ReadingStore(db).find(ReadingFilter.all().dwelling(building.site(), "A03"));
      List<Reading> nights =
          stored.stream()
              .map(StoredReading::reading)
              .filter(r -> r.medium() == Medium.COLD_WATER)
              .filter(r -> r.quantity() == Quantity.VOLUME && r.storage() == 0)
              .filter(r -> isNight(r.receivedAt(), building))
              .toList();
      assertEquals(3 * 2, nights.size(), "04 and 05 h on each of the three nights");
      for (int i = 1; i < nights.size(); i++) {
        if (Duration.between(nights.get(i - 1).receivedAt(), nights.get(i).receivedAt())
            .equals(Duration.ofHours(1))) {
          assertEquals(
              15,
              litres(nights.get(i)) - litres(nights.get(i - 1)),
              "litres in the hour to " + nights.get(i).receivedAt());
        }
      }
    }
  }

  private static long litres(Reading volume) {
    return new BigDecimal(volume.value().text()).movePointRight(3).longValueExact();
  }

  private static boolean isNight(Instant receivedAt, Building building) {
    int hour = LocalDateTime.ofInstant(receivedAt, building.meterZone()).getHour();
    // a household draws nothing from 4 to 5 o'clock: only the leak runs then
    return hour == 4 || hour == 5;
  }

  @Test
  void run_intervalShorterThanAPollCycle_isRefused() throws Exception {
    Building building = Building.load(BuildingTest.SHIPPED, TO);
    try (Database db = open(folder.resolve("releve.db"))) {
      Backfill backfill = new Backfill(building, ingest(db, building));

      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> backfill.run(FROM, TO, Duration.ofSeconds(5)));
      assertTrue(e.getMessage().contains("shorter than a poll cycle"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> backfill.run(TO, FROM, Duration.ofHours(1)));
    }
  }
}
