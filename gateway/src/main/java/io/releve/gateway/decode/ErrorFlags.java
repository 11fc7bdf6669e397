package io.releve.gateway.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The error flags a meter sends as a data record with VIF 0xFD 0x17 (EN 13757-3:2018 table 14,
 * "error flags (binary)"): a bit field whose meaning the standard leaves to the device type and the
 * manufacturer, so it is given as the numbers of the bits that are set.
 *
 * @param bits the bit field as sent, bit 0 first (up to 64 bits)
 */
public record ErrorFlags(long bits) {

  /** True when no bit is set. */
  public boolean isEmpty() {
    return bits == 0;
  }

  /** The numbers of the set bits, lowest first: {@code 0x4001} is {@code [0, 14]}. */
  public List<Integer> setBits() {
    List<Integer> set = new ArrayList<>(Long.bitCount(bits));
    for (int bit = 0; bit < Long.SIZE; bit++) {
      if ((bits & (1L << bit)) != 0) {
        set.add(bit);
      }
    }
    return set;
  }
}
