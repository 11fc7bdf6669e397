package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;

/**
 * Reads a meter identity from the two layouts radio telegrams use (EN 13757-4 data link layer, EN
 * 13757-3 long header): the link layer sends manufacturer (2 bytes) then the A field (id 4 bytes
 * BCD least significant first, version, device type); the long TPL header sends the id first.
 */
final class LinkAddress {
  private LinkAddress() {}

  /** M M I I I I V T at {@code at}, as in the data link layer and ELL 0x8E. */
  static DeviceIdentity manufacturerFirst(byte[] b, int at) throws FrameRejectedException {
    return identity(b, at, at + 2, at, "data link layer");
  }

  /** I I I I M M V T at {@code at}, as in the long TPL header (CI 0x72). */
  static DeviceIdentity idFirst(byte[] b, int at) throws FrameRejectedException {
    return identity(b, at + 4, at, at, "long TPL header");
  }

  private static DeviceIdentity identity(byte[] b, int man, int id, int at, String where)
      throws FrameRejectedException {
    String digits = Hex.format(new byte[] {b[id + 3], b[id + 2], b[id + 1], b[id]});
    int code = (b[man] & 0xFF) | (b[man + 1] & 0x7F) << 8;
    String manufacturer = letters(code);
    try {
      return new DeviceIdentity(manufacturer, digits, b[at + 6] & 0xFF, b[at + 7] & 0xFF);
    } catch (IllegalArgumentException e) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "The "
              + where
              + " identity at offset "
              + at
              + " is not valid (manufacturer code "
              + String.format("0x%04X", code)
              + ", id "
              + digits
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /** Three letters of 5 bits each, 1 = 'A' (EN 13757-3 manufacturer code). */
  private static String letters(int code) {
    return new String(
        new char[] {
          (char) (((code >> 10) & 0x1F) + 64),
          (char) (((code >> 5) & 0x1F) + 64),
          (char) ((code & 0x1F) + 64)
        });
  }
}
