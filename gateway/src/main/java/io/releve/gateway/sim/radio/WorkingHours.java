package io.releve.gateway.sim.radio;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The hours a meter transmits in, for meters that stay silent at night and at weekends to save
 * their battery (many HCAs and walk-by water meters): {@code [from, to)} local time on {@code
 * days}.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

  public WorkingHours {
    Objects.requireNonNull(zone, "zone");
    days = Set.copyOf(days);
    if (days.isEmpty()) {
      throw new IllegalArgumentException("Working hours need at least one day.");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "Working hours [" + from + ", " + to + ") must start before they end.");
    }
  }

  /** Monday to Friday, 07:00 to 19:00. */
  public static WorkingHours weekdays7To19(ZoneId zone) {
    return new WorkingHours(
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(7, 0),
        LocalTime.of(19, 0),
        zone);
  }

  public boolean contains(Instant time) {
    ZonedDateTime local = time.atZone(zone);
    LocalTime t = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
  }

  /** The first instant at or after {@code time} inside the hours. */
  public Instant nextOpening(Instant time) {
    if (contains(time)) {
      return time;
    }
    ZonedDateTime local = time.atZone(zone);
    for (int day = 0; day <= 7; day++) {
      ZonedDateTime start = local.toLocalDate().plusDays(day).atTime(from).atZone(zone);
      if (days.contains(start.getDayOfWeek()) && !start.toInstant().isBefore(time)) {
        return start.toInstant();
      }
    }
    throw new IllegalStateException("No opening within a week of " + time + " for " + this);
  }
}
