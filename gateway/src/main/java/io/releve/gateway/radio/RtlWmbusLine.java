package io.releve.gateway.radio;

import java.util.HexFormat;
import java.util.Optional;

/**
 * One line of {@code rtl_wmbus} output, semicolon separated: {@code
 * MODE;CRC_OK;3OUTOF6_OK;TIMESTAMP;PACKET_RSSI;CURRENT_RSSI;LINK_LAYER_ID;0xDATAGRAM}, such as
 * {@code T1;1;1;2024-05-08 10:13:54.000;91;109;2141B9E3;0x1944…}. The datagram comes without its
 * data-link CRCs. The timestamp is local time without a zone, so the reader stamps frames with its
 * own clock instead. PACKET_RSSI is an uncalibrated level (higher is stronger), not dBm.
 *
 * @param mode T1, C1 or S1
 * @param packetLevel the PACKET_RSSI column
 * @param telegram the datagram, from the L field on
 */
public record RtlWmbusLine(LinkMode mode, int packetLevel, byte[] telegram) {

  private static final int FIELDS = 8;
  private static final int MODE = 0;
  private static final int CRC_OK = 1;
  private static final int CODING_OK = 2;
  private static final int PACKET_RSSI = 4;
  private static final int DATAGRAM = 7;
  private static final String HEX_PREFIX = "0x";

  /** L C M M A A A A A A CI: the shortest telegram worth delivering. */
  private static final int MIN_TELEGRAM = 11;

  public RtlWmbusLine {
    telegram = telegram.clone();
  }

  @Override
  public byte[] telegram() {
    return telegram.clone();
  }

  /**
   * Parses {@code line}.
   *
   * @throws IllegalArgumentException saying what is wrong: a field count, a mode, a failed CRC or
   *     3-out-of-6 check (rtl_wmbus prints damaged datagrams too), bad hex
   */
  public static RtlWmbusLine parse(String line) {
    String[] fields = line.strip().split(";", -1);
    if (fields.length != FIELDS) {
      throw new IllegalArgumentException(
          "has " + fields.length + " fields separated by ';', not " + FIELDS + ".");
    }
    LinkMode mode = mode(fields[MODE]);
    if (!"1".equals(fields[CRC_OK]) || !"1".equals(fields[CODING_OK])) {
      throw new IllegalArgumentException(
          "was received damaged (CRC_OK "
              + fields[CRC_OK]
              + ", 3OUTOF6_OK "
              + fields[CODING_OK]
              + ").");
    }
    int level;
    try {
      level = Integer.parseInt(fields[PACKET_RSSI]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "has PACKET_RSSI [" + fields[PACKET_RSSI] + "], not a whole number.", e);
    }
    return new RtlWmbusLine(mode, level, datagram(fields[DATAGRAM]));
  }

  private static LinkMode mode(String text) {
    for (LinkMode mode : LinkMode.values()) {
      if (mode.name().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("has mode [" + text + "], not T1, C1 or S1.");
  }

  private static byte[] datagram(String text) {
    if (!text.startsWith(HEX_PREFIX)) {
      throw new IllegalArgumentException("has a datagram that does not start with 0x.");
    }
    String hex = text.substring(HEX_PREFIX.length());
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a datagram that is not hexadecimal.", e);
    }
    if (bytes.length < MIN_TELEGRAM) {
      throw new IllegalArgumentException(
          "has a datagram of " + bytes.length + " bytes, fewer than " + MIN_TELEGRAM + ".");
    }
    return bytes;
  }

  /** The level in dBm given a calibration offset, or none without one. */
  public Optional<Integer> rssiDbm(Optional<Integer> offsetDb) {
    return offsetDb.map(offset -> packetLevel + offset);
  }
}
