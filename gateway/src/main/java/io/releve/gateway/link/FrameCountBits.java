package io.releve.gateway.link;

import java.util.Arrays;

/**
 * The FCB the master sends next to each address (EN 13757-2): set after SND_NKE or a selection (a
 * reset slave answers its first telegram whatever the FCB), kept on a retry so the slave repeats
 * its last telegram, toggled only after a good reply so the slave sends its next one.
 */
final class FrameCountBits {
  /** One entry per address 0–255; true = FCB set. */
  private final boolean[] next = new boolean[256];

  FrameCountBits() {
    Arrays.fill(next, true);
  }

  /** After SND_NKE to {@code address}, or a selection for 0xFD. */
  void reset(int address) {
    next[address] = true;
  }

  /** After a good reply from {@code address}. */
  void toggle(int address) {
    next[address] = !next[address];
  }

  /** The C field of the next REQ_UD2 to {@code address}: FCV always set, FCB as tracked. */
  int reqUd2Control(int address) {
    return LinkFrames.C_REQ_UD2 | (next[address] ? LinkFrames.FCB : 0);
  }
}
