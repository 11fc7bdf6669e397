package io.releve.gateway.decode;

import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the variable data records of EN 13757-3 (DIB, VIB, data) and normalises each one. Strict
 * where the standard is: at most 10 DIFEs and 10 VIFEs, no record cut short by the end of the
 * frame, no reserved DIF or LVAR; a violation rejects the frame with the record's offset.
 */
public final class DataRecordParser {
  private static final int DIF_EXTENSION = 0x80;
  private static final int DIF_MANUFACTURER_DATA = 0x0F;
  private static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;
  private static final int DIF_IDLE_FILLER = 0x2F;
  private static final int MAX_DIFE = 10;
  private static final int MAX_VIFE = 10;
  private static final int VIF_EXTENSION_FB = 0x7B;
  private static final int VIF_PLAIN_TEXT = 0x7C;
  private static final int VIF_EXTENSION_FD = 0x7D;
  private static final int VIF_MANUFACTURER = 0x7F;

  /** Data length in bytes for DIF data field codes 0x0–0xE (0xD is LVAR, -1). */
  private static final int[] DATA_LENGTH = {0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6};

  private static final RecordFunction[] FUNCTIONS = {
    RecordFunction.INSTANTANEOUS,
    RecordFunction.MAXIMUM,
    RecordFunction.MINIMUM,
    RecordFunction.ERROR
  };

  /** The records, the more-records-follow flag and the raw manufacturer data of one frame. */
  public record Body(
      List<DecodedRecord> records, boolean moreRecordsFollow, String manufacturerData) {}

  private DataRecordParser() {}

  /**
   * Parses the records in {@code frame[start, end)}.
   *
   * @throws FrameRejectedException {@link RejectionReason#MALFORMED_RECORD} naming the byte offset
   *     in the frame
   */
  public static Body parse(byte[] frame, int start, int end) throws FrameRejectedException {
    List<DecodedRecord> records = new ArrayList<>((end - start) / 5 + 1);
    int p = start;
    while (p < end) {
      int recordStart = p;
      int dif = frame[p++] & 0xFF;
      if (dif == DIF_IDLE_FILLER) {
        continue;
      }
      if ((dif & 0x0F) == 0x0F) {
        if (dif == DIF_MANUFACTURER_DATA || dif == DIF_MORE_RECORDS_FOLLOW) {
          return new Body(records, dif == DIF_MORE_RECORDS_FOLLOW, Hex.format(frame, p, end - p));
        }
        throw malformed(recordStart, "DIF " + Hex.ofByte(dif) + " is reserved");
      }
      long storage = (dif >> 6) & 1;
      int tariff = 0;
      int subunit = 0;
      int difes = 0;
      boolean extension = (dif & DIF_EXTENSION) != 0;
      while (extension) {
        if (p >= end) {
          throw malformed(recordStart, "the DIB ends with the frame (DIFE missing)");
        }
        if (difes == MAX_DIFE) {
          throw malformed(recordStart, "more than " + MAX_DIFE + " DIFEs");
        }
        int dife = frame[p++] & 0xFF;
        storage |= (long) (dife & 0x0F) << (1 + 4 * difes);
        tariff |= ((dife >> 4) & 0x03) << (2 * difes);
        subunit |= ((dife >> 6) & 0x01) << difes;
        difes++;
        extension = (dife & DIF_EXTENSION) != 0;
      }
      if (storage > Integer.MAX_VALUE) {
        throw malformed(recordStart, "storage number " + storage + " is out of range");
      }
      int dibEnd = p;
      if (p >= end) {
        throw malformed(recordStart, "the record has no VIF");
      }
      Vib vib = new Vib();
      p = vib.parse(frame, p, end, recordStart);
      int vibEnd = p;

      int dataField = dif & 0x0F;
      int length = DATA_LENGTH[dataField];
      int dataStart = p;
      int lvar = -1;
      if (length < 0) {
        if (p >= end) {
          throw malformed(recordStart, "the LVAR byte is missing");
        }
        lvar = frame[p++] & 0xFF;
        dataStart = p;
        length = lvarLength(lvar, recordStart);
      }
      if (dataStart + length > end) {
        throw malformed(
            recordStart,
            "the data needs " + length + " bytes but only " + (end - dataStart) + " remain");
      }
      p = dataStart + length;
      if (dataField == 0x0 || dataField == 0x8) {
        continue; // no data, or a selection for readout: nothing to record
      }
      VifMeaning meaning = vib.meaning;
      Value value = readValue(frame, dataStart, length, dataField, lvar, meaning);
      if (value == null) {
        continue; // an invalid date or NaN: no value rather than a made-up one
      }
      records.add(
          new DecodedRecord(
              meaning.quantity(),
              value,
              meaning.unit(),
              (int) storage,
              tariff,
              subunit,
              vib.errorCode ? RecordFunction.ERROR : FUNCTIONS[(dif >> 4) & 0x03],
              Hex.format(frame, recordStart, dibEnd - recordStart),
              Hex.format(frame, dibEnd, vibEnd - dibEnd)));
    }
    return new Body(records, false, "");
  }

