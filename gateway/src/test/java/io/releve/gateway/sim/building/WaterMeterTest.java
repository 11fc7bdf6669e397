package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaterMeterTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final SetDay NEW_YEAR = new SetDay(MonthDay.of(12, 31), PARIS);
  static final DeviceIdentity COLD = new DeviceIdentity("SEN", "11010301", 0x68, 0x16);
  static final DeviceIdentity WARM = new DeviceIdentity("SEN", "12010301", 0x68, 0x06);

  /** 10 litres in every slot: 240 L a day, 10 L an hour. */
  static final DayProfile TEN_LITRES_AN_HOUR =
      day -> {
        long[] slots = new long[DayProfile.SLOTS];
        Arrays.fill(slots, 10_000);
        return slots;
      };

  static final long INITIAL_LITRES = 123_456;

  private static long days(LocalDate to) {
    return ChronoUnit.DAYS.between(ConsumptionModel.ORIGIN, to);
  }

  private static WaterMeter meter(DeviceIdentity identity) {
    return new WaterMeter(
        identity, ConsumptionModel.of(TEN_LITRES_AN_HOUR, PARIS, INITIAL_LITRES * 1000), NEW_YEAR);
  }

  @Test
  void readout_coldWaterMeter_decodesToTheIndexTheDateTimeAndTheSetDayValue() {
    // 12:30 in Paris on a winter day (UTC+1): 12.5 hours of the day counted.
    Instant now = Instant.parse("2026-03-10T11:30:00Z");

    List<DecodedFrame> frames = Telegrams.read(meter(COLD), now);

    assertEquals(1, frames.size());
    DecodedFrame frame = frames.get(0);
    assertEquals(COLD, frame.device());
    assertEquals(Medium.COLD_WATER, frame.medium());
    assertEquals(0, frame.status());
    long litres = INITIAL_LITRES + days(LocalDate.of(2026, 3, 10)) * 240 + 125;
    assertEquals(
        BigDecimal.valueOf(litres, 3).stripTrailingZeros(),
        Telegrams.number(frame, Quantity.VOLUME, 0).stripTrailingZeros());
    assertEquals(Unit.CUBIC_METRE, Telegrams.record(frame, Quantity.VOLUME, 0).unit());
    assertEquals("2026-03-10T12:30:00", Telegrams.text(frame, Quantity.DATE_TIME, 0));
    long setDayLitres = INITIAL_LITRES + days(LocalDate.of(2026, 1, 1)) * 240;
    assertEquals(
        BigDecimal.valueOf(setDayLitres, 3).stripTrailingZeros(),
        Telegrams.number(frame, Quantity.VOLUME, 1).stripTrailingZeros());
    assertEquals("2025-12-31", Telegrams.text(frame, Quantity.DATE, 1));
  }

  @Test
  void readout_summerTime_dateTimeIsLocalTime() {
    DecodedFrame frame = Telegrams.read(meter(COLD), Instant.parse("2026-07-14T06:05:00Z")).get(0);

    assertEquals("2026-07-14T08:05:00", Telegrams.text(frame, Quantity.DATE_TIME, 0));
  }

  @Test
  void readout_warmWaterMeter_announcesWarmWater() {
    DecodedFrame frame = Telegrams.read(meter(WARM), Instant.parse("2026-03-10T11:30:00Z")).get(0);

    assertEquals(Medium.WARM_WATER, frame.medium());
  }

  @Test
  void readout_twice_advancesTheAccessNumberAndKeepsTheIndex() {
    WaterMeter meter = meter(COLD);
    Instant now = Instant.parse("2026-03-10T11:30:00Z");

    DecodedFrame first = Telegrams.read(meter, now).get(0);
    DecodedFrame second = Telegrams.read(meter, now).get(0);

    assertEquals((first.accessNumber() + 1) & 0xFF, second.accessNumber());
    assertEquals(first.records(), second.records());
  }

  @Test
  void constructor_heatCostAllocatorIdentity_isRefused() {
    DeviceIdentity allocator = new DeviceIdentity("QDS", "30010101", 0x35, 0x08);

    assertThrows(
        IllegalArgumentException.class,
        () -> new WaterMeter(allocator, ConsumptionModel.of(DayProfile.NONE, PARIS, 0), NEW_YEAR));
  }
}
