package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Readings and devices for store tests. */
public final class TestReadings {

  public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  public static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
  public static final DeviceIdentity WATER = new DeviceIdentity("LUG", "12345678", 0x0A, 0x07);
  public static final DeviceIdentity HEAT = new DeviceIdentity("KAM", "87654321", 0x01, 0x04);
  public static final DeviceIdentity HCA = new DeviceIdentity("QDS", "00012345", 0x35, 0x08);

  public static Reading volume(DeviceIdentity device, String cubicMetres, Instant receivedAt) {
    return new Reading(
        device,
        device.medium(),
        Quantity.VOLUME,
        Value.of(new BigDecimal(cubicMetres)),
        Unit.CUBIC_METRE,
        0,
        0,
        0,
        RecordFunction.INSTANTANEOUS,
        null,
        receivedAt,
        ClockState.SYNCHRONISED,
        "bus0",
        null,
        0);
  }

  /** {@code count} readings of one device, one second apart from {@code start}. */
  public static List<Reading> series(DeviceIdentity device, int count, Instant start) {
    List<Reading> readings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      readings.add(volume(device, "1." + i, start.plusSeconds(i)));
    }
    return readings;
  }

  private TestReadings() {}
}
