package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.DataRecordParser;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The format of a full frame's data records (EN 13757-3 compact frames, CI 0x79): the header of
 * each record (DIB and VIB) in order, the length of each record's data, and the format signature
 * that names this layout.
 *
 * <p>The format signature is the CRC-16 of EN 13757-4 (polynomial 0x3D65, initial value 0x0000,
 * final XOR 0xFFFF, no bit reflection) over the DIB and VIB bytes of every record, concatenated in
 * frame order: DIF, DIFEs, VIF, the plain-text unit of VIF 0x7C (length byte and characters),
 * VIFEs. The data bytes are left out, and so are idle fillers (DIF 0x2F, which carry no record) and
 * the manufacturer-specific data after DIF 0x0F/0x1F (which has no header). The parameters were
 * checked against real pairs of a full frame and the compact frame that follows it (Kamstrup
 * telegrams from the jmbus and wmbusmeters test suites): the signature computed here equals the one
 * the compact frame announces, and the same CRC over the full frame's record bytes equals the
 * compact frame's full-frame CRC.
 *
 * <p>Data lengths follow the DIF data field (EN 13757-3 table 4) with the same rules as the wired
 * record parser; a variable-length record (data field 0xD, LVAR) has length {@link #LVAR}: its LVAR
 * byte travels with the data, in the full frame as in the compact one.
 */
public final class FormatSignature {
  /** The data length given for a variable-length record: the LVAR byte that leads its data. */
  public static final int LVAR = -1;

  private static final int DIF_EXTENSION = 0x80;
  private static final int DIF_MANUFACTURER_DATA = 0x0F;
  private static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;
  private static final int DIF_IDLE_FILLER = 0x2F;
  private static final int DIF_DATA_FIELD_LVAR = 0x0D;
  private static final int MAX_DIFE = 10;
  private static final int MAX_VIFE = 10;
  private static final int VIF_EXTENSION = 0x80;
  private static final int VIF_EXTENSION_FB = 0x7B;
  private static final int VIF_PLAIN_TEXT = 0x7C;
  private static final int VIF_EXTENSION_FD = 0x7D;

  /** Data length in bytes for DIF data field codes 0x0–0xE (0xD is LVAR). */
  private static final int[] DATA_LENGTH = {0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, LVAR, 6};

  private final byte[][] headers;
  private final int[] dataLengths;
  private final int manufacturerDif;
  private final int headerLength;
  private final int value;

  private FormatSignature(byte[][] headers, int[] dataLengths, int manufacturerDif) {
    this.headers = headers;
    this.dataLengths = dataLengths;
    this.manufacturerDif = manufacturerDif;
    byte[] signed = headerBytes();
    this.headerLength = signed.length;
    this.value = crc16(signed);
  }

  /**
   * Reads the format of a full frame's data records: {@code records} starts at the first DIF (after
   * the transport layer header and, for an encrypted frame, after the 2F 2F check bytes and
   * decryption) and ends with the last record.
   *
   * @throws FrameRejectedException {@link RejectionReason#MALFORMED_RECORD} naming the offset in
   *     {@code records} when a record is cut short, has more than 10 DIFEs or VIFEs, or uses a
   *     reserved DIF, VIF or LVAR
   */
  public static FormatSignature of(byte[] records) throws FrameRejectedException {
    List<byte[]> headers = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    int manufacturerDif = 0;
    int p = 0;
    while (p < records.length) {
      int recordStart = p;
      int dif = records[p++] & 0xFF;
      if (dif == DIF_IDLE_FILLER) {
        continue;
      }
      if ((dif & 0x0F) == 0x0F) {
        if (dif == DIF_MANUFACTURER_DATA || dif == DIF_MORE_RECORDS_FOLLOW) {
          manufacturerDif = dif;
          break;
        }
        throw malformed(recordStart, String.format(Locale.ROOT, "DIF 0x%02X is reserved", dif));
      }
      p = skipDifes(records, p, dif, recordStart);
      if (p >= records.length) {
        throw malformed(recordStart, "the record has no VIF");
      }
      p = skipVib(records, p, recordStart);
      headers.add(Arrays.copyOfRange(records, recordStart, p));
      int length = DATA_LENGTH[dif & 0x0F];
      lengths.add(length);
      if (length == LVAR) {
        if (p >= records.length) {
          throw malformed(recordStart, "the LVAR byte is missing");
        }
        length = 1 + lvarLength(records[p] & 0xFF, recordStart);
      }
      if (p + length > records.length) {
        throw malformed(
            recordStart,
            "the data needs " + length + " bytes but only " + (records.length - p) + " remain");
      }
      p += length;
    }
    return new FormatSignature(
        headers.toArray(new byte[0][]),
        lengths.stream().mapToInt(Integer::intValue).toArray(),
        manufacturerDif);
  }

  /** The format signature, 0x0000–0xFFFF, as a compact frame announces it. */
  public int value() {
    return value;
  }

  /** The number of data records (idle fillers and manufacturer data not counted). */
  public int recordCount() {
    return headers.length;
  }

  /**
   * The data length of each record in frame order, in bytes, or {@link #LVAR} for a variable-length
   * record. A compact frame carries these data one after the other.
   */
  public int[] dataLengths() {
    return dataLengths.clone();
  }

  /** True when the full frame ended with manufacturer-specific data (DIF 0x0F or 0x1F). */
  public boolean endsWithManufacturerData() {
    return manufacturerDif != 0;
  }

  /** The bytes the signature is computed over: every record's DIB and VIB, in frame order. */
  public byte[] headerBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] header : headers) {
      out.writeBytes(header);
    }
    return out.toByteArray();
  }

  /**
   * Rebuilds full data records from a compact frame's data: each record's header followed by its
   * data taken in turn from {@code data}. When the full frame ended with manufacturer-specific
   * data, its DIF is put back and whatever data remains follows it.
   *
   * @throws FrameRejectedException {@link RejectionReason#MALFORMED_RECORD} when {@code data} is
   *     too short for the records, has bytes left over (and the format has no manufacturer data to
   *     take them), or carries a reserved LVAR
   */
  public byte[] expand(byte[] data) throws FrameRejectedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(headerLength + data.length + 1);
    int p = 0;
    for (int i = 0; i < headers.length; i++) {
      int length = dataLengths[i];
      if (length == LVAR) {
        if (p >= data.length) {
          throw shortData(data.length);
        }
        length = 1 + lvarLengthInCompact(data[p] & 0xFF, i);
      }
      if (p + length > data.length) {
        throw shortData(data.length);
      }
      out.writeBytes(headers[i]);
      out.write(data, p, length);
      p += length;
    }
    if (manufacturerDif != 0) {
      out.write(manufacturerDif);
      out.write(data, p, data.length - p);
    } else if (p != data.length) {
      throw new FrameRejectedException(
          RejectionReason.MALFORMED_RECORD,
          String.format(
              Locale.ROOT,
              "compact frame with format signature 0x%04X carries %d data bytes but the records of"
                  + " its full frame take %d.",
              value,
              data.length,
              p));
    }
    return out.toByteArray();
  }

  /**
   * The EN 13757-4 CRC-16 of {@code bytes}, the data-link CRC ({@link LinkCrc}): polynomial 0x3D65,
   * initial 0x0000, final XOR 0xFFFF.
   */
  public static int crc16(byte[] bytes) {
    return LinkCrc.of(bytes, 0, bytes.length);
  }

  private static int skipDifes(byte[] b, int p, int dif, int recordStart)
      throws FrameRejectedException {
    boolean extension = (dif & DIF_EXTENSION) != 0;
    int difes = 0;
    while (extension) {
      if (p >= b.length) {
        throw malformed(recordStart, "the DIB ends with the records (DIFE missing)");
      }
      if (difes == MAX_DIFE) {
        throw malformed(recordStart, "more than " + MAX_DIFE + " DIFEs");
      }
      extension = (b[p++] & DIF_EXTENSION) != 0;
      difes++;
    }
    return p;
  }

  /** Skips the VIB at {@code p} (VIF, plain-text unit, VIFEs); returns the offset after it. */
  private static int skipVib(byte[] b, int p, int recordStart) throws FrameRejectedException {
    int vif = b[p++] & 0xFF;
    int code = vif & 0x7F;
    boolean extension = (vif & VIF_EXTENSION) != 0;
    if ((code == VIF_EXTENSION_FB || code == VIF_EXTENSION_FD) && !extension) {
      throw malformed(recordStart, String.format(Locale.ROOT, "VIF 0x%02X is reserved", vif));
    }
    if (code == VIF_PLAIN_TEXT) {
      // The unit is sent as text: a length byte, then the characters, before any VIFE.
      if (p >= b.length) {
        throw malformed(recordStart, "the plain-text VIF has no length byte");
      }
      int textLength = b[p++] & 0xFF;
      if (p + textLength > b.length) {
        throw malformed(recordStart, "the plain-text VIF runs past the end of the records");
      }
      p += textLength;
    }
    int vifes = 0;
    while (extension) {
      if (p >= b.length) {
        throw malformed(recordStart, "the VIB ends with the records (VIFE missing)");
      }
      if (vifes == MAX_VIFE) {
        throw malformed(recordStart, "more than " + MAX_VIFE + " VIFEs");
      }
      extension = (b[p++] & VIF_EXTENSION) != 0;
      vifes++;
    }
    return p;
  }

  private static int lvarLength(int lvar, int recordStart) throws FrameRejectedException {
    int length = DataRecordParser.lvarDataLength(lvar);
    if (length < 0) {
      throw malformed(recordStart, String.format(Locale.ROOT, "LVAR 0x%02X is reserved", lvar));
    }
    return length;
  }

  private int lvarLengthInCompact(int lvar, int record) throws FrameRejectedException {
    int length = DataRecordParser.lvarDataLength(lvar);
    if (length < 0) {
      throw new FrameRejectedException(
          RejectionReason.MALFORMED_RECORD,
          String.format(
              Locale.ROOT,
              "compact frame with format signature 0x%04X: record %d has the reserved LVAR"
                  + " 0x%02X.",
              value,
              record,
              lvar));
    }
    return length;
  }

  private FrameRejectedException shortData(int dataLength) {
    return new FrameRejectedException(
        RejectionReason.MALFORMED_RECORD,
        String.format(
            Locale.ROOT,
            "compact frame with format signature 0x%04X carries %d data bytes, too few for the"
                + " records of its full frame.",
            value,
            dataLength));
  }

  private static FrameRejectedException malformed(int offset, String what) {
    return new FrameRejectedException(
        RejectionReason.MALFORMED_RECORD,
        "Malformed data record at byte " + offset + " of the full frame's records: " + what + ".");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FormatSignature that
        && manufacturerDif == that.manufacturerDif
        && Arrays.deepEquals(headers, that.headers);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(headers) + manufacturerDif;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "FormatSignature[0x%04X, %d records]", value, headers.length);
  }
}
