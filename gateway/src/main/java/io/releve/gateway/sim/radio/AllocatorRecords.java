package io.releve.gateway.sim.radio;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.RecordWriter;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.SetDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A heat cost allocator; the current value restarts from zero after each set day:
 *
 * <pre>
 *  04 6E uuuuuuuu   HCA units since the last set day
 *  04 6D tttttttt   date and time, type F
 *  44 6E uuuuuuuu   storage 1: units of the period that ended on the set day
 *  42 6C dddd       storage 1: the set day, type G
 * </pre>
 *
 * @param model the units counted since the origin, in thousandths
 */
public record AllocatorRecords(ConsumptionModel model, SetDay setDay) implements MeterRecords {

  /** VIF 0x6E: units for heat cost allocation. */
  static final int VIF_HCA_UNITS = 0x6E;

  public AllocatorRecords {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(setDay, "setDay");
  }

  /** The units shown at {@code time}: counted since the end of the last set day. */
  public long unitsAt(Instant time) {
    return whole(time) - whole(setDay.end(setDay.lastBefore(time)));
  }

  @Override
  public byte[] at(Instant now) {
    LocalDate lastSetDay = setDay.lastBefore(now);
    Instant periodEnd = setDay.end(lastSetDay);
    Instant periodStart = setDay.end(lastSetDay.minusYears(1));
    return new RecordWriter()
        .int32(RecordWriter.DIF_INT32, VIF_HCA_UNITS, whole(now) - whole(periodEnd))
        .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
        .int32(
            RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1,
            VIF_HCA_UNITS,
            whole(periodEnd) - whole(periodStart))
        .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, lastSetDay)
        .toBytes();
  }

  private long whole(Instant time) {
    return Math.floorDiv(model.at(time), 1000L);
  }

  @Override
  public void checkIdentity(DeviceIdentity identity) {
    if (identity.medium() != Medium.HEAT_COST_ALLOCATOR) {
      throw new IllegalArgumentException(
          "Device type of [" + identity + "] is " + identity.medium().label() + ", not 0x08.");
    }
  }
}
