package io.releve.gateway.sim.building;

import java.util.List;

/**
 * One draw of water: a flush, a shower, a fill of the dishwasher. The water flows evenly from its
 * start for its duration, so a shower that starts at 06:55 and lasts ten minutes puts half its
 * litres in the hour of 6 and half in the hour of 7.
 *
 * @param startSecond seconds from the local midnight of the day it belongs to; past 86 400 it runs
 *     into the next day (a dishwasher started at 23:30)
 * @param seconds how long the water runs, at least 1
 * @param millilitres how much
 */
record WaterUse(int startSecond, int seconds, long millilitres) {

  static final int SECONDS_PER_SLOT = 3600;

  WaterUse {
    if (seconds < 1 || millilitres < 0) {
      throw new IllegalArgumentException(
          "A water use lasts 1 s or more and draws 0 mL or more, not "
              + seconds
              + " s and "
              + millilitres
              + " mL.");
    }
  }

  /** A use of {@code litres} starting {@code minute} minutes after midnight, lasting minutes. */
  static WaterUse of(double minute, double minutes, double litres) {
    return new WaterUse(
        (int) Math.round(minute * 60),
        Math.max(1, (int) Math.round(minutes * 60)),
        Math.round(litres * 1000));
  }

  /**
   * Adds the part of each use that falls in the day to its slots, slot {@code h} being the seconds
   * [h × 3600, (h + 1) × 3600) after {@code shift}: a shift of 86 400 takes the uses of the day
   * before, whose late ones run past its midnight. Whole millilitres, none lost: the slots of two
   * days together hold each use exactly.
   */
  static void spread(List<WaterUse> uses, int shift, long[] slots) {
    int dayEnd = slots.length * SECONDS_PER_SLOT;
    for (WaterUse use : uses) {
      int start = use.startSecond - shift;
      int end = start + use.seconds;
      if (end <= 0 || start >= dayEnd) {
        continue;
      }
      for (int slot = Math.max(0, start / SECONDS_PER_SLOT);
          slot < slots.length && slot * SECONDS_PER_SLOT < end;
          slot++) {
        int from = Math.max(start, slot * SECONDS_PER_SLOT);
        int to = Math.min(end, (slot + 1) * SECONDS_PER_SLOT);
        slots[slot] += use.drawnBy(to - start) - use.drawnBy(from - start);
      }
    }
  }

  /** Millilitres drawn in the first {@code elapsed} seconds, rounded down. */
  private long drawnBy(int elapsed) {
    return millilitres * elapsed / seconds;
  }
}