  private static int lvarLength(int lvar, int recordStart) throws FrameRejectedException {
    int length = lvarDataLength(lvar);
    if (length < 0) {
      throw malformed(recordStart, "LVAR " + Hex.ofByte(lvar) + " is reserved");
    }
    return length;
  }

  /**
   * The number of data bytes after an LVAR byte (EN 13757-3 table 5: text, BCD, binary), or -1 when
   * the LVAR value is reserved.
   */
  public static int lvarDataLength(int lvar) {
    if (lvar <= 0xBF) {
      return lvar; // ISO-8859-1 text
    }
    if (lvar >= 0xC0 && lvar <= 0xC9) {
      return lvar - 0xC0; // positive BCD, 2 digits per byte
    }
    if (lvar >= 0xD0 && lvar <= 0xD9) {
      return lvar - 0xD0; // negative BCD
    }
    if (lvar >= 0xE0 && lvar <= 0xEF) {
      return lvar - 0xE0; // binary number
    }
    if (lvar >= 0xF0 && lvar <= 0xF4) {
      return 4 * (lvar - 0xEC); // binary number of 16 to 32 bytes
    }
    if (lvar == 0xF5) {
      return 48;
    }
    if (lvar == 0xF6) {
      return 64;
    }
    return -1;
  }

  /** The value as {@link Value}, or null when there is none to give (invalid date, NaN). */
  private static Value readValue(
      byte[] b, int offset, int length, int dataField, int lvar, VifMeaning meaning) {
    ValueKind kind = meaning.kind();
    if (kind == ValueKind.DATE || kind == ValueKind.DATE_TIME) {
      if (dataField >= 0x1 && dataField <= 0x7 && dataField != 0x5) {
        String text =
            switch (length) {
              case 2 -> DateTypes.typeG(b, offset);
              case 3 -> DateTypes.typeJ(b, offset);
              case 4 -> DateTypes.typeF(b, offset);
              case 6 -> DateTypes.typeI(b, offset);
              default -> null;
            };
        return text == null ? null : Value.of(text);
      }
      return null; // a date in BCD, real or text form is not defined by the standard
    }
    if (dataField == 0xD) {
      return readLvar(b, offset, length, lvar, meaning);
    }
    if (dataField == 0x5) {
      BigDecimal real = DataValues.real(b, offset);
      if (real == null) {
        return null;
      }
      return kind == ValueKind.NUMBER
          ? DataValues.scaled(real, meaning)
          : Value.of(DataValues.plain(real));
    }
    if (dataField >= 0x9) {
      return bcdValue(DataValues.bcd(b, offset, length, false), meaning);
    }
    if (kind == ValueKind.CODE) {
      return Value.of(DataValues.unsigned(b, offset, length));
    }
    long raw = DataValues.signed(b, offset, length);
    return kind == ValueKind.NUMBER
        ? DataValues.scaled(raw, meaning)
        : Value.of(BigDecimal.valueOf(raw));
  }

