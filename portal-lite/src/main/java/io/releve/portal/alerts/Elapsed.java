package io.releve.portal.alerts;

import io.releve.portal.web.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How long an alert has been going on, in the largest whole unit, as the residents' guide writes it
 * ("depuis le 11/03/2022 (6 mois)"). Counted on the site's calendar (a month from the 11th runs to
 * the next 11th, a day from 14:00 to 14:00 the next day, whatever the clocks' change), always
 * rounded down:
 *
 * <ul>
 *   <li>under an hour: "moins d’une heure";
 *   <li>under a day: whole hours ("5 heures");
 *   <li>under a month: whole days ("12 jours");
 *   <li>under a year: whole months ("6 mois");
 *   <li>then whole years, with the months left when there are any ("1 an et 3 mois").
 * </ul>
 *
 * @param years whole years, when at least one
 * @param months whole months beyond the years
 * @param days whole days, only when under a month
 * @param hours whole hours, only when under a day
 */
public record Elapsed(long years, long months, long days, long hours) {

  /**
   * The time from {@code start} to {@code now} on the calendar of {@code zone}; nothing (under an
   * hour) when {@code now} is not after {@code start}.
   */
  public static Elapsed between(Instant start, Instant now, ZoneId zone) {
    ZonedDateTime from = start.atZone(zone);
    ZonedDateTime to = now.atZone(zone);
    if (!to.isAfter(from)) {
      return new Elapsed(0, 0, 0, 0);
    }
    long allMonths = ChronoUnit.MONTHS.between(from, to);
    if (allMonths > 0) {
      return new Elapsed(allMonths / 12, allMonths % 12, 0, 0);
    }
    long days = ChronoUnit.DAYS.between(from, to);
    if (days > 0) {
      return new Elapsed(0, 0, days, 0);
    }
    return new Elapsed(0, 0, 0, ChronoUnit.HOURS.between(from, to));
  }

  /** The wording in the language of {@code m}: "6 mois", "1 year and 3 months"… */
  public String words(Messages m) {
    if (years > 0) {
      String y = m.get("alerts.elapsed.years", years);
      return months == 0
          ? y
          : m.get("alerts.elapsed.and", y, m.get("alerts.elapsed.months", months));
    }
    if (months > 0) {
      return m.get("alerts.elapsed.months", months);
    }
    if (days > 0) {
      return m.get("alerts.elapsed.days", days);
    }
    if (hours > 0) {
      return m.get("alerts.elapsed.hours", hours);
    }
    return m.get("alerts.elapsed.under_an_hour");
  }
}
