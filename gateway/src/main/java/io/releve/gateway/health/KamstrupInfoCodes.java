package io.releve.gateway.health;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.DecodedRecord;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Value;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The info code of Kamstrup water meters (Multical 21, flowIQ 2200 and their kin): a
 * manufacturer-specific data record whose low bits say what the meter sees. Source of the record
 * layouts and bit meanings: wmbusmeters, {@code drivers/src/kamwater.xmq} (fields {@code status}
 * and {@code status16}).
 *
 * <p>Kamstrup heat meters send records with the same VIF but other meanings, so only water media
 * are read.
 */
final class KamstrupInfoCodes implements MeterAlarmReader {

  /**
   * FLAG association codes: Kamstrup A/S, and the one its flowIQ water meters send (the
   * manufacturers wmbusmeters' kamwater driver detects).
   */
  private static final Set<String> MANUFACTURERS = Set.of("KAM", "KAW");

  private static final Set<Medium> WATER =
      Set.of(
          Medium.WATER, Medium.COLD_WATER, Medium.WARM_WATER, Medium.HOT_WATER, Medium.DUAL_WATER);

  /** The two info-code records, and the condition of each of their low bits, bit 0 first. */
  private enum InfoCode {
    /**
     * DIF 0x02 (16-bit integer), VIF 0xFF VIFE 0x20. Bits 4–15 are not conditions: they tell, three
     * bits each, for how long the meter has been dry, reversed, leaking and bursting.
     */
    SIXTEEN_BIT(
        "02",
        "FF20",
        2,
        List.of(
            MeterCondition.DRY,
            MeterCondition.BACKFLOW,
            MeterCondition.LEAK,
            MeterCondition.BURST)),
    /**
     * DIF 0x04 (32-bit integer), VIF 0xFF VIFE 0x23. Bits 5 and up (low battery, low ambient
     * temperature, flow above Q4, no consumption) are faults or states of the meter, not of the
     * water, and are left alone.
     */
    THIRTY_TWO_BIT(
        "04",
        "FF23",
        4,
        List.of(
            MeterCondition.DRY,
            MeterCondition.BACKFLOW,
            MeterCondition.LEAK,
            MeterCondition.BURST,
            MeterCondition.TAMPER));

    private final String dibHex;
    private final String vibHex;
    private final int bytes;
    private final List<MeterCondition> bits;

    InfoCode(String dibHex, String vibHex, int bytes, List<MeterCondition> bits) {
      this.dibHex = dibHex;
      this.vibHex = vibHex;
      this.bytes = bytes;
      this.bits = bits;
    }

    boolean matches(DecodedRecord record) {
      return record.dibHex().equals(dibHex) && record.vibHex().equals(vibHex);
    }

    /**
     * The code as sent. The decoder reads a manufacturer-specific VIF as a signed integer of the
     * DIF's size, so 0x8004 arrives as -32764: masking to the record's size gives the bits back.
     */
    long code(Value.Number number) {
      return number.amount().toBigInteger().longValue() & ((1L << (Byte.SIZE * bytes)) - 1);
    }

    /** "0x0004" for the 16-bit code, "0x00000004" for the 32-bit one. */
    String format(long code) {
      return String.format(Locale.ROOT, "0x%0" + (2 * bytes) + "X", code);
    }

    /** "02 FF 20": the record's DIB and VIB as sent, byte by byte. */
    String record() {
      String hex = dibHex + vibHex;
      StringBuilder spaced = new StringBuilder(hex.length() * 3 / 2);
      for (int i = 0; i < hex.length(); i += 2) {
        spaced.append(i == 0 ? "" : " ").append(hex, i, i + 2);
      }
      return spaced.toString();
    }
  }

  @Override
  public boolean appliesTo(DecodedFrame frame) {
    DeviceIdentity device = frame.device();
    return device != null
        && MANUFACTURERS.contains(device.manufacturer())
        && WATER.contains(frame.medium());
  }

  @Override
  public List<MeterAlarm> read(DecodedFrame frame) {
    List<MeterAlarm> alarms = new ArrayList<>(2);
    for (DecodedRecord record : frame.records()) {
      for (InfoCode infoCode : InfoCode.values()) {
        // DIF 0x02 and 0x04 are binary integers: the decoder always gives them as a number
        if (infoCode.matches(record) && record.value() instanceof Value.Number number) {
          addSetBits(infoCode, infoCode.code(number), alarms);
        }
      }
    }
    return alarms;
  }

  @Override
  public Set<MeterCondition> reportable(DecodedFrame frame) {
    Set<MeterCondition> reportable = EnumSet.noneOf(MeterCondition.class);
    for (DecodedRecord record : frame.records()) {
      for (InfoCode infoCode : InfoCode.values()) {
        if (infoCode.matches(record)) {
          reportable.addAll(infoCode.bits);
        }
      }
    }
    return reportable;
  }

  private static void addSetBits(InfoCode infoCode, long code, List<MeterAlarm> alarms) {
    for (int bit = 0; bit < infoCode.bits.size(); bit++) {
      if ((code & (1L << bit)) != 0) {
        alarms.add(
            new MeterAlarm(
                infoCode.bits.get(bit),
                String.format(
                    Locale.ROOT,
                    "Kamstrup info code %s, bit %d (record %s)",
                    infoCode.format(code),
                    bit,
                    infoCode.record())));
      }
    }
  }
}
