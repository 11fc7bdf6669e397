package io.releve.gateway.sim.building;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.RecordWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The building's heat meter on the heating circuit. Its readout takes two telegrams, so that the
 * master's "more records follow" path is exercised on every cycle:
 *
 * <pre>
 *  telegram 1                              telegram 2
 *  04 06 eeeeeeee  energy, kWh             04 6D tttttttt  date and time, type F
 *  04 14 vvvvvvvv  volume, 0.01 m³         02 5A ffff      flow temperature, 0.1 °C
 *  04 6D tttttttt  date and time, type F   02 5E rrrr      return temperature, 0.1 °C
 *  44 06 eeeeeeee  storage 1: energy       04 2B pppppppp  power, W
 *  42 6C dddd      storage 1: set day      04 3B qqqqqqqq  volume flow, L/h
 *  1F              more records follow
 * </pre>
 *
 * <p>The water carries the heat with a 20 K drop between flow and return, so volume and flow follow
 * from energy and power (water: 1.163 Wh per litre and kelvin). The flow temperature follows a
 * heating curve: warmer water on colder days.
 */
public final class HeatMeter extends ModelledMeter {

  /** VIF 0x06: energy in 10^(6-3) Wh, that is kWh (EN 13757-3 table 12). */
  static final int VIF_ENERGY_KWH = 0x06;

  /** VIF 0x14: volume in 10^(4-6) m³. */
  static final int VIF_VOLUME_CENTILITRE_M3 = 0x14;

  /** VIF 0x5A: flow temperature in 10^(2-3) °C. */
  static final int VIF_FLOW_TEMPERATURE_DECI = 0x5A;

  /** VIF 0x5E: return temperature in 10^(2-3) °C. */
  static final int VIF_RETURN_TEMPERATURE_DECI = 0x5E;

  /** VIF 0x2B: power in 10^(3-3) W. */
  static final int VIF_POWER_WATT = 0x2B;

  /** VIF 0x3B: volume flow in 10^(3-6) m³/h, that is L/h. */
  static final int VIF_FLOW_LITRE_PER_HOUR = 0x3B;

  /** Temperature drop between flow and return while heating, K. */
  static final int DELTA_T = 20;

  /** Heat carried per litre of water and kelvin: 4.186 kJ = 1.163 Wh, here in mWh. */
  private static final long MILLIWATT_HOURS_PER_LITRE_KELVIN = 1163;

  /** Heating curve: flow temperature at 0 heating degrees, and its rise per degree, in 0.1 °C. */
  private static final int CURVE_BASE = 350;

  private static final int CURVE_SLOPE = 25;
  private static final int MAX_FLOW_TEMPERATURE = 750;

  /** With no heat drawn the circuit still circulates, a little cooler on return. */
  private static final int IDLE_DROP = 20;

  /**
   * @param identity device type 0x04 (heat, outlet)
   * @param model the energy, in Wh (thousandths of a kWh)
   */
  public HeatMeter(DeviceIdentity identity, ConsumptionModel model, SetDay setDay) {
    super(identity, model, setDay, Set.of(Medium.HEAT_OUTLET), "0x04");
  }

  /** The energy index in whole kWh at {@code time}. */
  public long kilowattHoursAt(Instant time) {
    return Math.floorDiv(model.at(time), 1000L);
  }

  /** The volume index at {@code time}, in hundredths of a cubic metre (10 L). */
  public long volumeHundredthsAt(Instant time) {
    return litres(model.at(time)) / 10;
  }

  /** The power at {@code time}, W. */
  public long wattsAt(Instant time) {
    return model.ratePerHour(time);
  }

  /** The volume flow at {@code time}, L/h. */
  public long litresPerHourAt(Instant time) {
    return litres(wattsAt(time));
  }

  /** The flow temperature at {@code time}, in tenths of a degree Celsius. */
  public int flowTenthsAt(Instant time) {
    double degrees = Season.heatingDegrees(LocalDate.ofInstant(time, setDay.zone()));
    return (int) Math.min(MAX_FLOW_TEMPERATURE, CURVE_BASE + Math.round(CURVE_SLOPE * degrees));
  }

  /** The return temperature at {@code time}, in tenths of a degree Celsius. */
  public int returnTenthsAt(Instant time) {
    return flowTenthsAt(time) - (wattsAt(time) > 0 ? DELTA_T * 10 : IDLE_DROP);
  }

  @Override
  public int telegramsPerReadout() {
    return 2;
  }

  @Override
  public List<byte[]> readout(Instant now) {
    LocalDate lastSetDay = setDay.lastBefore(now);
    byte[] first =
        new TelegramWriter(address, access.next())
            .int32(RecordWriter.DIF_INT32, VIF_ENERGY_KWH, kilowattHoursAt(now))
            .int32(RecordWriter.DIF_INT32, VIF_VOLUME_CENTILITRE_M3, volumeHundredthsAt(now))
            .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
            .int32(
                RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1,
                VIF_ENERGY_KWH,
                kilowattHoursAt(setDay.end(lastSetDay)))
            .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, lastSetDay)
            .moreRecordsFollow()
            .toBytes();
    byte[] second =
        new TelegramWriter(address, access.next())
            .dateTimeF(RecordWriter.DIF_INT32, now, setDay.zone())
            .int16(RecordWriter.DIF_INT16, VIF_FLOW_TEMPERATURE_DECI, flowTenthsAt(now))
            .int16(RecordWriter.DIF_INT16, VIF_RETURN_TEMPERATURE_DECI, returnTenthsAt(now))
            .int32(RecordWriter.DIF_INT32, VIF_POWER_WATT, wattsAt(now))
            .int32(RecordWriter.DIF_INT32, VIF_FLOW_LITRE_PER_HOUR, litresPerHourAt(now))
            .toBytes();
    return List.of(first, second);
  }

  /** Litres of water that carry {@code wattHours} with the 20 K drop. */
  private static long litres(long wattHours) {
    return wattHours * 1000 / (MILLIWATT_HOURS_PER_LITRE_KELVIN * DELTA_T);
  }

  @Override
  public String toString() {
    return "heat meter " + address;
  }
}
