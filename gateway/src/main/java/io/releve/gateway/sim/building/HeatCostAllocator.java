package io.releve.gateway.sim.building;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.RecordWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A heat cost allocator on one radiator: one telegram with the units counted since the last set
 * day, the meter's date and time, and the units of the period that ended on the set day with its
 * date. On the set day the current value restarts from zero (the past period moves to storage 1),
 * as real allocators do; a radiator turned off shows no growth.
 *
 * <pre>
 *  04 6E uuuuuuuu   HCA units since the last set day (32-bit integer)
 *  04 6D tttttttt   date and time, type F
 *  44 6E uuuuuuuu   storage 1: units of the period that ended on the set day
 *  42 6C dddd       storage 1: the set day, type G
 * </pre>
 */
public final class HeatCostAllocator extends ModelledMeter {

  /** VIF 0x6E: units for heat cost allocation, dimensionless (EN 13757-3 table 12). */
  static final int VIF_HCA_UNITS = 0x6E;

  /**
   * @param identity device type 0x08 (heat cost allocator)
   * @param model the units counted since the origin, in thousandths
   */
  public HeatCostAllocator(DeviceIdentity identity, ConsumptionModel model, SetDay setDay) {
    super(identity, model, setDay, Set.of(Medium.HEAT_COST_ALLOCATOR), "0x08");
  }

  /** The units shown at {@code time}: counted since the end of the last set day. */
  public long unitsAt(Instant time) {
    return wholeUnits(time) - wholeUnits(setDay.end(setDay.lastBefore(time)));
  }

  @Override
  public List<byte[]> readout(Instant now) {
    LocalDate lastSetDay = setDay.lastBefore(now);
    Instant periodEnd = setDay.end(lastSetDay);
    Instant periodStart = setDay.end(lastSetDay.minusYears(1));
    TelegramWriter telegram =
        new TelegramWriter(address, access.next())
            .int32(RecordWriter.DIF_INT32, VIF_HCA_UNITS, wholeUnits(now) - wholeUnits(periodEnd))
            .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
            .int32(
                RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1,
                VIF_HCA_UNITS,
                wholeUnits(periodEnd) - wholeUnits(periodStart))
            .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, lastSetDay);
    return List.of(telegram.toBytes());
  }

  private long wholeUnits(Instant time) {
    return Math.floorDiv(model.at(time), 1000L);
  }

  @Override
  public String toString() {
    return "heat cost allocator " + address;
  }
}
