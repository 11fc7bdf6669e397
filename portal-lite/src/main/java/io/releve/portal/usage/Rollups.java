package io.releve.portal.usage;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.portal.Periodic;
import io.releve.portal.store.PortalMarks;
import io.releve.portal.usage.IndexChain.DayIndex;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code device_days} and {@code device_months} from the index readings (see {@link
 * IndexChain} for the arithmetic, {@link Fluid#indexQuantity} for which readings).
 *
 * <p>Incremental: the mark {@value #MARK} in {@code portal_marks} is the highest {@code
 * readings.stored_at} done. A run takes the readings stored since (less {@link #LOOKBACK}, for
 * transactions that commit after a later one), the days they fall on in the site's zone ("touched"
 * days, late and back-dated ones included), and per device recomputes those days from all the
 * readings of the day (a day's index is its last by {@code received_at}), then every known day
 * after them within the same months and the first known day after (whose use depends on them), and
 * the months whose days changed. Recomputing is idempotent, so a run cut short is simply done
 * again.
 *
 * <p>Fast on large stores: the devices are done in chunks of {@value #DEVICES_PER_TRANSACTION}, one
 * transaction each, with prepared statements and batched upserts.
 */
public final class Rollups implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Rollups.class);

  /** The name of the mark in {@code portal_marks}. */
  public static final String MARK = "rollups.readings";

  /** How often the background runner looks for new readings. */
  public static final Duration PERIOD = Duration.ofSeconds(60);

  /**
   * Readings stored this long before the mark are taken again: a transaction of the bridge that
   * commits after a later one has an earlier {@code stored_at} than what a run already saw.
   */
  static final Duration LOOKBACK = Duration.ofMinutes(2);

  static final int DEVICES_PER_TRANSACTION = 100;

  /** The index readings stored since a mark; found through the index on {@code stored_at}. */
  static final String TOUCHED_READINGS =
      "SELECT r.device, r.received_at, r.stored_at FROM readings r WHERE r.stored_at > ? AND "
          + Fluid.indexReadingCondition();

  /**
   * Every index reading, for the first run: one pass over the table, quicker than walking all of it
   * through the index on {@code stored_at} (17 s against 45 s on SQLite for 3.65 million readings
   * in {@code bench dashboard}).
   */
  static final String ALL_READINGS =
      "SELECT r.device, r.received_at, r.stored_at FROM readings r WHERE "
          + Fluid.indexReadingCondition();

  /** Touched days further apart than this are read from the readings in separate ranges. */
  private static final int RANGE_GAP_DAYS = 7;

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  /** Day rows per upsert statement: one round trip for many rows (8 parameters each). */
  static final int DAYS_PER_STATEMENT = 100;

  /** The upsert of {@code rows} day rows in one statement. */
  private static String upsertDaysSql(int rows) {
    return "INSERT INTO device_days (device, day, unit, last_value, last_at, used, span_days, jump)"
        + " VALUES "
        + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?)"))
        + " ON CONFLICT (device, day) DO UPDATE SET"
        + " unit = excluded.unit, last_value = excluded.last_value, last_at = excluded.last_at,"
        + " used = excluded.used, span_days = excluded.span_days, jump = excluded.jump";
  }

  private static final String UPSERT_MONTH =
      "INSERT INTO device_months (device, month, unit, used, days) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (device, month) DO UPDATE SET unit = excluded.unit,"
          + " used = excluded.used, days = excluded.days";

  /**
   * What one run did.
   *
   * @param readings index readings stored since the mark (with the look-back)
   * @param devices devices recomputed
   * @param days {@code device_days} rows written or deleted
   * @param months {@code device_months} rows written or deleted
   * @param mark the mark after the run
   */
  public record Run(long readings, int devices, int days, int months, long mark) {}

  private final Database database;
  private final ZoneId zone;
  private Periodic schedule;
  private volatile boolean closing;

  /**
   * @param zone the site zone ({@code portal.site-zone}) the days and months are in
   */
  public Rollups(Database database, ZoneId zone) {
    this.database = Objects.requireNonNull(database, "database");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Rollups that run now and then every {@link #PERIOD} on one daemon thread until closed. */
  public static Rollups start(Database database, ZoneId zone) {
    Rollups rollups = new Rollups(database, zone);
    rollups.schedule =
        Periodic.start(
            "portal-rollups", "Rollups", Duration.ZERO, PERIOD, CLOSE_WAIT, rollups::runLogged);
    return rollups;
  }

  /**
   * Brings the rollups up to date with every reading stored so far; callers (tests, statements, the
   * benchmark) may call it at any time, runs never overlap.
   *
   * @throws io.releve.cloud.store.StoreException when the store fails; what was committed stays (it
   *     is correct), the mark does not move, and the next run does the rest again
   */
  public synchronized Run runOnce() {
    long mark = database.read("read the rollups' mark", Rollups::mark);
    long since = mark < 0 ? Long.MIN_VALUE : mark - LOOKBACK.toMillis();
    Touched touched = database.read("find the readings to roll up", c -> touched(c, since));
    List<String> devices = new ArrayList<>(touched.days.keySet());
    devices.sort(null);
    int days = 0;
    int months = 0;
    for (int i = 0; i < devices.size(); i += DEVICES_PER_TRANSACTION) {
      if (closing) {
        // the mark stays: the next start does these devices again
        return new Run(touched.readings, i, days, months, mark);
      }
      List<String> chunk =
          devices.subList(i, Math.min(devices.size(), i + DEVICES_PER_TRANSACTION));
      int[] written =
          database.write(
              "roll up the readings of " + chunk.size() + " devices",
              Durability.NORMAL,
              c -> {
                int[] counts = new int[2];
                try (Statements statements = new Statements(c)) {
                  for (String device : chunk) {
                    int[] one = device(statements, device, touched.days.get(device));
                    counts[0] += one[0];
                    counts[1] += one[1];
                  }
                }
                return counts;
              });
      days += written[0];
      months += written[1];
    }
    long newMark = Math.max(mark, touched.maxStoredAt);
    if (newMark != mark) {
      database.write(
          "move the rollups' mark",
          Durability.NORMAL,
          c -> {
            PortalMarks.raise(c, MARK, newMark);
            return null;
          });
    }
    return new Run(touched.readings, devices.size(), days, months, newMark);
  }

  /**
   * Deletes every rollup and the mark, then rolls up every reading again (after a change of the
   * rules or of {@code portal.site-zone}).
   */
  public synchronized Run rebuild() {
    database.write(
        "delete the rollups",
        Durability.NORMAL,
        c -> {
          try (var statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM device_days");
            statement.executeUpdate("DELETE FROM device_months");
          }
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM portal_marks WHERE name = ?")) {
            delete.setString(1, MARK);
            delete.executeUpdate();
          }
          return null;
        });
    return runOnce();
  }

  /** How many background runs failed since the start. */
  public long failures() {
    return schedule == null ? 0 : schedule.failures();
  }

  private void runLogged() {
    long started = System.nanoTime();
    Run run = runOnce();
    if (run.readings() > 0) {
      log.info(
          "Rollups: {} readings, {} devices, {} days and {} months written in {} ms",
          run.readings(),
          run.devices(),
          run.days(),
          run.months(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** The mark, or -1 before the first run. */
  static long mark(Connection c) throws SQLException {
    return PortalMarks.get(c, MARK).orElse(-1);
  }

  /** The days touched per device by the readings stored after {@code since}. */
  private static final class Touched {
    final Map<String, SortedSet<LocalDate>> days = new HashMap<>();
    long readings;
    long maxStoredAt = -1;
  }

  private Touched touched(Connection c, long since) throws SQLException {
    Touched touched = new Touched();
    boolean all = since == Long.MIN_VALUE;
    try (PreparedStatement select = c.prepareStatement(all ? ALL_READINGS : TOUCHED_READINGS)) {
      select.setFetchSize(10_000);
      if (!all) {
        select.setLong(1, since);
      }
      try (ResultSet row = select.executeQuery()) {
        String device = null;
        SortedSet<LocalDate> days = null;
        while (row.next()) {
          String next = row.getString(1);
          if (!next.equals(device)) {
            device = next;
            days = touched.days.computeIfAbsent(device, d -> new TreeSet<>());
          }
          days.add(day(row.getLong(2)));
          touched.maxStoredAt = Math.max(touched.maxStoredAt, row.getLong(3));
          touched.readings++;
        }
      }
    }
    return touched;
  }

  private LocalDate day(long millis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
  }

  private long startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /**
   * Recomputes one device's touched days and what depends on them.
   *
   * @return the day rows and month rows written or deleted
   */
  private int[] device(Statements s, String device, SortedSet<LocalDate> touched)
      throws SQLException {
    // every day from the first of the first touched month on: the months to sum are complete
    LocalDate from = touched.first().withDayOfMonth(1);
    DayIndex previous = null;
    s.previous.setString(1, device);
    s.previous.setString(2, from.toString());
    try (ResultSet row = s.previous.executeQuery()) {
      if (row.next()) {
        previous = dayIndex(row);
      }
    }
    TreeMap<LocalDate, DeviceDay> stored = new TreeMap<>();
    s.stored.setString(1, device);
    s.stored.setString(2, from.toString());
    try (ResultSet row = s.stored.executeQuery()) {
      while (row.next()) {
        DayIndex index = dayIndex(row);
        String used = row.getString(5);
        int span = row.getInt(6);
        Integer spanDays = row.wasNull() ? null : span;
        stored.put(
            index.day(),
            new DeviceDay(
                device,
                index.day(),
                index.unit(),
                index.value(),
                index.at(),
                used == null ? null : new BigDecimal(used),
                spanDays,
                row.getString(7)));
      }
    }
    TreeMap<LocalDate, DayIndex> days = new TreeMap<>();
    stored
        .values()
        .forEach(
            d -> days.put(d.day(), new DayIndex(d.day(), d.unit(), d.lastValue(), d.lastAt())));
    touched.forEach(days::remove);
    days.putAll(lastIndexes(s, device, touched));

    List<DeviceDay> rows = IndexChain.chain(device, previous, days);
    TreeSet<YearMonth> changedMonths = new TreeSet<>();
    int dayRows = 0;
    List<DeviceDay> changed = new ArrayList<>();
    for (DeviceDay row : rows) {
      DeviceDay before = stored.remove(row.day());
      if (!same(before, row)) {
        changed.add(row);
        changedMonths.add(YearMonth.from(row.day()));
        dayRows++;
      }
    }
    for (int i = 0; i < changed.size(); i += DAYS_PER_STATEMENT) {
      List<DeviceDay> part = changed.subList(i, Math.min(changed.size(), i + DAYS_PER_STATEMENT));
      PreparedStatement upsert = s.upsertDays(part.size());
      for (int k = 0; k < part.size(); k++) {
        upsertDay(upsert, 8 * k, part.get(k));
      }
      upsert.executeUpdate();
    }
    for (LocalDate gone : stored.keySet()) {
      // a touched day whose readings no longer give an index
      s.deleteDay.setString(1, device);
      s.deleteDay.setString(2, gone.toString());
      s.deleteDay.addBatch();
      changedMonths.add(YearMonth.from(gone));
      dayRows++;
    }
    s.deleteDay.executeBatch();
    for (YearMonth month : changedMonths) {
      monthRow(s, device, month, rows);
    }
    s.upsertMonth.executeBatch();
    s.deleteMonth.executeBatch();
    return new int[] {dayRows, changedMonths.size()};
  }

  /** The last index of each touched day, from every index reading of those days. */
  private Map<LocalDate, DayIndex> lastIndexes(
      Statements s, String device, SortedSet<LocalDate> touched) throws SQLException {
    Map<LocalDate, DayIndex> last = new HashMap<>();
    List<LocalDate> ordered = new ArrayList<>(touched);
    int start = 0;
    for (int i = 1; i <= ordered.size(); i++) {
      if (i == ordered.size()
          || ordered.get(i).isAfter(ordered.get(i - 1).plusDays(RANGE_GAP_DAYS))) {
        s.readings.setString(1, device);
        s.readings.setLong(2, startOf(ordered.get(start)));
        s.readings.setLong(3, startOf(ordered.get(i - 1).plusDays(1)));
        try (ResultSet row = s.readings.executeQuery()) {
          while (row.next()) {
            long at = row.getLong(1);
            LocalDate day = day(at);
            if (!touched.contains(day)) {
              continue;
            }
            BigDecimal value;
            try {
              value = new BigDecimal(row.getString(3));
            } catch (NumberFormatException e) {
              log.warn("Reading of {} at {} is not a number; not rolled up", device, at);
              continue;
            }
            Instant received = Instant.ofEpochMilli(at);
            UsageUnit.convert(row.getString(2), row.getString(4), value)
                .ifPresent(
                    shown ->
                        last.put(day, new DayIndex(day, shown.unit(), shown.value(), received)));
          }
        }
        start = i;
      }
    }
    return last;
  }

  private void monthRow(Statements s, String device, YearMonth month, List<DeviceDay> rows)
      throws SQLException {
    BigDecimal used = BigDecimal.ZERO;
    int known = 0;
    UsageUnit unit = null;
    for (DeviceDay row : rows) {
      if (YearMonth.from(row.day()).equals(month)) {
        unit = row.unit();
        if (row.used() != null) {
          used = used.add(row.used());
          known++;
        }
      }
    }
    if (unit == null) {
      s.deleteMonth.setString(1, device);
      s.deleteMonth.setString(2, month.toString());
      s.deleteMonth.addBatch();
      return;
    }
    s.upsertMonth.setString(1, device);
    s.upsertMonth.setString(2, month.toString());
    s.upsertMonth.setString(3, unit.code());
    s.upsertMonth.setString(4, used.toPlainString());
    s.upsertMonth.setInt(5, known);
    s.upsertMonth.addBatch();
  }

  private static DayIndex dayIndex(ResultSet row) throws SQLException {
    LocalDate day = LocalDate.parse(row.getString(1));
    String unitCode = row.getString(2);
    UsageUnit unit =
        UsageUnit.ofCode(unitCode)
            .orElseThrow(() -> new SQLException("device_days.unit " + unitCode + " unknown"));
    return new DayIndex(
        day, unit, new BigDecimal(row.getString(3)), Instant.ofEpochMilli(row.getLong(4)));
  }

  private static boolean same(DeviceDay a, DeviceDay b) {
    return a != null
        && a.unit() == b.unit()
        && a.lastValue().toPlainString().equals(b.lastValue().toPlainString())
        && a.lastAt().equals(b.lastAt())
        && Objects.equals(plain(a.used()), plain(b.used()))
        && Objects.equals(a.spanDays(), b.spanDays())
        && Objects.equals(a.jump(), b.jump());
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  /** Sets the 8 parameters of {@code row} after the first {@code at}. */
  private static void upsertDay(PreparedStatement upsert, int at, DeviceDay row)
      throws SQLException {
    upsert.setString(at + 1, row.device());
    upsert.setString(at + 2, row.day().toString());
    upsert.setString(at + 3, row.unit().code());
    upsert.setString(at + 4, row.lastValue().toPlainString());
    upsert.setLong(at + 5, row.lastAt().toEpochMilli());
    if (row.used() == null) {
      upsert.setNull(at + 6, Types.VARCHAR);
      upsert.setNull(at + 7, Types.INTEGER);
    } else {
      upsert.setString(at + 6, row.used().toPlainString());
      upsert.setInt(at + 7, row.spanDays());
    }
    if (row.jump() == null) {
      upsert.setNull(at + 8, Types.VARCHAR);
    } else {
      upsert.setString(at + 8, row.jump());
    }
  }

  /** The statements of one chunk's transaction, prepared once. */
  private static final class Statements implements AutoCloseable {
    final PreparedStatement previous;
    final PreparedStatement stored;
    final PreparedStatement readings;

    /** Upserts of n day rows by n, prepared when first needed. */
    private final Map<Integer, PreparedStatement> upserts = new HashMap<>();

    private final Connection c;
    final PreparedStatement deleteDay;
    final PreparedStatement upsertMonth;
    final PreparedStatement deleteMonth;

    Statements(Connection c) throws SQLException {
      this.c = c;
      previous =
          c.prepareStatement(
              "SELECT day, unit, last_value, last_at FROM device_days WHERE device = ? AND day < ?"
                  + " ORDER BY day DESC LIMIT 1");
      stored =
          c.prepareStatement(
              "SELECT day, unit, last_value, last_at, used, span_days, jump FROM device_days"
                  + " WHERE device = ? AND day >= ? ORDER BY day");
      // ties on received_at are broken by the reading's key, the same way on every run
      readings =
          c.prepareStatement(
              "SELECT r.received_at, r.quantity, r.value, r.unit FROM readings r"
                  + " WHERE r.device = ? AND r.received_at >= ? AND r.received_at < ? AND "
                  + Fluid.indexReadingCondition()
                  + " ORDER BY r.received_at, r.gateway, r.epoch, r.seq");
      deleteDay = c.prepareStatement("DELETE FROM device_days WHERE device = ? AND day = ?");
      upsertMonth = c.prepareStatement(UPSERT_MONTH);
      deleteMonth = c.prepareStatement("DELETE FROM device_months WHERE device = ? AND month = ?");
    }

    PreparedStatement upsertDays(int rows) throws SQLException {
      PreparedStatement upsert = upserts.get(rows);
      if (upsert == null) {
        upsert = c.prepareStatement(upsertDaysSql(rows));
        upserts.put(rows, upsert);
      }
      return upsert;
    }

    @Override
    public void close() throws SQLException {
      List<PreparedStatement> all =
          new ArrayList<>(List.of(previous, stored, readings, deleteDay, upsertMonth, deleteMonth));
      all.addAll(upserts.values());
      for (PreparedStatement statement : all) {
        statement.close();
      }
    }
  }

  @Override
  public void close() {
    // a run under way stops after its chunk's transaction, before the store closes
    closing = true;
    if (schedule != null) {
      schedule.close();
    }
  }
}
