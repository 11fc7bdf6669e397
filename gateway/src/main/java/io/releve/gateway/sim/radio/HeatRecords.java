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
 * A heat meter:
 *
 * <pre>
 *  04 06 eeeeeeee   energy, kWh
 *  04 6D tttttttt   date and time, type F
 *  04 2B pppppppp   power, W
 *  44 06 eeeeeeee   storage 1: energy at the end of the last set day
 *  42 6C dddd       storage 1: the set day, type G
 * </pre>
 *
 * @param model the energy in Wh
 */
public record HeatRecords(ConsumptionModel model, SetDay setDay) implements MeterRecords {

  /** VIF 0x06: energy in kWh. */
  static final int VIF_ENERGY_KWH = 0x06;

  /** VIF 0x2B: power in W. */
  static final int VIF_POWER_WATT = 0x2B;

  public HeatRecords {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(setDay, "setDay");
  }

  public long kilowattHoursAt(Instant time) {
    return Math.floorDiv(model.at(time), 1000L);
  }

  @Override
  public byte[] at(Instant now) {
    LocalDate lastSetDay = setDay.lastBefore(now);
    return new RecordWriter()
        .int32(RecordWriter.DIF_INT32, VIF_ENERGY_KWH, kilowattHoursAt(now))
        .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
        .int32(RecordWriter.DIF_INT32, VIF_POWER_WATT, model.ratePerHour(now))
        .int32(
            RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1,
            VIF_ENERGY_KWH,
            kilowattHoursAt(setDay.end(lastSetDay)))
        .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, lastSetDay)
        .toBytes();
  }

  @Override
  public void checkIdentity(DeviceIdentity identity) {
    if (identity.medium() != Medium.HEAT_OUTLET) {
      throw new IllegalArgumentException(
          "Device type of [" + identity + "] is " + identity.medium().label() + ", not 0x04.");
    }
  }
}
