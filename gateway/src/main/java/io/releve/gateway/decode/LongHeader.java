package io.releve.gateway.decode;

import io.releve.gateway.device.DeviceIdentity;

/**
 * The identity part of the long application header (EN 13757-3): identification number (4 bytes
 * BCD, least significant first), manufacturer (2 bytes, three 5-bit letters), version, device type.
 */
public final class LongHeader {
  private LongHeader() {}

  /**
   * The identity at {@code h}: I I I I M M V T.
   *
   * @throws FrameRejectedException BAD_HEADER when the manufacturer or id is not valid
   */
  public static DeviceIdentity identity(byte[] b, int h) throws FrameRejectedException {
    String id = Hex.format(new byte[] {b[h + 3], b[h + 2], b[h + 1], b[h]});
    int code = (b[h + 4] & 0xFF) | (b[h + 5] & 0x7F) << 8;
    String manufacturer = manufacturer(code);
    int version = b[h + 6] & 0xFF;
    int type = b[h + 7] & 0xFF;
    try {
      return new DeviceIdentity(manufacturer, id, version, type);
    } catch (IllegalArgumentException e) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "Long header identity is not valid (manufacturer code "
              + String.format("0x%04X", code)
              + " = ["
              + manufacturer
              + "], id ["
              + id
              + "]): "
              + e.getMessage(),
          e);
    }
  }

  /** Three letters of 5 bits each, 1 = 'A' (0 gives '@', the code of "no manufacturer"). */
  public static String manufacturer(int code) {
    char[] letters = {
      (char) (((code >> 10) & 0x1F) + 64),
      (char) (((code >> 5) & 0x1F) + 64),
      (char) ((code & 0x1F) + 64)
    };
    return new String(letters);
  }
}
