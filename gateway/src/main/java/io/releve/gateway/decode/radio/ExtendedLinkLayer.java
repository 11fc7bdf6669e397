package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.RejectionReason;

/**
 * The extended link layer (EN 13757-4 §13): CC and ACC, then for CI 0x8E a second address, for CI
 * 0x8D a session number (SN, 4 bytes) and a payload CRC that AES-CTR may encrypt with the payload.
 *
 * @param ci 0x8C, 0x8D or 0x8E
 * @param communicationControl the CC field
 * @param accessNumber the ACC field
 * @param sessionNumber the SN field (least significant byte first on the air), or -1
 * @param headerLength bytes from the CI field to the payload CRC or the next layer
 */
record ExtendedLinkLayer(
    int ci, int communicationControl, int accessNumber, long sessionNumber, int headerLength) {

  static final int CI_SHORT = 0x8C;
  static final int CI_SESSION = 0x8D;
  static final int CI_SECOND_ADDRESS = 0x8E;
  static final int CI_SECOND_ADDRESS_SESSION = 0x8F;

  /** SN bits 29–31: the encryption of the payload; 0 none, 1 AES-128-CTR. */
  static final int ENCRYPTION_NONE = 0;

  static final int ENCRYPTION_AES_CTR = 1;

  /**
   * CC bits a repeater or a repeated access may change after the meter encrypted, so the counter
   * block leaves them 0 (EN 13757-4; wmbusmeters does the same): H, the hop counter, and R, the
   * repeated access.
   */
  static final int CC_HOP = 0x10;

  static final int CC_REPEATED_ACCESS = 0x02;

  static boolean isEll(int ci) {
    return ci == CI_SHORT
        || ci == CI_SESSION
        || ci == CI_SECOND_ADDRESS
        || ci == CI_SECOND_ADDRESS_SESSION;
  }

  static ExtendedLinkLayer parse(byte[] b, int at, int end) throws FrameRejectedException {
    int ci = b[at] & 0xFF;
    if (ci == CI_SECOND_ADDRESS_SESSION) {
      throw new FrameRejectedException(
          RejectionReason.UNSUPPORTED_CI,
          "ELL CI 0x8F (second address with session number) at offset "
              + at
              + " is not supported.");
    }
    int length =
        switch (ci) {
          case CI_SHORT -> 3;
          case CI_SECOND_ADDRESS -> 11;
          default -> 9; // CI, CC, ACC, SN (4), payload CRC (2)
        };
    if (end - at < length) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "ELL CI "
              + Hex.format(new byte[] {(byte) ci})
              + " at offset "
              + at
              + " needs "
              + length
              + " bytes, the telegram has "
              + (end - at)
              + ".");
    }
    long sn = -1;
    int headerLength = length;
    if (ci == CI_SESSION) {
      sn =
          (b[at + 3] & 0xFFL)
              | (b[at + 4] & 0xFFL) << 8
              | (b[at + 5] & 0xFFL) << 16
              | (b[at + 6] & 0xFFL) << 24;
      headerLength = 7; // the payload CRC belongs to the (possibly encrypted) payload
    }
    return new ExtendedLinkLayer(ci, b[at + 1] & 0xFF, b[at + 2] & 0xFF, sn, headerLength);
  }

  /** The encryption field of the session number (bits 29–31). */
  int encryption() {
    return sessionNumber < 0 ? ENCRYPTION_NONE : (int) (sessionNumber >>> 29) & 0x07;
  }

  /**
   * The AES-CTR initial counter block: M (2), A (6) of the data link layer, CC with H and R
   * cleared, SN (4), frame number (2) and block counter (1), both 0.
   */
  byte[] counterBlock(byte[] telegram) {
    byte[] counter = new byte[Aes.BLOCK];
    System.arraycopy(telegram, 2, counter, 0, 8);
    counter[8] = (byte) (communicationControl & ~(CC_HOP | CC_REPEATED_ACCESS));
    for (int i = 0; i < 4; i++) {
      counter[9 + i] = (byte) (sessionNumber >>> (8 * i));
    }
    return counter;
  }
}
