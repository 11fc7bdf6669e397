package io.releve.gateway.bench;

import io.releve.gateway.config.SimulatedBuildingFile;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.sim.building.Backfill;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.SiteCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The footprint benchmark's building: about {@code meters} meters in dwellings of five (cold and
 * warm water, three heat cost allocators), 25 dwellings per stairwell bus (125 meters), plus the
 * boiler room's heat meter on a bus of its own, at 2400 baud. {@link #prepare} puts into a gateway
 * database what the daemon would find after a week without its uplink: the meters installed and
 * recorded for polling, and a reading of every meter every 15 minutes, stored through the real
 * decoder and store, none of it acknowledged.
 */
public final class FootprintBuilding {

  /** Cold water, warm water and three allocators. */
  static final int METERS_PER_DWELLING = SimulatedBuildingFile.WATER_METERS_PER_DWELLING + 3;

  /** 125 meters a stairwell bus: half of what one bus may carry (250). */
  static final int DWELLINGS_PER_STAIRWELL = 25;

  /** The daemon's default poll interval: 96 readouts of every meter a day. */
  static final Duration BACKLOG_INTERVAL = Duration.ofMinutes(15);

  private FootprintBuilding() {}

  /**
   * The building closest to {@code meters} meters (one of them the heat meter).
   *
   * @throws IllegalArgumentException when it would need more than 26 stairwells
   */
  public static Building of(int meters, Instant startedAt) {
    long dwellings = Math.max(1, Math.round((meters - 1) / (double) METERS_PER_DWELLING));
    int stairwells = (int) ((dwellings + DWELLINGS_PER_STAIRWELL - 1) / DWELLINGS_PER_STAIRWELL);
    if (stairwells > 26) {
      throw new IllegalArgumentException(
          "A footprint building of " + meters + " meters needs more than 26 stairwells.");
    }
    int perStairwell = (int) ((dwellings + stairwells - 1) / stairwells);
    SimulatedBuildingFile description =
        new SimulatedBuildingFile(
            Path.of("footprint-building"),
            new SiteCode("FP001"),
            stairwells,
            perStairwell,
            3,
            3,
            2400,
            SimulatedBuildingFile.MIN_REPLY_DELAY_BITS,
            ZoneId.of("Europe/Paris"),
            MonthDay.of(12, 31),
            Optional.empty(),
            Optional.empty(),
            Duration.ZERO,
            Optional.empty(),
            1);
    return Building.of(description, startedAt);
  }

  /** What {@link #prepare} stored, and how long it took (setup, not measured). */
  public record Backlog(int meters, long readings, Duration elapsed) {}

  /**
   * Installs the building's meters, records them for polling by primary address (as a scan would)
   * and stores {@code days} of readings every 15 minutes ending at {@code end}.
   */
  public static Backlog prepare(Building building, Database database, int days, Instant end) {
    long started = System.nanoTime();
    new Inventory(database).importAll(building.installation());
    List<BusMeter> meters = building.busMeters(end);
    new BusMeters(database).save(meters);
    FrameIngest ingest =
        new FrameIngest(
            new WiredFrameDecoder(),
            new ReadingStore(database),
            new Quarantine(database),
            building.meterZone());
    // whole quarter-hours, as the daemon's cycles fall
    Instant to =
        Instant.ofEpochMilli(
            end.toEpochMilli() / BACKLOG_INTERVAL.toMillis() * BACKLOG_INTERVAL.toMillis());
    Backfill.Result result =
        new Backfill(building, ingest).run(to.minus(Duration.ofDays(days)), to, BACKLOG_INTERVAL);
    return new Backlog(
        meters.size(), result.readings(), Duration.ofNanos(System.nanoTime() - started));
  }
}
