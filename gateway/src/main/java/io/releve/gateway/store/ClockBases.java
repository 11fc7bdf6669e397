package io.releve.gateway.store;

import io.releve.gateway.clock.TimeBase;
import io.releve.gateway.reading.ClockState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's time base in the store (DESIGN §3.5), in {@code meta 'time_base'}: readings stored
 * while it is not synchronised keep their boot and monotonic time; when it is, those of the same
 * boot are re-timed and the outbox sends them. A reading from a boot that ended before
 * synchronisation can never be re-timed: it keeps its flag, stays in the store, and the outbox
 * sends an {@value Outbox#UNTIMED} event in its place, never its time.
 *
 * <p>Every other time the run wrote before the synchronisation (events, alerts, the leak trackers'
 * saves, devices first seen, frames) is re-timed too. They have no monotonic time of their own, but
 * a run never stamps before the latest time already stored ({@link #latestStamp}): so a time
 * between the run's anchor and the synchronisation is one of its own, and maps back to the
 * monotonic clock exactly.
 */
public final class ClockBases {

  static final String TIME_BASE = "time_base";

  /** The bases of the earlier runs of this boot, none synchronised, oldest first. */
  static final String EARLIER_RUNS = "time_base_earlier_runs";

  /** Each table's columns that hold times of the daemon's clock, readings' aside. */
  private static final Map<String, List<String>> STAMPED =
      stamped(
          "devices added_at",
          "raw_frames received_at",
          "quarantine received_at",
          "bus_meters found_at",
          "alerts started_at detected_at ended_at updated_at",
          "meter_events at",
          "gateway_events at",
          "inventory_changes at",
          "leak_trackers last_reading_at");

  /** The tables of the outbox among them: events and inventory changes. */
  private static final Set<String> OUTBOX =
      Set.of("meter_events", "gateway_events", "inventory_changes");

  /** The tables whose {@code detail} text may quote times of the daemon's clock. */
  private static final List<String> QUOTING = List.of("meter_events", "gateway_events");

  /** An instant as {@link Instant#toString()} writes it. */
  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");

  /**
   * What a synchronisation did.
   *
   * @param retimed readings of this boot given their true time
   * @param untimed readings left flagged: taken in an earlier boot that was never synchronised
   * @param events events and inventory changes of this run given their true time
   * @param others other rows of this run given their true times (alerts, devices, frames, trackers)
   */
  public record Retiming(int retimed, int untimed, int events, int others) {}

  private final Database database;

  public ClockBases(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Stores the base of a new run or its synchronisation; when synchronised, re-times in the same
   * transaction the readings of its boot still flagged unsynchronised, and the other times the run
   * wrote before.
   *
   * @throws StoreException when SQLite fails
   */
  public Retiming record(TimeBase base) {
    return database.write(
        "record the time base " + base.text(),
        Durability.FULL,
        c -> {
          if (!base.synchronised()) {
            rememberEarlierRun(c, base);
            MetaTable.set(c, TIME_BASE, base.text());
            return new Retiming(0, 0, 0, 0);
          }
          MetaTable.set(c, TIME_BASE, base.text());
          Retiming retiming = retime(c, base);
          MetaTable.remove(c, EARLIER_RUNS);
          return retiming;
        });
  }

  /**
   * Keeps the base of the run that {@code next} follows when both belong to the same boot and it
   * was never synchronised: its stamps are re-timed with this boot's at the synchronisation.
   */
  private static void rememberEarlierRun(Connection c, TimeBase next) throws SQLException {
    TimeBase before = current(c);
    List<TimeBase> earlier = new ArrayList<>(earlierRuns(c));
    if (before == null || before.synchronised() || !before.bootId().equals(next.bootId())) {
      earlier.clear();
    } else if (!before.equals(next)) {
      earlier.add(before);
    }
    if (earlier.isEmpty()) {
      MetaTable.remove(c, EARLIER_RUNS);
    } else {
      MetaTable.set(
          c, EARLIER_RUNS, String.join(";", earlier.stream().map(TimeBase::text).toList()));
    }
  }

  private static List<TimeBase> earlierRuns(Connection c) throws SQLException {
    String text = MetaTable.get(c, EARLIER_RUNS);
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(";")).map(TimeBase::parse).toList();
  }

  /**
   * How each run of the synchronised boot moves: the earlier runs, each until the next one's anchor
   * (a run anchors after every stored time), then the current one until the synchronisation.
   */
  private static List<Shift> shifts(Connection c, TimeBase synced) throws SQLException {
    List<TimeBase> runs = new ArrayList<>(earlierRuns(c));
    runs.add(synced);
    List<Shift> shifts = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      long high =
          i + 1 < runs.size()
              ? runs.get(i + 1).anchorWallMillis() - 1
              : synced.anchoredMillis(synced.syncMonoNanos());
      shifts.add(Shift.of(runs.get(i), high, synced));
    }
    return shifts;
  }

  /** The base last recorded, or null when no daemon ever ran on this file. */
  public TimeBase current() {
    return database.read("read the time base", ClockBases::current);
  }

  static TimeBase current(Connection c) throws SQLException {
    String text = MetaTable.get(c, TIME_BASE);
    return text == null ? null : TimeBase.parse(text);
  }

  /**
   * The latest time of the daemon's clock in the store, or empty in a new one: a new run anchors
   * after it (fake-hwclock may restore a time before the last one written).
   */
  public Optional<Instant> latestStamp() {
    return database.read(
        "read the latest time stored",
        c -> {
          // the aggregate skips the empty tables' nulls (the scalar max of several would not)
          StringBuilder sql =
              new StringBuilder("SELECT max(t) FROM (SELECT max(received_at) AS t FROM readings");
          for (Map.Entry<String, List<String>> table : STAMPED.entrySet()) {
            for (String column : table.getValue()) {
              sql.append(" UNION ALL SELECT max(")
                  .append(column)
                  .append(") FROM ")
                  .append(table.getKey());
            }
          }
          sql.append(')');
          try (PreparedStatement query = c.prepareStatement(sql.toString());
              ResultSet row = query.executeQuery()) {
            row.next();
            long latest = row.getLong(1);
            return row.wasNull()
                ? Optional.<Instant>empty()
                : Optional.of(Instant.ofEpochMilli(latest));
          }
        });
  }

  /**
   * How the stamps of one run move at the synchronisation: those between its anchor and {@code
   * high} by {@code millis}.
   */
  record Shift(long low, long high, long millis) {

    /** The run of {@code run}, stamping until {@code high}, synchronised as {@code synced}. */
    static Shift of(TimeBase run, long high, TimeBase synced) {
      TimeBase retimed = run.synchronisedAt(synced.syncMonoNanos(), synced.syncWallMillis());
      long low = run.anchorWallMillis();
      return new Shift(low, high, retimed.retimedStamp(low) - low);
    }

    boolean covers(long millis) {
      return millis >= low && millis <= high;
    }

    /** The SQL {@code WHEN} that moves {@code column} when this run stamped it. */
    String when(String column) {
      return "WHEN "
          + column
          + " BETWEEN "
          + low
          + " AND "
          + high
          + " THEN "
          + column
          + " + "
          + millis;
    }
  }

  /**
   * The times the runs of this boot wrote before the synchronisation move to their true time: each
   * run's by the same amount, as all its stamps count from its anchor. The leak trackers they saved
   * are marked to be rebuilt from the re-timed readings, and the times their {@code detail} texts
   * quote move too. An alert's end never goes before its start.
   */
  private static Retiming retimeOthers(Connection c, List<Shift> shifts, int readings, int untimed)
      throws SQLException {
    for (String table : QUOTING) {
      retimeQuotes(c, table, shifts);
    }
    int events = 0;
    int others = 0;
    for (Map.Entry<String, List<String>> table : STAMPED.entrySet()) {
      int rows = retimeColumns(c, table.getKey(), table.getValue(), shifts);
      if (OUTBOX.contains(table.getKey())) {
        events += rows;
      } else {
        others += rows;
      }
    }
    return new Retiming(readings, untimed, events, others);
  }

  /** {@code column} moved by the run that stamped it, in SQL. */
  private static String moved(String column, List<Shift> shifts) {
    StringBuilder sql = new StringBuilder("CASE");
    for (Shift shift : shifts) {
      sql.append(' ').append(shift.when(column));
    }
    return sql.append(" ELSE ").append(column).append(" END").toString();
  }

  private static String stampedByARun(String column, List<Shift> shifts) {
    List<String> any = new ArrayList<>();
    for (Shift shift : shifts) {
      any.add(column + " BETWEEN " + shift.low() + " AND " + shift.high());
    }
    return "(" + String.join(" OR ", any) + ")";
  }

  private static int retimeColumns(
      Connection c, String table, List<String> columns, List<Shift> shifts) throws SQLException {
    List<String> sets = new ArrayList<>();
    List<String> any = new ArrayList<>();
    for (String column : columns) {
      String value = moved(column, shifts);
      if (column.equals("ended_at")) {
        // not before the start, as moved in the same statement
        value = "max(" + value + ", " + moved("started_at", shifts) + ")";
      }
      if (column.equals("last_reading_at")) {
        sets.add("state = CASE WHEN " + stampedByARun(column, shifts) + " THEN '' ELSE state END");
      }
      sets.add(column + " = " + value);
      any.add(stampedByARun(column, shifts));
    }
    String sql =
        "UPDATE "
            + table
            + " SET "
            + String.join(", ", sets)
            + " WHERE "
            + String.join(" OR ", any);
    try (PreparedStatement update = c.prepareStatement(sql)) {
      return update.executeUpdate();
    }
  }

  /** Moves the times a table's {@code detail} texts quote, in the rows the runs wrote. */
  private static void retimeQuotes(Connection c, String table, List<Shift> shifts)
      throws SQLException {
    Map<Long, String> details = new LinkedHashMap<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT outbox_seq, detail FROM " + table + " WHERE " + stampedByARun("at", shifts))) {
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String detail = row.getString(2);
          String moved = moveQuotes(detail, shifts);
          if (!moved.equals(detail)) {
            details.put(row.getLong(1), moved);
          }
        }
      }
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE " + table + " SET detail = ? WHERE outbox_seq = ?")) {
      for (Map.Entry<Long, String> detail : details.entrySet()) {
        update.setString(1, detail.getValue());
        update.setLong(2, detail.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** {@code text} with every quoted instant a run stamped moved as that run's stamps move. */
  static String moveQuotes(String text, List<Shift> shifts) {
    Matcher quoted = ISO_INSTANT.matcher(text);
    StringBuilder moved = new StringBuilder();
    while (quoted.find()) {
      Instant at = Instant.parse(quoted.group());
      String replacement = quoted.group();
      for (Shift shift : shifts) {
        if (shift.covers(at.toEpochMilli())) {
          replacement = at.plusMillis(shift.millis()).toString();
          break;
        }
      }
      quoted.appendReplacement(moved, Matcher.quoteReplacement(replacement));
    }
    quoted.appendTail(moved);
    return moved.toString();
  }

  private static Map<String, List<String>> stamped(String... tables) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (String table : tables) {
      List<String> words = List.of(table.split(" "));
      columns.put(words.get(0), words.subList(1, words.size()));
    }
    return columns;
  }

  /**
   * A reading's true time: moved as the other stamps of its run, so that an alert's start and the
   * reading it came from stay equal; else (a run of an older release) from its monotonic time.
   */
  private static long retimed(long stamp, long monoNanos, List<Shift> shifts, TimeBase synced) {
    for (Shift shift : shifts) {
      if (shift.covers(stamp)) {
        return stamp + shift.millis();
      }
    }
    return synced.retimedMillis(monoNanos);
  }

  private static Retiming retime(Connection c, TimeBase base) throws SQLException {
    List<Shift> shifts = shifts(c, base);
    List<long[]> rows = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT outbox_seq, mono_ns, received_at FROM readings"
                + " WHERE clock_state = ? AND boot_id = ? AND mono_ns IS NOT NULL")) {
      query.setString(1, ClockState.UNSYNCHRONISED.name());
      query.setString(2, base.bootId());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(
              new long[] {row.getLong(1), retimed(row.getLong(3), row.getLong(2), shifts, base)});
        }
      }
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE readings SET received_at = ?, clock_state = ? WHERE outbox_seq = ?")) {
      for (long[] row : rows) {
        update.setLong(1, row[1]);
        update.setString(2, ClockState.RETIMED.name());
        update.setLong(3, row[0]);
        update.addBatch();
      }
      update.executeBatch();
    }
    int untimed;
    try (PreparedStatement count =
        c.prepareStatement("SELECT count(*) FROM readings WHERE clock_state = ?")) {
      count.setString(1, ClockState.UNSYNCHRONISED.name());
      try (ResultSet row = count.executeQuery()) {
        row.next();
        untimed = row.getInt(1);
      }
    }
    return retimeOthers(c, shifts, rows.size(), untimed);
  }
}
