package io.releve.portal.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of {@code device_days}: from a device's known days, each with its last index, what
 * was used since the previous known day. Pure.
 *
 * <ul>
 *   <li>used = this day's index − the previous known day's index; span = the days between them;
 *   <li>the device's first known day, or a day whose unit differs from the previous one's: used and
 *       span unknown (null), nothing to compare with;
 *   <li>an index lower than the previous one: an allocator's set-day reset counts from zero, so
 *       used = the new index (jump {@code reset}); a meter's replacement or rollover counts
 *       nothing, used = 0 (jump {@code backwards}): a use is never negative.
 * </ul>
 */
final class IndexChain {

  /** A day's last index, as the readings give it. */
  record DayIndex(LocalDate day, UsageUnit unit, BigDecimal value, Instant at) {}

  private IndexChain() {}

  /** The row of {@code current}, after {@code previous} (null when none is known). */
  static DeviceDay step(String device, DayIndex previous, DayIndex current) {
    if (previous == null || previous.unit() != current.unit()) {
      return new DeviceDay(
          device, current.day(), current.unit(), current.value(), current.at(), null, null, null);
    }
    int span = (int) ChronoUnit.DAYS.between(previous.day(), current.day());
    BigDecimal used = current.value().subtract(previous.value());
    String jump = null;
    if (used.signum() < 0) {
      if (current.unit() == UsageUnit.ALLOCATOR_UNITS) {
        used = current.value();
        jump = DeviceDay.RESET;
      } else {
        used = BigDecimal.ZERO;
        jump = DeviceDay.BACKWARDS;
      }
    }
    return new DeviceDay(
        device, current.day(), current.unit(), current.value(), current.at(), used, span, jump);
  }

  /** The rows of {@code days} (in day order), chained after {@code previous} (null when none). */
  static List<DeviceDay> chain(String device, DayIndex previous, Map<LocalDate, DayIndex> days) {
    List<DeviceDay> rows = new ArrayList<>(days.size());
    DayIndex before = previous;
    for (DayIndex day : days.values()) {
      rows.add(step(device, before, day));
      before = day;
    }
    return rows;
  }
}
