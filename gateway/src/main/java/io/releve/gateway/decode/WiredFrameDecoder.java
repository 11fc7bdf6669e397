package io.releve.gateway.decode;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one wired M-Bus long frame, {@code 68 L L 68 C A CI … CS 16} (EN 13757-2 link layer, EN
 * 13757-3 application layer), into a {@link DecodedFrame}.
 *
 * <p>Framing is checked strictly first (start and stop bytes, both L fields, length, checksum),
 * then the CI field selects the application layer: 0x72 variable data with long header, 0x73 fixed
 * data structure, 0x70 application error. Pure and stateless: safe to share between threads.
 */
public final class WiredFrameDecoder {
  static final int START_LONG = 0x68;
  static final int START_SHORT = 0x10;
  static final int SINGLE_CHARACTER_ACK = 0xE5;
  static final int STOP = 0x16;

  /** C field function code of RSP_UD, the slave's data response (low nibble 8). */
  static final int C_RSP_UD = 0x08;

  static final int CI_APPLICATION_ERROR = 0x70;
  static final int CI_RESPONSE_LONG_HEADER = 0x72;
  static final int CI_RESPONSE_FIXED = 0x73;

  /**
   * 12 bytes of long header: id (4, BCD), manufacturer (2), version, medium, access, status,
   * signature (2).
   */
  static final int LONG_HEADER_LENGTH = 12;

  /**
   * Signature FFFF: older meters fill the unused signature (now configuration) field with ones; it
   * does not announce encryption.
   */
  private static final int LEGACY_SIGNATURE_UNUSED = 0xFFFF;

  /** Offset of the CI field in a long frame. */
  private static final int CI_OFFSET = 6;

  /** L counts C, A and CI at least. */
  private static final int MIN_L = 3;

  /**
   * Decodes a frame.
   *
   * @param frame the whole frame, from the first 0x68 to the stop byte 0x16
   * @return the decoded frame
   * @throws FrameRejectedException when the frame is not a well-formed RSP_UD this decoder reads;
   *     nothing else is ever thrown, whatever the bytes
   */
  public DecodedFrame decode(byte[] frame) throws FrameRejectedException {
    if (frame == null) {
      throw new FrameRejectedException(RejectionReason.TRUNCATED, "No frame (null).");
    }
    try {
      int end = checkFraming(frame);
      return decodeApplicationLayer(frame, end);
    } catch (RuntimeException e) {
      throw new FrameRejectedException(
          RejectionReason.INTERNAL_ERROR, "The decoder failed on this frame: " + e, e);
    }
  }

  /** Parses hex (whitespace ignored) and decodes it; bad hex is {@link RejectionReason#BAD_HEX}. */
  public DecodedFrame decodeHex(CharSequence hex) throws FrameRejectedException {
    return decode(Hex.parse(hex));
  }

  /** Checks the link-layer framing; returns the offset of the checksum byte (end of data). */
  private static int checkFraming(byte[] frame) throws FrameRejectedException {
    if (frame.length == 0) {
      throw new FrameRejectedException(RejectionReason.TRUNCATED, "The frame is empty.");
    }
    int first = frame[0] & 0xFF;
    if (first == SINGLE_CHARACTER_ACK && frame.length == 1) {
      throw new FrameRejectedException(
          RejectionReason.NOT_A_DATA_FRAME,
          "Single character E5 (acknowledgement) is not a data frame.");
    }
    if (first == START_SHORT) {
      throw new FrameRejectedException(
          RejectionReason.NOT_A_DATA_FRAME,
          "Short frame (start byte 0x10) is not a data frame; a long frame starts with 0x68.");
    }
    if (first != START_LONG) {
      throw new FrameRejectedException(
          RejectionReason.BAD_START,
          "Start byte is " + Hex.ofByte(first) + ", expected 0x68 (long frame).");
    }
    if (frame.length < 4) {
      throw new FrameRejectedException(
          RejectionReason.TRUNCATED,
          "Frame has " + frame.length + " bytes; a long frame header alone has 4.");
    }
    int l1 = frame[1] & 0xFF;
    int l2 = frame[2] & 0xFF;
    if ((frame[3] & 0xFF) != START_LONG) {
      throw new FrameRejectedException(
          RejectionReason.BAD_START,
          "Second start byte is " + Hex.ofByte(frame[3] & 0xFF) + ", expected 0x68.");
    }
    if (l1 != l2) {
      throw new FrameRejectedException(
          RejectionReason.LENGTH_MISMATCH,
          "The two L fields differ: " + Hex.ofByte(l1) + " and " + Hex.ofByte(l2) + ".");
    }
    if (l1 < MIN_L) {
      throw new FrameRejectedException(
          RejectionReason.LENGTH_MISMATCH,
          "L field is " + l1 + "; it must be at least 3 (C, A and CI).");
    }
    int expected = l1 + 6; // 68 L L 68, L bytes, CS, 16
    if (frame.length < expected) {
      throw new FrameRejectedException(
          RejectionReason.TRUNCATED,
          "Frame is truncated: L = "
              + l1
              + " needs "
              + expected
              + " bytes, got "
              + frame.length
              + ".");
    }
    if (frame.length > expected) {
      throw new FrameRejectedException(
          RejectionReason.LENGTH_MISMATCH,
          "Frame has "
              + frame.length
              + " bytes but L = "
              + l1
              + " gives "
              + expected
              + ": bytes follow the frame.");
    }
    int checksumAt = 4 + l1;
    int stop = frame[checksumAt + 1] & 0xFF;
    if (stop != STOP) {
      throw new FrameRejectedException(
          RejectionReason.BAD_STOP, "Stop byte is " + Hex.ofByte(stop) + ", expected 0x16.");
    }
    int sum = 0;
    for (int i = 4; i < checksumAt; i++) {
      sum += frame[i];
    }
    int expectedChecksum = sum & 0xFF;
    int actualChecksum = frame[checksumAt] & 0xFF;
    if (expectedChecksum != actualChecksum) {
      throw new FrameRejectedException(
          RejectionReason.BAD_CHECKSUM,
          "Checksum is wrong: expected "
              + Hex.ofByte(expectedChecksum)
              + " (sum of C to last data byte), frame has "
              + Hex.ofByte(actualChecksum)
              + ".");
    }
    int c = frame[4] & 0xFF;
    if ((c & 0x0F) != C_RSP_UD) {
      throw new FrameRejectedException(
          RejectionReason.NOT_A_DATA_FRAME,
          "C field " + Hex.ofByte(c) + " is not RSP_UD (0x08): not a data response.");
    }
    return checksumAt;
  }

