package io.releve.gateway.sim.radio;

/**
 * The CRC of the iM871A HCI frames (IMST WMBus HCI specification v1.6, "CRC16 field"): CRC-16/X-25,
 * the CCITT polynomial 0x1021 bit-reversed (0x8408), initial value 0xFFFF, the result complemented;
 * sent least significant byte first. Over a frame with its CRC the register ends at the residue
 * 0xF0B8 (0x0F47 complemented). Check value of the ASCII digits "123456789": 0x906E.
 */
final class HciCrc {
  private static final int REFLECTED_POLYNOMIAL = 0x8408;

  private HciCrc() {}

  static int of(byte[] bytes, int offset, int length) {
    int crc = 0xFFFF;
    for (int i = offset; i < offset + length; i++) {
      crc ^= bytes[i] & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLYNOMIAL : crc >>> 1;
      }
    }
    return ~crc & 0xFFFF;
  }
}
