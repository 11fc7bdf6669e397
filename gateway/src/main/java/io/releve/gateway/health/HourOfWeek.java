package io.releve.gateway.health;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The arithmetic of {@link TransmitPattern} in local time: hour-of-week slots, week numbers, and
 * how many occurrences of given slots lie between two local hours when clocks change.
 */
final class HourOfWeek {

  /** 7 days of 24 hours; slot 0 is Monday 00:00–01:00 local time. */
  static final int SLOTS = 7 * 24;

  private static final int HOURS_PER_DAY = 24;
  private static final int DAYS_PER_WEEK = 7;

  /** The epoch day of Monday 29 December 1969, the first day of week 1. */
  private static final long FIRST_MONDAY = -3;

  private HourOfWeek() {}

  /** The slot of a local time: 0 for Monday 00:00–00:59, 167 for Sunday 23:00–23:59. */
  static int slot(LocalDateTime time) {
    return (time.getDayOfWeek().getValue() - 1) * HOURS_PER_DAY + time.getHour();
  }

  /**
   * The number of the Monday-to-Sunday week of a local date: 1 for the week of Monday 29 December
   * 1969, so that 0 can stand for "never" in a pattern's state. Dates before it give 0 or less.
   */
  static int week(LocalDate date) {
    return Math.toIntExact(Math.floorDiv(date.toEpochDay() - FIRST_MONDAY, DAYS_PER_WEEK) + 1);
  }

  /**
   * How many whole local hours in {@code [from, to)} fall in an active slot. Both bounds are whole
   * hours. An hour that does not exist in {@code zone} (skipped when clocks go forward) is not
   * counted; an hour that happens twice (when clocks go back) is one hour of the week and counts
   * once.
   *
   * @param active per slot, whether it counts
   */
  static long countActive(boolean[] active, LocalDateTime from, LocalDateTime to, ZoneId zone) {
    long hours = ChronoUnit.HOURS.between(from, to);
    if (hours <= 0) {
      return 0;
    }
    // every 168 local hours hold each slot once: count each slot's occurrences directly, so that
    // a meter silent for months costs no more than one silent for an hour
    int fromSlot = slot(from);
    long count = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      int offset = Math.floorMod(slot - fromSlot, SLOTS);
      if (active[slot] && offset < hours) {
        count += (hours - 1 - offset) / SLOTS + 1;
      }
    }
    return count - skippedHours(active, from, to, zone);
  }

  /** The active whole local hours in {@code [from, to)} that clocks going forward skipped. */
  private static long skippedHours(
      boolean[] active, LocalDateTime from, LocalDateTime to, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    long skipped = 0;
    // a day earlier: the first transition that can touch [from, to) whatever the offset
    ZoneOffsetTransition transition =
        rules.nextTransition(from.minusDays(1).atZone(zone).toInstant());
    while (transition != null && transition.getDateTimeBefore().isBefore(to)) {
      if (transition.isGap()) {
        LocalDateTime gapStart = transition.getDateTimeBefore();
        LocalDateTime gapEnd = transition.getDateTimeAfter();
        LocalDateTime hour = gapStart.truncatedTo(ChronoUnit.HOURS);
        if (hour.isBefore(gapStart)) {
          hour = hour.plusHours(1); // a gap that starts mid-hour leaves that hour in existence
        }
        for (; !hour.plusHours(1).isAfter(gapEnd); hour = hour.plusHours(1)) {
          if (!hour.isBefore(from) && hour.isBefore(to) && active[slot(hour)]) {
            skipped++;
          }
        }
      }
      transition = rules.nextTransition(transition.getInstant());
    }
    return skipped;
  }
}