  private static Value readLvar(byte[] b, int offset, int length, int lvar, VifMeaning meaning) {
    if (lvar <= 0xBF && meaning.kind() == ValueKind.RAW) {
      // A manufacturer-specific or unknown VIF with a byte container: no text is promised, so the
      // bytes as sent, in hex, rather than characters made up from binary data.
      return Value.of(Hex.format(b, offset, length));
    }
    if (lvar <= 0xBF) {
      return Value.of(DataValues.reversedText(b, offset, length));
    }
    if (lvar <= 0xD9) {
      return bcdValue(DataValues.bcd(b, offset, length, lvar >= 0xD0), meaning);
    }
    if (length == 0) {
      return null;
    }
    if (length <= 8) {
      long raw = DataValues.signed(b, offset, length);
      return meaning.kind() == ValueKind.NUMBER
          ? DataValues.scaled(raw, meaning)
          : Value.of(DataValues.unsigned(b, offset, length));
    }
    return Value.of(DataValues.reversedHex(b, offset, length));
  }

  private static Value bcdValue(Object bcd, VifMeaning meaning) {
    if (bcd instanceof Long number) {
      return meaning.kind() == ValueKind.NUMBER
          ? DataValues.scaled(number, meaning)
          : Value.of(BigDecimal.valueOf(number));
    }
    return Value.of((String) bcd);
  }

  static FrameRejectedException malformed(int offset, String what) {
    return new FrameRejectedException(
        RejectionReason.MALFORMED_RECORD,
        "Malformed data record at byte " + offset + " of the frame: " + what + ".");
  }

  /** The value information block of one record: its meaning once all VIFEs are applied. */
  private static final class Vib {
    /**
     * Combinable VIFEs E000 0000 to E001 1100: record error codes, slave to master (EN 13757-3,
     * codes for record errors: DIF, VIF and data errors such as "no data available", "data
     * overflow", "data error", "premature end of record"). E001 1101 is not an error (below).
     */
    private static final int LAST_RECORD_ERROR = 0x1C;

    /** "Standard conform data content" (E001 1101): the value is what the VIF says. */
    private static final int STANDARD_CONFORM_CONTENT = 0x1D;

    /** "VIF contains uncorrected unit or value" (E011 1010). */
    private static final int UNCORRECTED_UNIT = 0x3A;

    /** "Accumulation only if positive contributions" (E011 1011): forward flow. */
    private static final int FORWARD_FLOW = 0x3B;

    /** "Accumulation of abs value only if negative contributions" (E011 1100): backward flow. */
    private static final int BACKWARD_FLOW = 0x3C;

    /** "Value at base conditions" (E011 1110). */
    private static final int BASE_CONDITIONS = 0x3E;

    /** "Extension of combinable (orthogonal) VIFE-code" (E111 1100): the next VIFE is table 16. */
    private static final int SECOND_EXTENSION = 0x7C;

    VifMeaning meaning;
    boolean errorCode;
    private boolean secondExtension;

