package io.releve.gateway.sim;

import io.releve.gateway.link.SecondaryAddress;

/**
 * The slave's reading of a select telegram's 8 data bytes (EN 13757-3 §5): the id in BCD, least
 * significant byte first, where a nibble {@code F} matches any digit; the manufacturer, where
 * {@code FFFF} matches any; version and medium, where {@code FF} matches any.
 *
 * <p>Written from the standard on the slave's side, apart from the master's own mask class, so that
 * the simulator checks the master rather than agreeing with it.
 */
final class SelectionMask {
  private static final int WILDCARD_NIBBLE = 0xF;
  private static final int WILDCARD_BYTE = 0xFF;

  private SelectionMask() {}

  /** Whether {@code mask}, the 8 bytes after CI 0x52, selects the slave at {@code address}. */
  static boolean matches(byte[] mask, SecondaryAddress address) {
    byte[] own = address.toBytes();
    for (int i = 0; i < 4; i++) {
      for (int shift = 0; shift <= 4; shift += 4) {
        int wanted = (mask[i] >> shift) & 0xF;
        if (wanted != WILDCARD_NIBBLE && wanted != ((own[i] >> shift) & 0xF)) {
          return false;
        }
      }
    }
    boolean anyManufacturer =
        (mask[4] & 0xFF) == WILDCARD_BYTE && (mask[5] & 0xFF) == WILDCARD_BYTE;
    if (!anyManufacturer && (mask[4] != own[4] || mask[5] != own[5])) {
      return false;
    }
    for (int i = 6; i < 8; i++) {
      if ((mask[i] & 0xFF) != WILDCARD_BYTE && mask[i] != own[i]) {
        return false;
      }
    }
    return true;
  }
}
