package io.releve.gateway.sim.building;

import static io.releve.gateway.sim.building.WaterMeterTest.NEW_YEAR;
import static io.releve.gateway.sim.building.WaterMeterTest.PARIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Unit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeatCostAllocatorTest {

  static final DeviceIdentity HCA = new DeviceIdentity("QDS", "30010101", 0x35, 0x08);

  /** One unit in every slot: 24 units a day. */
  static final DayProfile ONE_UNIT_AN_HOUR =
      day -> {
        long[] slots = new long[DayProfile.SLOTS];
        Arrays.fill(slots, 1000);
        return slots;
      };

  private static HeatCostAllocator allocator(DayProfile profile) {
    return new HeatCostAllocator(HCA, ConsumptionModel.of(profile, PARIS, 0), NEW_YEAR);
  }

  @Test
  void readout_tenDaysAfterTheSetDay_decodesUnitsSinceThenAndThePastPeriod() {
    // 2026-01-11 00:00 in Paris: 10 days since the end of the set day 2025-12-31.
    DecodedFrame frame =
        Telegrams.read(allocator(ONE_UNIT_AN_HOUR), Instant.parse("2026-01-10T23:00:00Z")).get(0);

    assertEquals(Medium.HEAT_COST_ALLOCATOR, frame.medium());
    assertEquals(BigDecimal.valueOf(240), Telegrams.number(frame, Quantity.HCA_UNITS, 0));
    assertEquals(Unit.HCA, Telegrams.record(frame, Quantity.HCA_UNITS, 0).unit());
    // The period 2025-01-01 to 2025-12-31: 365 days.
    assertEquals(BigDecimal.valueOf(365 * 24), Telegrams.number(frame, Quantity.HCA_UNITS, 1));
    assertEquals("2025-12-31", Telegrams.text(frame, Quantity.DATE, 1));
    assertEquals("2026-01-11T00:00:00", Telegrams.text(frame, Quantity.DATE_TIME, 0));
  }

  @Test
  void readout_atTheEndOfTheSetDay_restartsFromZero() {
    HeatCostAllocator allocator = allocator(ONE_UNIT_AN_HOUR);

    assertEquals(8_760, allocator.unitsAt(Instant.parse("2025-12-31T22:59:59Z")) + 1);
    assertEquals(0, allocator.unitsAt(Instant.parse("2025-12-31T23:00:00Z")));
  }

  @Test
  void readout_radiatorTurnedOff_showsNoGrowthInWinter() {
    HeatCostAllocator allocator = allocator(DayProfile.NONE);

    DecodedFrame before = Telegrams.read(allocator, Instant.parse("2026-01-05T06:00:00Z")).get(0);
    DecodedFrame after = Telegrams.read(allocator, Instant.parse("2026-01-25T06:00:00Z")).get(0);

    assertEquals(BigDecimal.ZERO, Telegrams.number(before, Quantity.HCA_UNITS, 0));
    assertEquals(BigDecimal.ZERO, Telegrams.number(after, Quantity.HCA_UNITS, 0));
  }

  @Test
  void readout_seasonalHeating_growsInWinterAndNotInSummer() {
    HeatCostAllocator allocator =
        new HeatCostAllocator(HCA, ConsumptionModel.heating(1.6, 7, PARIS, 0), NEW_YEAR);

    long winter =
        allocator.unitsAt(Instant.parse("2026-01-20T00:00:00Z"))
            - allocator.unitsAt(Instant.parse("2026-01-13T00:00:00Z"));
    long summer =
        allocator.unitsAt(Instant.parse("2026-07-20T00:00:00Z"))
            - allocator.unitsAt(Instant.parse("2026-07-13T00:00:00Z"));

    assertEquals(0, summer);
    assertEquals(true, winter > 100, "a week of January heating in the living room: " + winter);
  }
}
