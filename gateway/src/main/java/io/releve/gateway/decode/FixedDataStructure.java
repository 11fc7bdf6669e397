package io.releve.gateway.decode;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed data structure (CI 0x73, EN 13757-3 / EN 1434-3): identification number (4 bytes BCD),
 * access number, status, medium and units (2 bytes), then two 4-byte counters. It has no
 * manufacturer: the identity carries "@@@", the letters that manufacturer code 0 decodes to.
 */
final class FixedDataStructure {
  static final int LENGTH = 16;

  /** Status bit 7: counters are binary (1) or BCD (0). */
  private static final int STATUS_BINARY = 0x80;

  /** Status bit 6: counters are stored values (1) or actual values (0). */
  private static final int STATUS_STORED = 0x40;

  /** Units of the fixed structure by 6-bit code, normalised like the VIF table. */
  private static final VifMeaning[] UNITS = new VifMeaning[64];

  static {
    for (int i = 0; i < 3; i++) {
      UNITS[0x02 + i] = number(Quantity.ENERGY, Unit.KILOWATT_HOUR, i - 3); // Wh ×1, 10, 100
      UNITS[0x05 + i] = number(Quantity.ENERGY, Unit.KILOWATT_HOUR, i); // kWh
      UNITS[0x08 + i] = number(Quantity.ENERGY, Unit.KILOWATT_HOUR, i + 3); // MWh
      UNITS[0x0B + i] = number(Quantity.ENERGY, Unit.MEGAJOULE, i - 3); // kJ
      UNITS[0x0E + i] = number(Quantity.ENERGY, Unit.MEGAJOULE, i); // MJ
      UNITS[0x11 + i] = number(Quantity.ENERGY, Unit.MEGAJOULE, i + 3); // GJ
      UNITS[0x14 + i] = number(Quantity.POWER, Unit.KILOWATT, i - 3); // W
      UNITS[0x17 + i] = number(Quantity.POWER, Unit.KILOWATT, i); // kW
      UNITS[0x1A + i] = number(Quantity.POWER, Unit.KILOWATT, i + 3); // MW
      UNITS[0x1D + i] = number(Quantity.POWER, Unit.MEGAJOULE_PER_HOUR, i - 3); // kJ/h
      UNITS[0x20 + i] = number(Quantity.POWER, Unit.MEGAJOULE_PER_HOUR, i); // MJ/h
      UNITS[0x23 + i] = number(Quantity.POWER, Unit.MEGAJOULE_PER_HOUR, i + 3); // GJ/h
      UNITS[0x26 + i] = number(Quantity.VOLUME, Unit.CUBIC_METRE, i - 6); // ml
      UNITS[0x29 + i] = number(Quantity.VOLUME, Unit.CUBIC_METRE, i - 3); // l
      UNITS[0x2C + i] = number(Quantity.VOLUME, Unit.CUBIC_METRE, i); // m3
      UNITS[0x2F + i] = number(Quantity.VOLUME_FLOW, Unit.CUBIC_METRE_PER_HOUR, i - 6); // ml/h
      UNITS[0x32 + i] = number(Quantity.VOLUME_FLOW, Unit.CUBIC_METRE_PER_HOUR, i - 3); // l/h
      UNITS[0x35 + i] = number(Quantity.VOLUME_FLOW, Unit.CUBIC_METRE_PER_HOUR, i); // m3/h
    }
    UNITS[0x39] = number(Quantity.HCA_UNITS, Unit.HCA, 0);
  }

  private FixedDataStructure() {}

  /** Decodes the 16 bytes after CI 0x73 at {@code offset}. */
  static DecodedFrame decode(byte[] b, int offset) throws FrameRejectedException {
    String idText = Hex.format(new byte[] {b[offset + 3], b[offset + 2], b[offset + 1], b[offset]});
    int accessNumber = b[offset + 4] & 0xFF;
    int status = b[offset + 5] & 0xFF;
    int first = b[offset + 6] & 0xFF;
    int second = b[offset + 7] & 0xFF;
    int medium = (second & 0xC0) >> 4 | (first & 0xC0) >> 6;
    DeviceIdentity device;
    try {
      device = new DeviceIdentity("@@@", idText, 0, medium);
    } catch (IllegalArgumentException e) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "Fixed data structure identification number [" + idText + "] is not valid.",
          e);
    }
    boolean binary = (status & STATUS_BINARY) != 0;
    int storage = (status & STATUS_STORED) != 0 ? 1 : 0;
    List<DecodedRecord> records = new ArrayList<>(2);
    addCounter(records, b, offset + 8, first & 0x3F, binary, storage);
    addCounter(records, b, offset + 12, second & 0x3F, binary, storage);
    return new DecodedFrame(
        device,
        Medium.fromCode(medium),
        accessNumber,
        status,
        Optional.of(StatusFlags.ofFixedStructure(status)),
        records,
        Optional.empty(),
        false,
        "");
  }

  private static void addCounter(
      List<DecodedRecord> records, byte[] b, int offset, int unit, boolean binary, int storage) {
    VifMeaning meaning = UNITS[unit] == null ? VifMeaning.UNKNOWN : UNITS[unit];
    Value value;
    if (binary) {
      value = DataValues.scaled(DataValues.unsigned(b, offset, 4), meaning);
    } else {
      Object bcd = DataValues.bcd(b, offset, 4, false);
      value =
          bcd instanceof Long number ? DataValues.scaled(number, meaning) : Value.of((String) bcd);
    }
    records.add(
        new DecodedRecord(
            meaning.quantity(),
            value,
            meaning.unit(),
            storage,
            0,
            0,
            RecordFunction.INSTANTANEOUS,
            "",
            Hex.ofByte(unit).substring(2)));
  }

  private static VifMeaning number(Quantity quantity, Unit unit, int exponent) {
    return VifMeaning.number(quantity, unit, exponent);
  }
}
