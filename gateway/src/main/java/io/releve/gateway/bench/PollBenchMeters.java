package io.releve.gateway.bench;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.sim.SimulatedMeter;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.HeatCostAllocator;
import io.releve.gateway.sim.building.HeatMeter;
import io.releve.gateway.sim.building.SetDay;
import io.releve.gateway.sim.building.WaterMeter;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The meters of the poll benchmark, addressed 1 to n as on one riser of a building: dwellings of a
 * cold water meter, a warm water meter and three heat cost allocators (one telegram each), in that
 * order, and the building's heat meter (two telegrams, so the "more records follow" path is timed
 * too) at the last address. The same n always gives the same meters.
 */
final class PollBenchMeters {

  /** Meters per dwelling: cold water, warm water, three allocators. */
  static final int METERS_PER_DWELLING = 5;

  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final SetDay SET_DAY = new SetDay(MonthDay.of(12, 31), ZONE);
  private static final double LITRES_PER_DAY = 120;
  private static final double UNITS_PER_DEGREE_DAY = 2;
  private static final double KWH_PER_DEGREE_DAY = 300;

  private PollBenchMeters() {}

  /**
   * @param meters 1–250, one per primary address from 1
   */
  static List<VirtualSlave> slaves(int meters) {
    checkCount(meters);
    List<VirtualSlave> slaves = new ArrayList<>(meters);
    for (int address = 1; address <= meters; address++) {
      boolean last = address == meters && meters > 1;
      slaves.add(new VirtualSlave(last ? heatMeter(address) : dwellingMeter(address), address));
    }
    return slaves;
  }

  /** Throws unless {@code meters} lies between 1 and 250 (one per primary address). */
  static void checkCount(int meters) {
    if (meters < 1 || meters > LinkFrames.MAX_PRIMARY) {
      throw new IllegalArgumentException(
          "Meters [" + meters + "] must lie between 1 and " + LinkFrames.MAX_PRIMARY + ".");
    }
  }

  private static SimulatedMeter dwellingMeter(int address) {
    return switch ((address - 1) % METERS_PER_DWELLING) {
      case 0 -> water(address, "11", Medium.COLD_WATER);
      case 1 -> water(address, "12", Medium.WARM_WATER);
      default ->
          new HeatCostAllocator(
              identity("QDS", "30", address, 0x35, Medium.HEAT_COST_ALLOCATOR),
              ConsumptionModel.heating(UNITS_PER_DEGREE_DAY, address, ZONE, 0),
              SET_DAY);
    };
  }

  private static SimulatedMeter water(int address, String prefix, Medium medium) {
    return new WaterMeter(
        identity("SEN", prefix, address, 0x68, medium),
        ConsumptionModel.water(LITRES_PER_DAY, address, ZONE, 20_000 + 100L * address),
        SET_DAY);
  }

  private static SimulatedMeter heatMeter(int address) {
    return new HeatMeter(
        identity("KAM", "51", address, 0x1B, Medium.HEAT_OUTLET),
        ConsumptionModel.heating(KWH_PER_DEGREE_DAY, address, ZONE, 250_000),
        SET_DAY);
  }

  /** Id: a two-digit prefix per kind of device, then the primary address on six digits. */
  private static DeviceIdentity identity(
      String manufacturer, String prefix, int address, int version, Medium medium) {
    return new DeviceIdentity(
        manufacturer, prefix + String.format("%06d", address), version, medium.code());
  }
}
