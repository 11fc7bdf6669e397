package io.releve.cloud.faults;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One poll cycle of made-up water meters, stored in one transaction as the daemon stores it. */
final class PollCycles {

  private PollCycles() {}

  /**
   * Stores the cycle at {@code at}; indexes grow with time so that each reading differs.
   *
   * @return the last seq given
   */
  static long store(Database database, int meters, Instant at) {
    List<Reading> readings = new ArrayList<>(meters);
    for (int m = 0; m < meters; m++) {
      DeviceIdentity meter = new DeviceIdentity("FLT", String.format("%08d", 1_000 + m), 1, 0x16);
      BigDecimal index = BigDecimal.valueOf(at.getEpochSecond() / 60 + m).movePointLeft(3);
      readings.add(
          new Reading(
              meter,
              meter.medium(),
              Quantity.VOLUME,
              Value.of(index),
              Unit.CUBIC_METRE,
              0,
              0,
              0,
              RecordFunction.INSTANTANEOUS,
              null,
              at.plusMillis(m),
              ClockState.SYNCHRONISED,
              "fault-test",
              null,
              0));
    }
    return new ReadingStore(database).storeBatch(readings, List.of()).lastSeq();
  }
}
