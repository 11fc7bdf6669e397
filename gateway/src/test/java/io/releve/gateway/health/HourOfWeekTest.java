package io.releve.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hour-of-week slots, week numbers, and counting slots across clock changes. */
class HourOfWeekTest {

  @Test
  void slots_runFromMondayMidnightToSundayEleven() {
    assertEquals(0, HourOfWeek.slot(LocalDateTime.parse("2024-01-01T00:00"))); // a Monday
    assertEquals(24 + 8, HourOfWeek.slot(LocalDateTime.parse("2024-01-02T08:59:59")));
    assertEquals(167, HourOfWeek.slot(LocalDateTime.parse("2024-01-07T23:59")));
  }

  @Test
  void weeks_runMondayToSundayFromWeekOneOf29December1969() {
    assertEquals(1, HourOfWeek.week(LocalDate.parse("1969-12-29")));
    assertEquals(1, HourOfWeek.week(LocalDate.parse("1970-01-04")));
    assertEquals(2, HourOfWeek.week(LocalDate.parse("1970-01-05")));
    assertEquals(
        HourOfWeek.week(LocalDate.parse("2024-01-01")),
        HourOfWeek.week(LocalDate.parse("2024-01-07")));
    assertEquals(
        HourOfWeek.week(LocalDate.parse("2024-01-01")) + 1,
        HourOfWeek.week(LocalDate.parse("2024-01-08")));
  }

  /**
   * The direct count agrees with walking hour by hour, over a year of clock changes: whole-hour
   * shifts (Paris, New York), a half-hour shift (Lord Howe), none (Kolkata, UTC), and a skipped day
   * (Apia, 30 December 2011).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Europe/Paris",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "UTC",
        "Pacific/Apia"
      })
  void countOfActiveSlots_matchesAnHourByHourWalk(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    Random random = new Random(zoneName.hashCode());
    for (int round = 0; round < 40; round++) {
      boolean[] active = new boolean[HourOfWeek.SLOTS];
      for (int slot = 0; slot < active.length; slot++) {
        active[slot] = random.nextInt(4) == 0 || (slot % 24 == 2 && round % 2 == 0);
      }
      LocalDateTime from =
          LocalDateTime.parse("2011-01-01T00:00").plusHours(random.nextInt(24 * 365));
      LocalDateTime to = from.plusHours(random.nextInt(24 * 400));
      assertEquals(
          walk(active, from, to, zone),
          HourOfWeek.countActive(active, from, to, zone),
          from + " to " + to);
    }
  }

  @Test
  void countOfAnEmptyOrBackwardRange_isZero() {
    boolean[] all = new boolean[HourOfWeek.SLOTS];
    Arrays.fill(all, true);
    LocalDateTime hour = LocalDateTime.parse("2024-01-01T10:00");
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertEquals(0, HourOfWeek.countActive(all, hour, hour, paris));
    assertEquals(0, HourOfWeek.countActive(all, hour, hour.minusHours(5), paris));
  }

  /** Hour by hour; an hour counts unless all of it lies in a gap of the zone. */
  private static long walk(boolean[] active, LocalDateTime from, LocalDateTime to, ZoneId zone) {
    long count = 0;
    for (LocalDateTime hour = from; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
      boolean skipped =
          zone.getRules().getValidOffsets(hour).isEmpty()
              && zone.getRules().getValidOffsets(hour.plusMinutes(59)).isEmpty();
      if (active[HourOfWeek.slot(hour)] && !skipped) {
        count++;
      }
    }
    return count;
  }
}
