package io.releve.gateway.link;

/**
 * Whether a telegram ends with "more records follow" (EN 13757-3: DIF 0x1F), so the master must
 * send another REQ_UD2. The DIF only counts at a record boundary, so the records are walked: DIF,
 * DIFEs, VIF (plain-text unit included), VIFEs and the data length the DIF gives.
 */
final class MoreRecords {
  private static final int EXTENSION = 0x80;
  private static final int DIF_MANUFACTURER_DATA = 0x0F;
  private static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;
  private static final int DIF_IDLE_FILLER = 0x2F;
  private static final int DATA_FIELD_LVAR = 0x0D;
  private static final int VIF_PLAIN_TEXT = 0x7C;

  /** Data bytes for DIF data field codes 0x0–0xE (0xD, variable length, is read from LVAR). */
  private static final int[] DATA_LENGTH = {0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6};

  private MoreRecords() {}

  /**
   * Whether the records of {@code frame}, a checked RSP_UD long frame, end with DIF 0x1F. False for
   * DIF 0x0F (manufacturer data to the end, no more telegrams), for a CI without variable data, and
   * for records cut short or malformed: the decoder reports those, the readout stops.
   */
  static boolean follow(byte[] frame) {
    int p = LongHeaders.recordsStart(frame);
    if (p < 0) {
      return false;
    }
    int end = frame.length - 2; // before checksum and stop byte
    while (p < end) {
      int dif = frame[p++] & 0xFF;
      if (dif == DIF_IDLE_FILLER) {
        continue;
      }
      if ((dif & 0x0F) == 0x0F) {
        return dif == DIF_MORE_RECORDS_FOLLOW; // 0x0F, or a reserved/special function: the end
      }
      p = skipExtensions(frame, dif, p, end); // DIFEs
      if (p >= end) {
        return false;
      }
      int vif = frame[p++] & 0xFF;
      if ((vif & 0x7F) == VIF_PLAIN_TEXT) {
        if (p >= end) {
          return false;
        }
        p += 1 + (frame[p] & 0xFF); // length byte, then the unit's characters
      }
      p = skipExtensions(frame, vif, p, end); // VIFEs
      int length = DATA_LENGTH[dif & 0x0F];
      if ((dif & 0x0F) == DATA_FIELD_LVAR) {
        if (p >= end) {
          return false;
        }
        length = lvarLength(frame[p++] & 0xFF);
        if (length < 0) {
          return false;
        }
      }
      p += length;
    }
    return false;
  }

  /** Skips the extension bytes that follow {@code first} while the extension bit is set. */
  private static int skipExtensions(byte[] frame, int first, int p, int end) {
    boolean extension = (first & EXTENSION) != 0;
    while (extension && p < end) {
      extension = (frame[p++] & EXTENSION) != 0;
    }
    return extension ? end : p;
  }

  /** Data bytes after an LVAR byte (EN 13757-3 table 5), -1 for a reserved value. */
  private static int lvarLength(int lvar) {
    if (lvar <= 0xBF) {
      return lvar; // text
    }
    if (lvar >= 0xC0 && lvar <= 0xC9) {
      return lvar - 0xC0; // positive BCD
    }
    if (lvar >= 0xD0 && lvar <= 0xD9) {
      return lvar - 0xD0; // negative BCD
    }
    if (lvar >= 0xE0 && lvar <= 0xEF) {
      return lvar - 0xE0; // binary
    }
    if (lvar >= 0xF0 && lvar <= 0xF4) {
      return 4 * (lvar - 0xEC); // binary, 16 to 32 bytes
    }
    if (lvar == 0xF5) {
      return 48;
    }
    return lvar == 0xF6 ? 64 : -1;
  }
}