  private static DecodedFrame decodeApplicationLayer(byte[] frame, int end)
      throws FrameRejectedException {
    int ci = frame[CI_OFFSET] & 0xFF;
    int data = CI_OFFSET + 1;
    switch (ci) {
      case CI_RESPONSE_LONG_HEADER:
        return decodeVariableData(frame, data, end);
      case CI_RESPONSE_FIXED:
        requireHeader(frame, data, end, FixedDataStructure.LENGTH, ci);
        return FixedDataStructure.decode(frame, data);
      case CI_APPLICATION_ERROR:
        return applicationError(frame, data, end);
      default:
        throw new FrameRejectedException(
            RejectionReason.UNSUPPORTED_CI,
            "CI field "
                + Hex.ofByte(ci)
                + " is not supported (supported: 0x72 variable data, 0x73 fixed data, 0x70"
                + " application error).");
    }
  }

  private static DecodedFrame decodeVariableData(byte[] frame, int h, int end)
      throws FrameRejectedException {
    requireHeader(frame, h, end, LONG_HEADER_LENGTH, CI_RESPONSE_LONG_HEADER);
    DeviceIdentity device = LongHeader.identity(frame, h);
    int accessNumber = frame[h + 8] & 0xFF;
    int status = frame[h + 9] & 0xFF;
    int configuration = (frame[h + 10] & 0xFF) | (frame[h + 11] & 0xFF) << 8;
    int securityMode = (configuration >> 8) & 0x1F;
    if (securityMode != 0 && configuration != LEGACY_SIGNATURE_UNUSED) {
      throw new FrameRejectedException(
          RejectionReason.UNSUPPORTED_CI,
          "Configuration field "
              + String.format("0x%04X", configuration)
              + " announces security mode "
              + securityMode
              + "; encrypted wired frames are not supported.");
    }
    DataRecordParser.Body body = DataRecordParser.parse(frame, h + LONG_HEADER_LENGTH, end);
    return new DecodedFrame(
        device,
        device.medium(),
        accessNumber,
        status,
        body.records(),
        Optional.empty(),
        body.moreRecordsFollow(),
        body.manufacturerData());
  }

  private static DecodedFrame applicationError(byte[] frame, int data, int end) {
    // The error code byte is optional: with no data byte the error is unspecified.
    int code = data < end ? frame[data] & 0xFF : 0;
    return new DecodedFrame(
        null,
        Medium.UNKNOWN,
        DecodedFrame.NOT_PRESENT,
        DecodedFrame.NOT_PRESENT,
        List.of(),
        Optional.of(ApplicationError.describe(code)),
        false,
        data + 1 < end ? Hex.format(frame, data + 1, end - data - 1) : "");
  }

  private static void requireHeader(byte[] frame, int offset, int end, int needed, int ci)
      throws FrameRejectedException {
    if (end - offset < needed) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "CI "
              + Hex.ofByte(ci)
              + " needs a "
              + needed
              + "-byte header but the frame has only "
              + (end - offset)
              + " bytes after the CI field.");
    }
  }
}
