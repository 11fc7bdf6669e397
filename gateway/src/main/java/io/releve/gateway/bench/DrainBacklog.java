package io.releve.gateway.bench;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.ReadingStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outage the drain benchmark delivers (DESIGN §9): {@code meters} water meters read every 15
 * minutes for {@code days}, stored as the daemon stores them, one transaction per poll cycle. Each
 * meter's index grows by a few litres per reading.
 */
public final class DrainBacklog {

  /** 96 readings a day: the gateway's default poll interval. */
  public static final Duration INTERVAL = Duration.ofMinutes(15);

  private DrainBacklog() {}

  /** The backlog's size in readings. */
  public static long readings(int meters, int days) {
    return (long) meters * days * (Duration.ofDays(1).toMinutes() / INTERVAL.toMinutes());
  }

  /**
   * Stores the backlog ending at {@code end}.
   *
   * @return the last seq given
   */
  public static long store(Database database, int meters, int days, Instant end) {
    ReadingStore store = new ReadingStore(database);
    long cycles = readings(meters, days) / meters;
    Instant start = end.minus(INTERVAL.multipliedBy(cycles));
    long last = 0;
    for (long cycle = 0; cycle < cycles; cycle++) {
      Instant at = start.plus(INTERVAL.multipliedBy(cycle));
      List<Reading> readings = new ArrayList<>(meters);
      for (int m = 0; m < meters; m++) {
        // 3 litres per reading and a per-meter offset: exact decimals, different for each meter
        BigDecimal index = BigDecimal.valueOf(100_000L * m + 3L * cycle).movePointLeft(3);
        readings.add(
            new Reading(
                meter(m),
                meter(m).medium(),
                Quantity.VOLUME,
                Value.of(index),
                Unit.CUBIC_METRE,
                0,
                0,
                0,
                RecordFunction.INSTANTANEOUS,
                at,
                at.plusMillis(m),
                ClockState.SYNCHRONISED,
                "bench",
                null,
                0));
      }
      last = store.storeBatch(readings, List.of()).lastSeq();
    }
    return last;
  }

  /** The benchmark's meter number {@code m}: a cold water meter of a made-up manufacturer. */
  static DeviceIdentity meter(int m) {
    return new DeviceIdentity("RLV", String.format("%08d", 70_000_000 + m), 0x01, 0x16);
  }
}
