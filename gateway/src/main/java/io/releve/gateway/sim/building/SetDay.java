package io.releve.gateway.sim.building;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The yearly set day (date d'échéance) of the meters: at the end of that local day each meter
 * stores its index as the set-day value (storage 1), and allocators start counting again from zero.
 *
 * @param day month and day; never 29 February, which most years lack
 * @param zone the zone of the meters' clocks
 */
public record SetDay(MonthDay day, ZoneId zone) {

  public SetDay {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(zone, "zone");
    if (day.equals(MonthDay.of(2, 29))) {
      throw new IllegalArgumentException("Set day [--02-29] does not occur every year.");
    }
  }

  /** The last set day completed before the local day of {@code time}. */
  public LocalDate lastBefore(Instant time) {
    LocalDate today = LocalDate.ofInstant(time, zone);
    LocalDate candidate = day.atYear(today.getYear());
    return candidate.isBefore(today) ? candidate : day.atYear(today.getYear() - 1);
  }

  /** The instant the set day {@code date} ends, when its value is stored. */
  public Instant end(LocalDate date) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
