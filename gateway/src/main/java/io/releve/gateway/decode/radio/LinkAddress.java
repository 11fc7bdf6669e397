package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.LongHeader;
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
    byte[] idFirst = new byte[8];
    System.arraycopy(b, at + 2, idFirst, 0, 4);
    idFirst[4] = b[at];
    idFirst[5] = b[at + 1];
    idFirst[6] = b[at + 6];
    idFirst[7] = b[at + 7];
    return identity(idFirst, 0, at, "data link layer");
  }

  /** I I I I M M V T at {@code at}, as in the long TPL header (CI 0x72). */
  static DeviceIdentity idFirst(byte[] b, int at) throws FrameRejectedException {
    return identity(b, at, at, "long TPL header");
  }

  private static DeviceIdentity identity(byte[] b, int h, int at, String where)
      throws FrameRejectedException {
    try {
      return LongHeader.identity(b, h);
    } catch (FrameRejectedException e) {
      throw new FrameRejectedException(
          e.reason(), "The " + where + " identity at offset " + at + ": " + e.getMessage(), e);
    }
  }
}
