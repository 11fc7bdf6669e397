package io.releve.gateway.sim.building;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.link.SecondaryAddress;
import io.releve.gateway.sim.SimulatedMeter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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
public final class WaterMeter implements SimulatedMeter {

  /** VIF 0x13: volume in units of 10^(3-6) m³, that is litres (EN 13757-3 table 12). */
  static final int VIF_VOLUME_LITRE = 0x13;

  private final SecondaryAddress address;
  private final ConsumptionModel model;
  private final SetDay setDay;
  private final AccessNumber access;

  /**
   * @param identity device type 0x16 (cold water), 0x06 (warm water), 0x15 (hot water) or 0x07
   *     (water)
   * @param model the volume, in millilitres
   */
  public WaterMeter(DeviceIdentity identity, ConsumptionModel model, SetDay setDay) {
    Medium medium = identity.medium();
    if (medium != Medium.COLD_WATER
        && medium != Medium.WARM_WATER
        && medium != Medium.HOT_WATER
        && medium != Medium.WATER) {
      throw new IllegalArgumentException(
          "Device type of [" + identity + "] is " + medium.label() + ", not a water medium.");
    }
    this.address = new SecondaryAddress(identity);
    this.model = Objects.requireNonNull(model, "model");
    this.setDay = Objects.requireNonNull(setDay, "setDay");
    this.access = new AccessNumber(identity.id().hashCode());
  }

  @Override
  public SecondaryAddress address() {
    return address;
  }

  /** The consumption behind the index (millilitres). */
  public ConsumptionModel model() {
    return model;
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
            .int32(TelegramWriter.DIF_INT32, VIF_VOLUME_LITRE, litresAt(now))
            .dateTimeF(TelegramWriter.DIF_INT32, now, setDay.zone())
            .int32(
                TelegramWriter.DIF_INT32 | TelegramWriter.DIF_STORAGE_1,
                VIF_VOLUME_LITRE,
                litresAt(setDay.end(lastSetDay)))
            .dateG(TelegramWriter.DIF_INT16 | TelegramWriter.DIF_STORAGE_1, lastSetDay);
    return List.of(telegram.toBytes());
  }

  @Override
  public String toString() {
    return "water meter " + address;
  }
}
