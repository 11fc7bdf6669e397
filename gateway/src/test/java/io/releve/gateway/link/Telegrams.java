package io.releve.gateway.link;

import io.releve.gateway.device.DeviceIdentity;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * RSP_UD telegrams and masters' requests for link-layer tests, framed as EN 13757-2 says and with
 * the long header of EN 13757-3 (CI 0x72). Public so the transport tests can use it too.
 */
public final class Telegrams {
  /** DIF 0x1F: more records follow in the next telegram (EN 13757-3). */
  public static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;

  /** A water meter, id 12345678, manufacturer LUG, version 0x0A, medium 0x07 (water). */
  public static final SecondaryAddress WATER =
      new SecondaryAddress(new DeviceIdentity("LUG", "12345678", 0x0A, 0x07));

  private Telegrams() {}

  /** A secondary address of a water meter with {@code id}. */
  public static SecondaryAddress water(String id) {
    return new SecondaryAddress(new DeviceIdentity("LUG", id, 0x0A, 0x07));
  }

  /**
   * An RSP_UD from primary {@code address} with the long header of {@code secondary}, one volume
   * record (DIF 04, VIF 13: litres, 32-bit) holding {@code value}, and DIF 0x1F at the end when
   * {@code more}.
   */
  public static byte[] rspUd(int address, SecondaryAddress secondary, int value, boolean more) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(secondary.toBytes());
    data.writeBytes(new byte[] {0x2A, 0x00, 0x00, 0x00}); // access no., status, signature
    data.writeBytes(
        new byte[] {0x04, 0x13, (byte) value, (byte) (value >> 8), (byte) (value >> 16), 0});
    if (more) {
      data.write(DIF_MORE_RECORDS_FOLLOW);
    }
    return LinkFrames.longFrame(
        LinkFrames.C_RSP_UD, address, LongHeaders.CI_LONG_HEADER, data.toByteArray());
  }

  /** {@link #rspUd(int, SecondaryAddress, int, boolean)} of {@link #WATER}. */
  public static byte[] rspUd(int address, int value, boolean more) {
    return rspUd(address, WATER, value, more);
  }

  /** The same frame with its checksum spoiled. */
  public static byte[] badChecksum(byte[] frame) {
    byte[] copy = Arrays.copyOf(frame, frame.length);
    copy[copy.length - 2] ^= 0x5A;
    return copy;
  }

  /** The E5 acknowledgement. */
  public static byte[] ack() {
    return new byte[] {(byte) LinkFrames.ACK};
  }

  /** The master's SND_NKE to {@code address}. */
  public static byte[] sndNke(int address) {
    return LinkFrames.shortFrame(LinkFrames.C_SND_NKE, address);
  }

  /** The master's REQ_UD2 to {@code address}, FCB set or clear. */
  public static byte[] reqUd2(int address, boolean fcb) {
    return LinkFrames.shortFrame(LinkFrames.C_REQ_UD2 | (fcb ? LinkFrames.FCB : 0), address);
  }

  /** Bytes from hex, spaces allowed. */
  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** Hex of bytes, upper case, space-separated, for messages. */
  public static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }
}
