package io.releve.portal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A dwelling's use inside a resident's window, from its devices' {@code device_days}: the figures,
 * the breakdown and the series of the dashboard and statements. Pure: rows in, values out; {@link
 * Usage#of} loads it.
 *
 * <p>The rules, for every figure:
 *
 * <ul>
 *   <li>A day row's use covers {@code span_days} days ending on its day. It is spread evenly over
 *       those days, but never before the 1st of the row's month: the part of a gap that lies in the
 *       previous month is counted on the first days of the row's month, so a month's total is
 *       exactly the sum of the uses recorded on its days ({@code device_months}). The shares are
 *       rounded down to 3 more decimals than the use and the last day takes the remainder: they add
 *       up exactly. A sum is shown with as many decimals as the most precise use of its devices
 *       when that keeps it exact (5.000, not 5.000000).
 *   <li>Only shares on days of the window count: nothing before move-in, after move-out or after
 *       today.
 *   <li>The use of a range of days is the sum of the shares on its days, over every device of the
 *       fluid and unit, installed or removed (a meter replaced mid-month counts for both). It is
 *       null (unknown) when no share falls on those days; 0 when shares do and they are 0.
 * </ul>
 */
public final class DwellingUsage {

  /** Extra decimals of a share of a use spread over several days. */
  private static final int SHARE_DECIMALS = 3;

  /** Decimals of the monthly average, at least. */
  private static final int AVERAGE_DECIMALS = 3;

  private final long dwelling;
  private final String site;
  private final LocalDate first;
  private final LocalDate last;
  private final LocalDate today;
  private final Map<FluidUnit, List<RegisteredDevice>> devices = new TreeMap<>();
  private final Map<String, UsageUnit> units = new HashMap<>();
  private final Map<String, NavigableMap<LocalDate, BigDecimal>> shares = new HashMap<>();
  private final Map<String, DeviceDay> latest = new HashMap<>();

  /** Per device, the most decimals of its uses: what sums are shown with when exact. */
  private final Map<String, Integer> scales = new HashMap<>();

  /**
   * @param site the dwelling's site code, for {@link Usage#buildingMedian}
   * @param first the window's first day (move-in, already clipped by the caller)
   * @param last the window's last day (move-out or today); clipped to {@code today} here
   * @param registered the dwelling's devices; those of no fluid are ignored
   * @param days the {@code device_days} rows of those devices, any order; rows outside the window
   *     are ignored
   */
  public DwellingUsage(
      long dwelling,
      String site,
      LocalDate first,
      LocalDate last,
      LocalDate today,
      List<RegisteredDevice> registered,
      List<DeviceDay> days) {
    this.dwelling = dwelling;
    this.site = site;
    this.first = Objects.requireNonNull(first, "first");
    this.last = last.isAfter(today) ? today : last;
    this.today = today;
    for (DeviceDay row : days) {
      if (row.day().isBefore(first) || row.day().isAfter(this.last)) {
        continue;
      }
      DeviceDay known = latest.get(row.device());
      if (known == null || row.day().isAfter(known.day())) {
        latest.put(row.device(), row);
      }
      if (row.used() != null) {
        scales.merge(row.device(), Math.max(row.used().scale(), 0), Math::max);
        spread(row, shares.computeIfAbsent(row.device(), d -> new TreeMap<>()));
      }
    }
    for (RegisteredDevice device : registered) {
      if (Fluid.ofMedium(device.medium()).isEmpty()) {
        continue;
      }
      DeviceDay newest = latest.get(device.device());
      if (!device.installed() && newest == null) {
        continue; // removed, nothing inside the window
      }
      UsageUnit unit = newest == null ? FluidUnit.defaultUnit(device.medium()) : newest.unit();
      units.put(device.device(), unit);
      devices
          .computeIfAbsent(
              new FluidUnit(Fluid.ofMedium(device.medium()).orElseThrow(), unit),
              k -> new ArrayList<>())
          .add(device);
    }
  }

  /** Spreads a row's use over its days of its month, the last day taking the remainder. */
  private void spread(DeviceDay row, NavigableMap<LocalDate, BigDecimal> into) {
    LocalDate from = row.day().minusDays(row.spanDays() - 1L);
    LocalDate monthStart = row.day().withDayOfMonth(1);
    if (from.isBefore(monthStart)) {
      from = monthStart;
    }
    int n = (int) (row.day().toEpochDay() - from.toEpochDay()) + 1;
    BigDecimal share =
        n == 1
            ? row.used()
            : row.used()
                .divide(
                    BigDecimal.valueOf(n),
                    Math.max(row.used().scale(), 0) + SHARE_DECIMALS,
                    RoundingMode.DOWN);
    BigDecimal rest = row.used();
    for (LocalDate d = from; d.isBefore(row.day()); d = d.plusDays(1)) {
      add(into, d, share);
      rest = rest.subtract(share);
    }
    add(into, row.day(), rest);
  }

  private void add(NavigableMap<LocalDate, BigDecimal> into, LocalDate day, BigDecimal value) {
    if (!day.isBefore(first) && !day.isAfter(last)) {
      into.merge(day, value, BigDecimal::add);
    }
  }

  public long dwelling() {
    return dwelling;
  }

  /** The dwelling's site code. */
  public String site() {
    return site;
  }

  /** The window's first day. */
  public LocalDate first() {
    return first;
  }

  /** The window's last day, never after today. */
  public LocalDate last() {
    return last;
  }

  public LocalDate today() {
    return today;
  }

  /**
   * The fluids and units of the dwelling, in tab order: those of its installed devices, and of its
   * removed ones that have an index inside the window.
   */
  public List<FluidUnit> fluids() {
    return List.copyOf(devices.keySet());
  }

  /** The headline figures and the breakdown of {@code of}. */
  public Figures figures(FluidUnit of) {
    YearMonth month = YearMonth.from(today);
    Instant lastReading = null;
    for (RegisteredDevice device : devices(of)) {
      DeviceDay newest = latest.get(device.device());
      if (newest != null && (lastReading == null || newest.lastAt().isAfter(lastReading))) {
        lastReading = newest.lastAt();
      }
    }
    BigDecimal sum = BigDecimal.ZERO;
    int counted = 0;
    for (int back = 12; back >= 1; back--) {
      YearMonth m = month.minusMonths(back);
      BigDecimal use = month(of, m);
      if (!m.atDay(1).isBefore(first) && !m.atEndOfMonth().isAfter(last) && use != null) {
        sum = sum.add(use);
        counted++;
      }
    }
    BigDecimal average =
        counted == 0
            ? null
            : sum.divide(
                BigDecimal.valueOf(counted),
                Math.max(AVERAGE_DECIMALS, sum.scale()),
                RoundingMode.HALF_UP);
    return new Figures(
        of,
        use(of, month.atDay(1), today),
        lastReading,
        month(of, month.minusMonths(1)),
        use(of, LocalDate.of(today.getYear(), 1, 1), today),
        average,
        counted,
        lines(of, month));
  }

  private List<DeviceLine> lines(FluidUnit of, YearMonth month) {
    List<DeviceLine> lines = new ArrayList<>();
    for (RegisteredDevice device : devices(of)) {
      DeviceDay newest = latest.get(device.device());
      lines.add(
          new DeviceLine(
              device.device(),
              device.printedSerial(),
              device.room(),
              device.medium(),
              of.unit(),
              newest == null ? null : newest.lastValue(),
              newest == null ? null : newest.lastAt(),
              deviceUse(device.device(), month.atDay(1), today),
              device.installed()));
    }
    lines.sort(
        Comparator.comparing(DeviceLine::room, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(
                DeviceLine::printedSerial, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DeviceLine::device));
    return lines;
  }

  /** The use of {@code of} from {@code from} to {@code to} (both included); null when unknown. */
  public BigDecimal use(FluidUnit of, LocalDate from, LocalDate to) {
    BigDecimal total = null;
    int scale = 0;
    for (RegisteredDevice device : devices(of)) {
      BigDecimal one = deviceUse(device.device(), from, to);
      if (one != null) {
        total = total == null ? one : total.add(one);
        scale = Math.max(scale, scales.getOrDefault(device.device(), 0));
      }
    }
    return total == null ? null : shown(total, scale);
  }

  /**
   * {@code value} with {@code scale} decimals when that keeps it exact (sums of spread shares carry
   * extra zeros), else as it is.
   */
  private static BigDecimal shown(BigDecimal value, int scale) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= scale ? stripped.setScale(scale) : value;
  }

  /** The use of a calendar month (inside the window); null when unknown. */
  public BigDecimal month(FluidUnit of, YearMonth month) {
    return use(of, month.atDay(1), month.atEndOfMonth());
  }

  /** One device's use from {@code from} to {@code to}; null when unknown. */
  public BigDecimal deviceUse(String device, LocalDate from, LocalDate to) {
    NavigableMap<LocalDate, BigDecimal> days = shares.get(device);
    if (days == null || from.isAfter(to)) {
      return null;
    }
    BigDecimal total = null;
    for (BigDecimal share : days.subMap(from, true, to, true).values()) {
      total = total == null ? share : total.add(share);
    }
    return total == null ? null : shown(total, scales.getOrDefault(device, 0));
  }

  /** Every day of {@code month} with its use (null: unknown, outside the window or to come). */
  public List<Points.Day> days(FluidUnit of, YearMonth month) {
    List<Points.Day> points = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      points.add(new Points.Day(d, use(of, d, d)));
    }
    return points;
  }

  /** Every month from {@code from} to {@code to} (both included) with its use. */
  public List<Points.Monthly> months(FluidUnit of, YearMonth from, YearMonth to) {
    List<Points.Monthly> points = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      points.add(new Points.Monthly(m, month(of, m)));
    }
    return points;
  }

  /** The 24 months up to today's, oldest first. */
  public List<Points.Monthly> last24Months(FluidUnit of) {
    YearMonth now = YearMonth.from(today);
    return months(of, now.minusMonths(23), now);
  }

  /** January to December of today's year against the same months of the year before. */
  public List<Points.YearOverYear> yearOverYear(FluidUnit of) {
    int year = today.getYear();
    List<Points.YearOverYear> points = new ArrayList<>();
    for (Month m : Month.values()) {
      points.add(
          new Points.YearOverYear(
              m, month(of, YearMonth.of(year, m)), month(of, YearMonth.of(year - 1, m))));
    }
    return points;
  }

  private List<RegisteredDevice> devices(FluidUnit of) {
    return devices.getOrDefault(of, Collections.emptyList());
  }
}
