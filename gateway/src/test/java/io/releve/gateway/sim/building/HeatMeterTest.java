package io.releve.gateway.sim.building;

import static io.releve.gateway.sim.building.WaterMeterTest.NEW_YEAR;
import static io.releve.gateway.sim.building.WaterMeterTest.PARIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatMeterTest {

  static final DeviceIdentity HEAT = new DeviceIdentity("KAM", "51000001", 0x1B, 0x04);

  /** 2326 Wh in every slot: a steady 2.326 kW, which 100 L/h of water carry with a 20 K drop. */
  static final DayProfile STEADY =
      day -> {
        long[] slots = new long[DayProfile.SLOTS];
        Arrays.fill(slots, 2326);
        return slots;
      };

  static final Instant NOW = Instant.parse("2026-02-03T09:00:00Z");

  private static HeatMeter meter() {
    return new HeatMeter(HEAT, ConsumptionModel.of(STEADY, PARIS, 100_000_000), NEW_YEAR);
  }

  @Test
  void readout_givesTwoTelegrams_theFirstEndingWithMoreRecordsFollow() {
    HeatMeter meter = meter();

    List<byte[]> telegrams = meter.readout(NOW);
    List<DecodedFrame> frames = Telegrams.read(meter, NOW);

    assertEquals(2, telegrams.size());
    byte[] first = telegrams.get(0);
    assertEquals(0x1F, first[first.length - 1] & 0xFF);
    assertTrue(frames.get(0).moreRecordsFollow());
    assertFalse(frames.get(1).moreRecordsFollow());
    // EN 13757-3: the access number goes up after each RSP_UD, within a readout too
    assertEquals((frames.get(0).accessNumber() + 1) & 0xFF, frames.get(1).accessNumber());
  }

  @Test
  void readout_decodesEnergyVolumeTemperaturesPowerAndFlow() {
    HeatMeter meter = meter();

    List<DecodedFrame> frames = Telegrams.read(meter, NOW);

    DecodedFrame first = frames.get(0);
    DecodedFrame second = frames.get(1);
    assertEquals(Medium.HEAT_OUTLET, first.medium());
    // 10:00 in Paris: 10 of the day's slots.
    long days = ChronoUnit.DAYS.between(ConsumptionModel.ORIGIN, LocalDate.of(2026, 2, 3));
    long wattHours = 100_000_000 + (days * 24 + 10) * 2326;
    assertEquals(BigDecimal.valueOf(wattHours / 1000), Telegrams.number(first, Quantity.ENERGY, 0));
    assertEquals(Unit.KILOWATT_HOUR, Telegrams.record(first, Quantity.ENERGY, 0).unit());
    // Volume in 0.01 m3: Wh / (1.163 Wh/(L K) x 20 K) litres.
    assertEquals(
        BigDecimal.valueOf(wattHours * 1000 / 23_260 / 10, 2),
        Telegrams.number(first, Quantity.VOLUME, 0));
    assertEquals("2025-12-31", Telegrams.text(first, Quantity.DATE, 1));
    assertEquals("2026-02-03T10:00:00", Telegrams.text(second, Quantity.DATE_TIME, 0));
    assertEquals(new BigDecimal("2.326"), Telegrams.number(second, Quantity.POWER, 0));
    assertEquals(Unit.KILOWATT, Telegrams.record(second, Quantity.POWER, 0).unit());
    assertEquals(new BigDecimal("0.100"), Telegrams.number(second, Quantity.VOLUME_FLOW, 0));
    BigDecimal flow = Telegrams.number(second, Quantity.FLOW_TEMPERATURE, 0);
    BigDecimal back = Telegrams.number(second, Quantity.RETURN_TEMPERATURE, 0);
    assertEquals(BigDecimal.valueOf(meter.flowTenthsAt(NOW), 1), flow);
    assertEquals(new BigDecimal("20.0"), flow.subtract(back));
    assertTrue(flow.compareTo(new BigDecimal("50")) > 0, "a February flow temperature: " + flow);
  }
}
