package io.releve.gateway.sim.building;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.RecordWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A cold or warm water meter: one telegram with the volume index in litres, the meter's date and
 * time, and the set-day index with its date.
 *
 * <pre>
 *  04 13 vvvvvvvv   volume, 1 L (32-bit integer)
 *  04 6D tttttttt   date and time, type F
 *  44 13 vvvvvvvv   storage 1: volume at the end of the last set day
 *  42 6C dddd       storage 1: the set day, type G
 * </pre>
 */
public final class WaterMeter extends ModelledMeter {

  /** VIF 0x13: volume in units of 10^(3-6) m³, that is litres (EN 13757-3 table 12). */
  static final int VIF_VOLUME_LITRE = 0x13;

  /**
   * @param identity device type 0x16 (cold water), 0x06 (warm water), 0x15 (hot water) or 0x07
   *     (water)
   * @param model the volume, in millilitres
   */
  public WaterMeter(DeviceIdentity identity, ConsumptionModel model, SetDay setDay) {
    super(
        identity,
        model,
        setDay,
        Set.of(Medium.COLD_WATER, Medium.WARM_WATER, Medium.HOT_WATER, Medium.WATER),
        "a water medium");
  }

  /** The volume index in whole litres at {@code time}, as the meter shows it. */
  public long litresAt(Instant time) {
    return Math.floorDiv(model.at(time), 1000L);
  }

  @Override
  public List<byte[]> readout(Instant now) {
    LocalDate lastSetDay = setDay.lastBefore(now);
    TelegramWriter telegram =
        new TelegramWriter(address, access.next())
            .int32(RecordWriter.DIF_INT32, VIF_VOLUME_LITRE, litresAt(now))
            .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
            .int32(
                RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1,
                VIF_VOLUME_LITRE,
                litresAt(setDay.end(lastSetDay)))
            .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, lastSetDay);
    return List.of(telegram.toBytes());
  }

  @Override
  public String toString() {
    return "water meter " + address;
  }
}
