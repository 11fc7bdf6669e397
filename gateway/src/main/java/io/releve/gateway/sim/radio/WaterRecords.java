package io.releve.gateway.sim.radio;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.RecordWriter;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.SetDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A cold or warm water meter:
 *
 * <pre>
 *  04 13 vvvvvvvv   volume, 1 L
 *  04 6D tttttttt   date and time, type F
 *  44 13 vvvvvvvv   storage 1: volume at the end of the last set day
 *  42 6C dddd       storage 1: the set day, type G
 * </pre>
 *
 * @param model the volume in millilitres
 */
public record WaterRecords(ConsumptionModel model, SetDay setDay) implements MeterRecords {

  /** VIF 0x13: volume in litres (EN 13757-3 table 12). */
  static final int VIF_VOLUME_LITRE = 0x13;

  private static final Set<Medium> MEDIA =
      Set.of(Medium.COLD_WATER, Medium.WARM_WATER, Medium.HOT_WATER, Medium.WATER);

  public WaterRecords {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(setDay, "setDay");
  }

  public long litresAt(Instant time) {
    return Math.floorDiv(model.at(time), 1000L);
  }

  @Override
  public byte[] at(Instant now) {
    LocalDate lastSetDay = setDay.lastBefore(now);
    return new RecordWriter()
        .int32(RecordWriter.DIF_INT32, VIF_VOLUME_LITRE, litresAt(now))
        .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
        .int32(
            RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1,
            VIF_VOLUME_LITRE,
            litresAt(setDay.end(lastSetDay)))
        .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, lastSetDay)
        .toBytes();
  }

  @Override
  public void checkIdentity(DeviceIdentity identity) {
    if (!MEDIA.contains(identity.medium())) {
      throw new IllegalArgumentException(
          "Device type of [" + identity + "] is " + identity.medium().label() + ", not water.");
    }
  }
}