    /** Parses the VIB at {@code p}; returns the offset after it. */
    int parse(byte[] b, int p, int end, int recordStart) throws FrameRejectedException {
      int vif = b[p++] & 0xFF;
      int code = vif & 0x7F;
      boolean extension = (vif & 0x80) != 0;
      int vifes = 0;
      boolean manufacturerVifes = false;
      if (code == VIF_EXTENSION_FB || code == VIF_EXTENSION_FD) {
        if (!extension) {
          throw malformed(recordStart, "VIF " + Hex.ofByte(vif) + " is reserved");
        }
        if (p >= end) {
          throw malformed(recordStart, "the VIB ends with the frame (VIFE missing)");
        }
        int first = b[p++] & 0xFF;
        vifes++;
        meaning =
            code == VIF_EXTENSION_FB ? VifTable.extensionFb(first) : VifTable.extensionFd(first);
        extension = (first & 0x80) != 0;
      } else if (code == VIF_PLAIN_TEXT) {
        // The unit is sent as text (length, then characters last first) before any VIFE.
        if (p >= end) {
          throw malformed(recordStart, "the plain-text VIF has no length byte");
        }
        int textLength = b[p++] & 0xFF;
        if (p + textLength > end) {
          throw malformed(recordStart, "the plain-text VIF runs past the end of the frame");
        }
        p += textLength;
        meaning = VifMeaning.PLAIN_TEXT;
      } else {
        meaning = VifTable.primary(code);
        manufacturerVifes = code == VIF_MANUFACTURER;
      }
      while (extension) {
        if (p >= end) {
          throw malformed(recordStart, "the VIB ends with the frame (VIFE missing)");
        }
        if (vifes == MAX_VIFE) {
          throw malformed(recordStart, "more than " + MAX_VIFE + " VIFEs");
        }
        int vife = b[p++] & 0xFF;
        vifes++;
        extension = (vife & 0x80) != 0;
        if (!manufacturerVifes) {
          manufacturerVifes = applyCombinable(vife & 0x7F);
        }
      }
      return p;
    }

    /**
     * Applies one combinable (orthogonal) VIFE of EN 13757-3:2018 (table 15). Returns true when the
     * VIFEs that follow are manufacturer specific (0x7F) and must be skipped.
     */
    private boolean applyCombinable(int vife) {
      if (secondExtension) {
        // A code of the second combinable table (after 0x7C: phases, quadrants, import or
        // export): a qualifier we do not normalise, so never the plain quantity.
        secondExtension = false;
        meaning = VifMeaning.UNKNOWN;
      } else if (vife <= LAST_RECORD_ERROR) {
        errorCode = true; // a record error code from the slave: the value is not trustworthy
      } else if (vife == FORWARD_FLOW) {
        meaning = direction(meaning, true);
      } else if (vife == BACKWARD_FLOW) {
        meaning = direction(meaning, false);
      } else if (vife >= 0x70 && vife <= 0x77) {
        meaning = scaleBy(meaning, (vife & 0x07) - 6); // multiplicative correction 10^(nnn-6)
      } else if (vife == 0x7D) {
        meaning = scaleBy(meaning, 3); // multiplicative correction 10^3
      } else if (vife == 0x7F) {
        return true;
      } else if (vife == 0x7E) {
        // a future value (e.g. the next set day): same unit and data type, not the current one
        meaning = meaning.withQuantity(Quantity.OTHER);
      } else if (vife == SECOND_EXTENSION) {
        secondExtension = true;
      } else if (vife == UNCORRECTED_UNIT
          || vife == BASE_CONDITIONS
          || vife == STANDARD_CONFORM_CONTENT) {
        // uncorrected unit, value at base conditions, standard conform content: same quantity
      } else {
        // average values, compact profiles, per time/unit, limits, durations, start dates,
        // additive corrections, reserved codes: the value is no longer the quantity of the VIF,
        // so keep it raw, never in the index.
        meaning = VifMeaning.UNKNOWN;
      }
      return false;
    }

    private static VifMeaning scaleBy(VifMeaning meaning, int exponent) {
      return meaning.kind() == ValueKind.NUMBER ? meaning.plusExponent(exponent) : meaning;
    }

    private static VifMeaning direction(VifMeaning meaning, boolean forward) {
      Quantity quantity = meaning.quantity();
      if (quantity == Quantity.VOLUME) {
        return meaning.withQuantity(forward ? Quantity.VOLUME_FORWARD : Quantity.VOLUME_BACKWARD);
      }
      if (quantity == Quantity.ENERGY) {
        return meaning.withQuantity(forward ? Quantity.ENERGY_FORWARD : Quantity.ENERGY_BACKWARD);
      }
      return VifMeaning.UNKNOWN; // a one-way flow of another quantity: never the plain quantity
    }
  }
}
