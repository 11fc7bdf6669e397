package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;

/**
 * The transport layer header after the CI field (EN 13757-7 §7): none (0x78, and 0x79 compact
 * frames), short (0x7A: ACC, STS, CFG) or long (0x72: id, manufacturer, version, device type, then
 * ACC, STS, CFG). CFG is 2 bytes, least significant first; security mode 7 adds one byte, the CFG
 * extension.
 *
 * @param ci the TPL CI field
 * @param length bytes from the CI field to the first data byte
 * @param device the long header's identity, or null when the header has none
 * @param accessNumber ACC, or {@link DecodedFrame#NOT_PRESENT}
 * @param status STS, or {@link DecodedFrame#NOT_PRESENT}
 * @param configuration CFG, 0 when the header has none
 */
record TransportHeader(
    int ci, int length, DeviceIdentity device, int accessNumber, int status, int configuration) {

  static final int CI_LONG = 0x72;
  static final int CI_NONE = 0x78;
  static final int CI_COMPACT = 0x79;
  static final int CI_SHORT = 0x7A;

  /** Manufacturer-specific CI fields (EN 13757-7 table 2). */
  static final int CI_MANUFACTURER_FIRST = 0xA0;

  static final int CI_MANUFACTURER_LAST = 0xB7;

  /**
   * Mode 7 CFG extension bits 4–5: the key derivation function; 1 is KDF-A (AES-CMAC, EN 13757-7
   * §9.6), the only one defined.
   */
  static final int KDF_A = 1;

  static TransportHeader parse(byte[] b, int at, int end) throws FrameRejectedException {
    int ci = b[at] & 0xFF;
    switch (ci) {
      case CI_NONE, CI_COMPACT:
        return new TransportHeader(
            ci, 1, null, DecodedFrame.NOT_PRESENT, DecodedFrame.NOT_PRESENT, 0);
      case CI_SHORT:
        require(at, end, 5, ci);
        return withConfiguration(ci, b, at, at + 1, null, end);
      case CI_LONG:
        require(at, end, 13, ci);
        DeviceIdentity device = LinkAddress.idFirst(b, at + 1);
        return withConfiguration(ci, b, at, at + 9, device, end);
      default:
        if (ci >= CI_MANUFACTURER_FIRST && ci <= CI_MANUFACTURER_LAST) {
          throw new FrameRejectedException(
              RejectionReason.UNSUPPORTED_CI,
              "CI "
                  + ciText(ci)
                  + " at offset "
                  + at
                  + " is manufacturer-specific; it needs a manufacturer decoder.");
        }
        throw new FrameRejectedException(
            RejectionReason.UNSUPPORTED_CI,
            "CI "
                + ciText(ci)
                + " at offset "
                + at
                + " is not supported (supported: ELL 0x8C 0x8D 0x8E, AFL 0x90, TPL 0x72 0x78 0x79"
                + " 0x7A).");
    }
  }

  private static TransportHeader withConfiguration(
      int ci, byte[] b, int at, int accAt, DeviceIdentity device, int end)
      throws FrameRejectedException {
    int cfg = (b[accAt + 2] & 0xFF) | (b[accAt + 3] & 0xFF) << 8;
    int length = accAt + 4 - at;
    if (SecurityMode.of(mode(cfg)) == SecurityMode.AES_CBC_KDF) {
      require(at, end, length + 1, ci);
      int extension = b[at + length] & 0xFF;
      int kdf = (extension >> 4) & 0x03;
      if (kdf != KDF_A) {
        throw new FrameRejectedException(
            RejectionReason.UNSUPPORTED_SECURITY,
            "CFG extension "
                + String.format("0x%02X", extension)
                + " at offset "
                + (at + length)
                + " selects key derivation "
                + kdf
                + "; only 1 (KDF-A, AES-CMAC) is supported.");
      }
      length++; // the CFG extension byte of mode 7
    }
    return new TransportHeader(ci, length, device, b[accAt] & 0xFF, b[accAt + 1] & 0xFF, cfg);
  }

  /** The security mode number, bits 8–12 of CFG. */
  static int mode(int configuration) {
    return (configuration >> 8) & 0x1F;
  }

  int mode() {
    return mode(configuration);
  }

  /** The number of encrypted 16-byte blocks, bits 4–7 of CFG (modes 5 and 7). */
  int encryptedBlocks() {
    return (configuration >> 4) & 0x0F;
  }

  static String ciText(int ci) {
    return "0x" + Hex.format(new byte[] {(byte) ci});
  }

  private static void require(int at, int end, int needed, int ci) throws FrameRejectedException {
    if (end - at < needed) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "CI "
              + ciText(ci)
              + " at offset "
              + at
              + " needs a "
              + needed
              + "-byte header (CI included) but the telegram has "
              + (end - at)
              + " bytes from there.");
    }
  }
}
