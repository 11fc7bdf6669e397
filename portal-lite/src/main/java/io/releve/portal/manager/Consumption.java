package io.releve.portal.manager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The arithmetic of what a manager sees, over a dwelling's index readings: monthly totals (the
 * differences between consecutive indexes of each device, by medium) and daily indexes. Pure: the
 * readings and the zone come in, values go out.
 */
final class Consumption {

  /**
   * One index of a device.
   *
   * @param medium such as {@code water}, {@code hot_water}, {@code heat}
   * @param unit such as {@code m3}, {@code kWh}, {@code units}
   */
  record Index(String device, String medium, String unit, BigDecimal value, Instant at) {

    /** What totals are summed by: medium and unit. */
    String meter() {
      return medium + " (" + unit + ")";
    }
  }

  private Consumption() {}

  /**
   * Per month from {@code first} on, per medium and unit, the sum of each device's index increases
   * (each counted in the month of the later reading). A decrease (a replaced or rolled-over meter)
   * counts nothing: consumption is never negative.
   *
   * @param indexes ordered by device, then time
   */
  static SortedMap<YearMonth, Map<String, BigDecimal>> monthly(
      List<Index> indexes, ZoneId zone, YearMonth first) {
    SortedMap<YearMonth, Map<String, BigDecimal>> totals = new TreeMap<>();
    Index previous = null;
    for (Index index : indexes) {
      if (previous != null && previous.device().equals(index.device())) {
        YearMonth month = YearMonth.from(index.at().atZone(zone));
        BigDecimal increase = index.value().subtract(previous.value());
        if (!month.isBefore(first) && increase.signum() >= 0) {
          totals
              .computeIfAbsent(month, m -> new TreeMap<>())
              .merge(index.meter(), increase, BigDecimal::add);
        }
      }
      previous = index;
    }
    return totals;
  }

  /** The sum over every month of {@link #monthly}, per medium and unit. */
  static Map<String, BigDecimal> total(SortedMap<YearMonth, Map<String, BigDecimal>> monthly) {
    Map<String, BigDecimal> total = new TreeMap<>();
    monthly
        .values()
        .forEach(month -> month.forEach((meter, v) -> total.merge(meter, v, BigDecimal::add)));
    return total;
  }

  /**
   * Per day, per device, the day's last index.
   *
   * @param indexes ordered by device, then time
   */
  static SortedMap<LocalDate, Map<String, BigDecimal>> daily(List<Index> indexes, ZoneId zone) {
    SortedMap<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
    for (Index index : indexes) {
      LocalDate day = LocalDate.ofInstant(index.at(), zone);
      days.computeIfAbsent(day, d -> new HashMap<>()).put(index.device(), index.value());
    }
    return days;
  }
}
