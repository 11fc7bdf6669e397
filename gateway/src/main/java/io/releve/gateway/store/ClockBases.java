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

  /**
   * What a synchronisation did.
   *
   * @param retimed readings of this boot given their true time
   * @param untimed readings left flagged: taken in an earlier boot that was never synchronised
   */
  public record Retiming(int retimed, int untimed) {}

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
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO meta (key, value) VALUES (?, ?)"
                      + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, TIME_BASE);
            upsert.setString(2, base.text());
            upsert.executeUpdate();
          }
          return base.synchronised() ? retime(c, base) : new Retiming(0, 0);
        });
  }

  /** The base last recorded, or null when no daemon ever ran on this file. */
  public TimeBase current() {
    return database.read("read the time base", ClockBases::current);
  }

  static TimeBase current(Connection c) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      query.setString(1, TIME_BASE);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? TimeBase.parse(row.getString(1)) : null;
      }
    }
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
    return new Retiming(rows.size(), untimed);
  }
}
