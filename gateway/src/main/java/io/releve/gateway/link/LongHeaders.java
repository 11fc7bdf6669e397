package io.releve.gateway.link;

/** Reading the long header of an RSP_UD (EN 13757-3, CI 0x72) where the link layer needs it. */
final class LongHeaders {
  /** CI of an RSP_UD with variable data and a 12-byte long header. */
  static final int CI_LONG_HEADER = 0x72;

  /** CI of an RSP_UD with variable data and a 4-byte short header. */
  static final int CI_SHORT_HEADER = 0x7A;

  /** CI of an RSP_UD with variable data and no header. */
  static final int CI_NO_HEADER = 0x78;

  /** Offset of the secondary address in a long frame: after 68 L L 68 C A CI. */
  static final int ADDRESS_OFFSET = 7;

  /**
   * Bytes of the long header: id 4, manufacturer 2, version, medium, access no., status, sig. 2.
   */
  static final int LONG_HEADER_LENGTH = 12;

  /** Bytes of the short header: access number, status, signature 2. */
  static final int SHORT_HEADER_LENGTH = 4;

  private LongHeaders() {}

  /**
   * The secondary address in the long header of {@code frame}, a checked long frame; null when it
   * has none (another CI, too short) or the bytes name no valid identity (manufacturer letters).
   */
  static SecondaryAddress secondaryAddress(byte[] frame) {
    if (frame.length < ADDRESS_OFFSET + LONG_HEADER_LENGTH + 2
        || (frame[0] & 0xFF) != LinkFrames.LONG_START
        || LinkFrames.ci(frame) != CI_LONG_HEADER) {
      return null;
    }
    try {
      return SecondaryAddress.fromBytes(frame, ADDRESS_OFFSET);
    } catch (IllegalArgumentException e) {
      return null; // a header we cannot name a meter by is no header for the checks we make
    }
  }

  /**
   * Where the variable data records of {@code frame} start, after the CI and its header; -1 when
   * the CI announces no variable data structure.
   */
  static int recordsStart(byte[] frame) {
    return switch (LinkFrames.ci(frame)) {
      case CI_LONG_HEADER -> ADDRESS_OFFSET + LONG_HEADER_LENGTH;
      case CI_SHORT_HEADER -> ADDRESS_OFFSET + SHORT_HEADER_LENGTH;
      case CI_NO_HEADER -> ADDRESS_OFFSET;
      default -> -1;
    };
  }
}
