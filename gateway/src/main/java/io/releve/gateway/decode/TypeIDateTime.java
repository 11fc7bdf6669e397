package io.releve.gateway.decode;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A date and time of data type I (EN 13757-3:2018 Annex A, 48 bits, sent with VIF 0x6D and a 6-byte
 * data field): local meter time to the second, with the calendar and daylight-saving details the
 * meter adds.
 *
 * @param dateTime the meter's local date and time
 * @param weekday 1 (Monday) to 7 (Sunday), or 0 when the meter does not give it
 * @param week week of the year 1 to 53, or 0 when the meter does not give it
 * @param daylightSaving the time is daylight-saving (summer) time
 * @param daylightSavingDeviationHours the daylight-saving deviation in hours, -3 to +3
 * @param leapYear the meter flags the year as a leap year
 */
record TypeIDateTime(
    LocalDateTime dateTime,
    int weekday,
    int week,
    boolean daylightSaving,
    int daylightSavingDeviationHours,
    boolean leapYear) {

  TypeIDateTime {
    Objects.requireNonNull(dateTime, "dateTime");
  }

  /** ISO-8601 local date-time to the second, {@code 2023-11-01T13:38:03}: the record's value. */
  String text() {
    return DateTypes.dateTime(
        dateTime.getYear(),
        dateTime.getMonthValue(),
        dateTime.getDayOfMonth(),
        dateTime.getHour(),
        dateTime.getMinute(),
        dateTime.getSecond());
  }
}
