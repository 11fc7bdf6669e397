package io.releve.gateway.decode;

import java.util.HexFormat;

/** Builds wired long frames for tests: header and records in, a framed RSP_UD with checksum out. */
final class FrameBuilder {
  /**
   * Id 12345678, manufacturer ELS, version 0x33, water (0x07), access 0x2A, status 0, no signature.
   */
  static final String WATER_HEADER = "78563412" + "9315" + "33" + "07" + "2A" + "00" + "0000";

  private FrameBuilder() {}

  /** A long RSP_UD frame with CI 0x72, {@link #WATER_HEADER} and these records (hex). */
  static byte[] withRecords(String... records) {
    return longFrame(0x72, WATER_HEADER + String.join("", records));
  }

  /** {@code 68 L L 68 08 01 CI data CS 16} with L and CS computed. */
  static byte[] longFrame(int ci, String dataHex) {
    byte[] data = HexFormat.of().parseHex(dataHex.replace(" ", ""));
    int l = data.length + 3;
    byte[] frame = new byte[l + 6];
    frame[0] = 0x68;
    frame[1] = (byte) l;
    frame[2] = (byte) l;
    frame[3] = 0x68;
    frame[4] = 0x08;
    frame[5] = 0x01;
    frame[6] = (byte) ci;
    System.arraycopy(data, 0, frame, 7, data.length);
    int sum = 0;
    for (int i = 4; i < 4 + l; i++) {
      sum += frame[i];
    }
    frame[4 + l] = (byte) sum;
    frame[5 + l] = 0x16;
    return frame;
  }
}
