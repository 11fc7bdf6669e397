package io.releve.gateway.decode.radio;

/**
 * The CRC of the wireless M-Bus data link layer (EN 13757-4 §9.5 frame formats A and B): CRC-16
 * with polynomial 0x3D65, initial value 0, the result complemented. The ELL payload CRC (CI 0x8D)
 * uses the same CRC. The check value of the ASCII digits "123456789" is 0xC2B7.
 */
final class LinkCrc {
  static final int POLYNOMIAL = 0x3D65;

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private LinkCrc() {}

  /** The CRC of {@code length} bytes from {@code offset}. */
  static int of(byte[] bytes, int offset, int length) {
    int crc = 0;
    for (int i = offset; i < offset + length; i++) {
      crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
    }
    return crc ^ 0xFFFF;
  }

  /** Whether the two bytes at {@code crcAt} (most significant first) are the CRC of the range. */
  static boolean matches(byte[] bytes, int offset, int length, int crcAt) {
    int sent = (bytes[crcAt] & 0xFF) << 8 | (bytes[crcAt + 1] & 0xFF);
    return sent == of(bytes, offset, length);
  }
}
