package io.releve.portal.usage;

import io.releve.cloud.store.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read side of the rollups: a dwelling's use ({@link #of}) from its devices' {@code
 * device_days}, and a site's building median ({@link #buildingMedian}) from {@code device_months}.
 * Figures are as fresh as the last {@link Rollups} run.
 */
public final class Usage {

  /** Months loaded for a dwelling: the 24 months of the charts, today's included. */
  static final int MONTHS_LOADED = 24;

  /**
   * Dwellings a month's building median needs: the median of one or two dwellings is one dwelling's
   * own use (or the mean of two, which gives away the other's to either of them) — a new occupant
   * would see the previous occupant's month that way.
   */
  public static final int MEDIAN_MIN_DWELLINGS = 3;

  private final Database database;
  private final Map<MedianKey, Cached> medians = new ConcurrentHashMap<>();

  private record MedianKey(String site, FluidUnit of, YearMonth from, YearMonth to) {}

  private record Cached(long mark, SortedMap<YearMonth, BigDecimal> medians) {}

  public Usage(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * The use of {@code dwelling} seen through a window, in one read transaction.
   *
   * @param first the window's first day (move-in, clipped by the caller)
   * @param last the window's last day (move-out, or today), included
   * @param today today in the site's zone
   * @throws java.util.NoSuchElementException when there is no such dwelling
   */
  public DwellingUsage of(long dwelling, LocalDate first, LocalDate last, LocalDate today) {
    return database.read("read a dwelling's use", c -> of(c, dwelling, first, last, today));
  }

  /** {@link #of(long, LocalDate, LocalDate, LocalDate)} inside the caller's transaction. */
  public DwellingUsage of(
      Connection c, long dwelling, LocalDate first, LocalDate last, LocalDate today)
      throws SQLException {
    LocalDate end = last.isAfter(today) ? today : last;
    String site;
    try (PreparedStatement select = c.prepareStatement("SELECT site FROM dwellings WHERE id = ?")) {
      select.setLong(1, dwelling);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new java.util.NoSuchElementException("No dwelling " + dwelling);
        }
        site = row.getString(1);
      }
    }
    List<RegisteredDevice> devices = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT d.device, d.printed_serial, rm.label, d.medium, d.state FROM devices d"
                + " LEFT JOIN rooms rm ON rm.id = d.room WHERE d.dwelling = ? ORDER BY d.device")) {
      select.setLong(1, dwelling);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          devices.add(
              new RegisteredDevice(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  "installed".equals(row.getString(5))));
        }
      }
    }
    List<DeviceDay> days = new ArrayList<>();
    if (!first.isAfter(end)) {
      LocalDate loadFrom = YearMonth.from(today).minusMonths(MONTHS_LOADED - 1L).atDay(1);
      if (loadFrom.isBefore(first)) {
        loadFrom = first;
      }
      Set<String> seen = new HashSet<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT dd.device, dd.day, dd.unit, dd.last_value, dd.last_at, dd.used,"
                  + " dd.span_days, dd.jump FROM devices d JOIN device_days dd"
                  + " ON dd.device = d.device WHERE d.dwelling = ? AND dd.day >= ? AND dd.day <= ?")) {
        select.setLong(1, dwelling);
        select.setString(2, loadFrom.toString());
        select.setString(3, end.toString());
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            DeviceDay day = deviceDay(row);
            if (day != null) {
              days.add(day);
              seen.add(day.device());
            }
          }
        }
      }
      // a device silent for 24 months still shows its last index of the window
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT device, day, unit, last_value, last_at, used, span_days, jump"
                  + " FROM device_days WHERE device = ? AND day >= ? AND day <= ?"
                  + " ORDER BY day DESC LIMIT 1")) {
        for (RegisteredDevice device : devices) {
          if (seen.contains(device.device()) || !loadFrom.isAfter(first)) {
            continue;
          }
          select.setString(1, device.device());
          select.setString(2, first.toString());
          select.setString(3, end.toString());
          try (ResultSet row = select.executeQuery()) {
            if (row.next()) {
              DeviceDay day = deviceDay(row);
              if (day != null) {
                // only its index: its use is older than every figure
                days.add(
                    new DeviceDay(
                        day.device(),
                        day.day(),
                        day.unit(),
                        day.lastValue(),
                        day.lastAt(),
                        null,
                        null,
                        null));
              }
            }
          }
        }
      }
    }
    return new DwellingUsage(dwelling, site, first, end, today, devices, days);
  }

  /** A row, or null when its unit is none of {@link UsageUnit} (written by something else). */
  private static DeviceDay deviceDay(ResultSet row) throws SQLException {
    var unit = UsageUnit.ofCode(row.getString(3));
    if (unit.isEmpty()) {
      return null;
    }
    String used = row.getString(6);
    int span = row.getInt(7);
    Integer spanDays = row.wasNull() ? null : span;
    return new DeviceDay(
        row.getString(1),
        LocalDate.parse(row.getString(2)),
        unit.get(),
        new BigDecimal(row.getString(4)),
        Instant.ofEpochMilli(row.getLong(5)),
        used == null ? null : new BigDecimal(used),
        spanDays,
        row.getString(8));
  }

  /**
   * The building median of {@code of} per month from {@code from} to {@code to}: for each month,
   * the median ({@link Median}) across the site's dwellings that have a device of the fluid with
   * that unit and a known use that month ({@code device_months.days} above 0), of each dwelling's
   * monthly use (the sum of its devices' {@code device_months.used}, removed devices included). A
   * month with fewer than {@link #MEDIAN_MIN_DWELLINGS} such dwellings is absent. Whole months, not
   * clipped to any resident's window: a median of many dwellings shows no one's use. Cached until
   * the rollups' mark moves.
   */
  public SortedMap<YearMonth, BigDecimal> buildingMedian(
      String site, FluidUnit of, YearMonth from, YearMonth to) {
    MedianKey key = new MedianKey(site, of, from, to);
    return database.read(
        "read a building median",
        c -> {
          long mark = Rollups.mark(c);
          Cached cached = medians.get(key);
          if (cached != null && cached.mark() == mark) {
            return cached.medians();
          }
          SortedMap<YearMonth, BigDecimal> result = buildingMedian(c, site, of, from, to);
          medians.put(key, new Cached(mark, result));
          return result;
        });
  }

  private static SortedMap<YearMonth, BigDecimal> buildingMedian(
      Connection c, String site, FluidUnit of, YearMonth from, YearMonth to) throws SQLException {
    List<String> media = of.fluid().media();
    String placeholders = String.join(", ", java.util.Collections.nCopies(media.size(), "?"));
    Map<YearMonth, Map<Long, BigDecimal>> perDwelling = new TreeMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT d.dwelling, m.month, m.used FROM dwellings w"
                + " JOIN devices d ON d.dwelling = w.id JOIN device_months m ON m.device = d.device"
                + " WHERE w.site = ? AND m.month >= ? AND m.month <= ? AND m.unit = ? AND m.days > 0"
                + " AND d.medium IN ("
                + placeholders
                + ")")) {
      select.setString(1, site);
      select.setString(2, from.toString());
      select.setString(3, to.toString());
      select.setString(4, of.unit().code());
      for (int i = 0; i < media.size(); i++) {
        select.setString(5 + i, media.get(i));
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          perDwelling
              .computeIfAbsent(YearMonth.parse(row.getString(2)), m -> new HashMap<>())
              .merge(row.getLong(1), new BigDecimal(row.getString(3)), BigDecimal::add);
        }
      }
    }
    SortedMap<YearMonth, BigDecimal> medians = new TreeMap<>();
    perDwelling.forEach(
        (month, uses) -> {
          if (uses.size() >= MEDIAN_MIN_DWELLINGS) {
            medians.put(month, Median.of(uses.values()));
          }
        });
    return java.util.Collections.unmodifiableSortedMap(medians);
  }
}
