package io.releve.gateway.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The depth-first search by secondary address (EN 13757-3 §5 wildcards): select a mask; nobody
 * answers (asked once: see {@link MBusMaster#select(SecondaryAddressMask, int, boolean)}), nothing
 * below; several answer, try each value of the next wildcard digit (most significant first); one
 * clean E5, ask the selected slaves for data at 0xFD, because identical E5s of several slaves
 * overlap into one clean E5 and only their data collides.
 */
final class WildcardScan {
  /**
   * Values of one id digit tried when descending: 0–9, and A–E, which some meters send in their BCD
   * id (F is the wildcard itself, so a meter's F digit can only be matched by a wildcard).
   */
  private static final int DIGITS = SecondaryAddressMask.MAX_DIGIT + 1;

  private final MBusMaster master;
  private final ScanListener listener;
  private final List<FoundMeter> meters = new ArrayList<>();
  private final List<SecondaryAddressMask> unresolved = new ArrayList<>();

  /** First-digit branches finished: the scan's progress, out of {@link #DIGITS}. */
  private int done;

  WildcardScan(MBusMaster master, ScanListener listener) {
    this.master = master;
    this.listener = listener;
  }

  /** Scans from {@link SecondaryAddressMask#ALL}, then deselects (SND_NKE to 0xFD). */
  SecondaryScan run() throws IOException {
    try {
      visit(SecondaryAddressMask.ALL);
    } catch (IOException e) {
      try {
        master.deselect();
      } catch (IOException deselect) {
        e.addSuppressed(deselect);
      }
      throw e;
    }
    master.deselect();
    listener.progress(DIGITS, DIGITS, "done");
    return new SecondaryScan(meters, unresolved);
  }

  private void visit(SecondaryAddressMask mask) throws IOException {
    listener.progress(done, DIGITS, mask.toString());
    // the first select is retried as any request: silence there would mean an empty bus
    int retries = mask.equals(SecondaryAddressMask.ALL) ? master.settings().retries() : 0;
    switch (master.select(mask, retries, true)) {
      case NONE -> {}
      case GARBLED -> descend(mask);
      case ACKNOWLEDGED -> {
        Readout readout = master.readSelected(mask);
        if (readout == null) {
          descend(mask);
        } else {
          FoundMeter meter = FoundMeter.of(readout);
          meters.add(meter);
          listener.found(meter);
        }
      }
    }
  }

  /** Several slaves match {@code mask}: tries 0–E for its first wildcard digit. */
  private void descend(SecondaryAddressMask mask) throws IOException {
    int position = mask.firstWildcard();
    if (position < 0) {
      unresolved.add(mask); // a complete id and still a collision
      return;
    }
    for (int digit = 0; digit < DIGITS; digit++) {
      visit(mask.withDigit(position, digit));
      if (position == 0) {
        done = digit + 1;
      }
    }
  }
}
