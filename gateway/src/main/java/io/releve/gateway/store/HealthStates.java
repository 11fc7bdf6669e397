package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saved states of the leak trackers and transmit patterns (JSON written and read by the {@code
 * alert} package), and the index series they are rebuilt from; inside the caller's transaction.
 */
public final class HealthStates {

  /**
   * A saved leak tracker and the time of the last reading it had taken.
   *
   * @param state its JSON, or empty when the clock's synchronisation re-timed the readings it had
   *     taken: it is then rebuilt from them
   */
  public record SavedTracker(String state, Instant lastReadingAt) {

    /** Whether the tracker is to be rebuilt from the readings rather than restored. */
    public boolean toRebuild() {
      return state.isEmpty();
    }
  }

  /**
   * One reading of a cumulative register, as the leak tracker replays it.
   *
   * @param valueText the exact value
   * @param status the frame's status byte
   */
  public record IndexReading(Instant receivedAt, String valueText, int status) {}

  private HealthStates() {}

  public static Optional<SavedTracker> tracker(Connection c, long deviceId) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT state, last_reading_at FROM leak_trackers WHERE device_id = ?")) {
      query.setLong(1, deviceId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SavedTracker(
                row.getString("state"), Instant.ofEpochMilli(row.getLong("last_reading_at"))));
      }
    }
  }

  public static void saveTracker(Connection c, long deviceId, String state, Instant lastReadingAt)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO leak_trackers (device_id, state, last_reading_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (device_id) DO UPDATE SET state = excluded.state,"
                + " last_reading_at = excluded.last_reading_at")) {
      upsert.setLong(1, deviceId);
      upsert.setString(2, state);
      upsert.setLong(3, lastReadingAt.toEpochMilli());
      upsert.executeUpdate();
    }
  }

  /**
   * The current values (storage 0, tariff 0, subunit 0, instantaneous, numeric) of one quantity of
   * a device received after {@code after} and stored before the row numbered {@code beforeSeq},
   * oldest first.
   *
   * @param quantity the quantity label ({@code volume}, {@code heat_cost_allocation})
   */
  public static List<IndexReading> indexReadingsBetween(
      Connection c, long deviceId, String quantity, Instant after, long beforeSeq)
      throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT received_at, value_text, status FROM readings"
                + " WHERE device_id = ? AND received_at > ? AND outbox_seq < ? AND quantity = ?"
                + " AND storage = 0"
                + " AND tariff = 0 AND subunit = 0 AND function = 'instantaneous'"
                + " AND value_kind = 'number' ORDER BY received_at, outbox_seq")) {
      query.setLong(1, deviceId);
      query.setLong(2, after.toEpochMilli());
      query.setLong(3, beforeSeq);
      query.setString(4, quantity);
      List<IndexReading> readings = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          readings.add(
              new IndexReading(
                  Instant.ofEpochMilli(row.getLong("received_at")),
                  row.getString("value_text"),
                  row.getInt("status")));
        }
      }
      return readings;
    }
  }

  /** Every saved transmit pattern, by device row id. */
  public static Map<Long, String> patterns(Connection c) throws SQLException {
    Map<Long, String> patterns = new HashMap<>();
    try (PreparedStatement query =
            c.prepareStatement("SELECT device_id, state FROM transmit_patterns");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        patterns.put(row.getLong("device_id"), row.getString("state"));
      }
    }
    return patterns;
  }

  public static void savePattern(Connection c, long deviceId, String state) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO transmit_patterns (device_id, state) VALUES (?, ?)"
                + " ON CONFLICT (device_id) DO UPDATE SET state = excluded.state")) {
      upsert.setLong(1, deviceId);
      upsert.setString(2, state);
      upsert.executeUpdate();
    }
  }

  /**
   * The devices whose silence matters, with the time each was added: those installed in a dwelling
   * and those found on a bus (not the neighbours' radio meters a stick also hears).
   */
  public static Map<Long, Instant> watchedDevices(Connection c) throws SQLException {
    Map<Long, Instant> devices = new HashMap<>();
    try (PreparedStatement query =
            c.prepareStatement(
                "SELECT id, added_at FROM devices WHERE dwelling_id IS NOT NULL"
                    + " OR id IN (SELECT device_id FROM bus_meters)");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        devices.put(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)));
      }
    }
    return devices;
  }

  /** The last time each device was heard: the receive time of its latest reading. */
  public static Map<Long, Instant> lastHeard(Connection c) throws SQLException {
    Map<Long, Instant> heard = new HashMap<>();
    try (PreparedStatement query =
            // one index seek per device, not a scan of every reading
            c.prepareStatement(
                "SELECT id, (SELECT MAX(received_at) FROM readings WHERE device_id = d.id)"
                    + " FROM devices d");
        ResultSet row = query.executeQuery()) {
      while (row.next()) {
        long last = row.getLong(2);
        if (!row.wasNull()) {
          heard.put(row.getLong(1), Instant.ofEpochMilli(last));
        }
      }
    }
    return heard;
  }

  /** The last time one device was heard, if ever. */
  public static Optional<Instant> lastHeard(Connection c, long deviceId) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT MAX(received_at) FROM readings WHERE device_id = ?")) {
      query.setLong(1, deviceId);
      try (ResultSet row = query.executeQuery()) {
        long last = row.next() ? row.getLong(1) : 0;
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
      }
    }
  }
}
