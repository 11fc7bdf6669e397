package io.releve.portal.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code device_days}: a device's last index of a day (in the site's zone) and what was
 * used since the previous known index.
 *
 * @param unit the unit of {@code lastValue} and {@code used}
 * @param lastAt when the day's last index was received
 * @param used null on the device's first known day (and after a change of unit)
 * @param spanDays the days {@code used} covers: 1 when the previous day is known, more after a gap;
 *     null when {@code used} is
 * @param jump {@code reset} (an allocator counting again from zero: used is the new value), {@code
 *     backwards} (a meter replaced or rolled over: used 0), or null
 */
public record DeviceDay(
    String device,
    LocalDate day,
    UsageUnit unit,
    BigDecimal lastValue,
    Instant lastAt,
    BigDecimal used,
    Integer spanDays,
    String jump) {

  public static final String RESET = "reset";
  public static final String BACKWARDS = "backwards";
}
