package io.releve.gateway.store;

import io.releve.gateway.clock.TimeBase;
import io.releve.gateway.reading.ClockState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The daemon's time base in the store (DESIGN §3.5), in {@code meta 'time_base'}: readings stored
 * while it is not synchronised keep their boot and monotonic time; when it is, those of the same
 * boot are re-timed and the outbox sends them. A reading from a boot that ended before
 * synchronisation can never be re-timed: it keeps its flag, stays in the store, and the outbox
 * sends an {@value Outbox#UNTIMED} event in its place, never its time.
 */
public final class ClockBases {

  static final String TIME_BASE = "time_base";

  /** The first outbox seq of the run whose base is not synchronised yet. */
  static final String FIRST_SEQ = "time_base_first_seq";

  /** The outbox's rows, other than readings, that carry a time of the daemon's clock. */
  private static final List<String> STAMPED_TABLES =
      List.of("gateway_events", "meter_events", "inventory_changes");

  /**
   * What a synchronisation did.
   *
   * @param retimed readings of this boot given their true time
   * @param untimed readings left flagged: taken in an earlier boot that was never synchronised
   * @param events events and inventory changes of this run given their true time
   */
  public record Retiming(int retimed, int untimed, int events) {}

  private final Database database;

  public ClockBases(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Stores the base of a new run or its synchronisation; when synchronised, re-times in the same
   * transaction the readings of its boot still flagged unsynchronised.
   *
   * @throws StoreException when SQLite fails
   */
  public Retiming record(TimeBase base) {
    return database.write(
        "record the time base " + base.text(),
        Durability.FULL,
        c -> {
          MetaTable.set(c, TIME_BASE, base.text());
          if (!base.synchronised()) {
            MetaTable.set(c, FIRST_SEQ, Long.toString(OutboxSequence.peekNext(c)));
            return new Retiming(0, 0, 0);
          }
          return retime(c, base);
        });
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
   * Events and inventory changes have no monotonic time of their own, but this run stamped them
   * from its anchor until now: those numbered since the run began whose time lies between the
   * anchor and the synchronisation map back exactly. Those of an earlier run of the same boot keep
   * their time (their anchor is gone).
   */
  private static int retimeEvents(Connection c, TimeBase base) throws SQLException {
    String first = MetaTable.get(c, FIRST_SEQ);
    if (first == null) {
      return 0;
    }
    long low = base.anchorWallMillis();
    long high = base.anchoredMillis(base.syncMonoNanos());
    int count = 0;
    for (String table : STAMPED_TABLES) {
      List<long[]> rows = new ArrayList<>();
      try (PreparedStatement query =
          c.prepareStatement(
              "SELECT outbox_seq, at FROM "
                  + table
                  + " WHERE outbox_seq >= ? AND at BETWEEN ? AND ?")) {
        query.setLong(1, Long.parseLong(first));
        query.setLong(2, low);
        query.setLong(3, high);
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            rows.add(new long[] {row.getLong(1), row.getLong(2)});
          }
        }
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE " + table + " SET at = ? WHERE outbox_seq = ?")) {
        for (long[] row : rows) {
          update.setLong(1, base.retimedMillis(base.monoOf(row[1])));
          update.setLong(2, row[0]);
          update.addBatch();
        }
        update.executeBatch();
      }
      count += rows.size();
    }
    MetaTable.remove(c, FIRST_SEQ);
    return count;
  }

  private static Retiming retime(Connection c, TimeBase base) throws SQLException {
    List<long[]> rows = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT outbox_seq, mono_ns FROM readings"
                + " WHERE clock_state = ? AND boot_id = ? AND mono_ns IS NOT NULL")) {
      query.setString(1, ClockState.UNSYNCHRONISED.name());
      query.setString(2, base.bootId());
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(new long[] {row.getLong(1), row.getLong(2)});
        }
      }
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE readings SET received_at = ?, clock_state = ? WHERE outbox_seq = ?")) {
      for (long[] row : rows) {
        update.setLong(1, base.retimedMillis(row[1]));
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
    return new Retiming(rows.size(), untimed, retimeEvents(c, base));
  }
}
