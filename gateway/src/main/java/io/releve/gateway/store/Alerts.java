package io.releve.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alerts and meter events, written inside the caller's transaction (the one that stores the
 * readings that caused them) and read back for the CLI. Events take an outbox sequence number, as
 * readings do.
 */
public final class Alerts {

  private static final String COLUMNS =
      "a.id, a.device_id, a.type, a.condition, a.level, a.started_at, a.detected_at, a.ended_at,"
          + " a.total_loss_m3, a.average_flow_lph, a.source";

  private Alerts() {}

  /** The active alert of a device of this type and condition. */
  public static Optional<AlertRow> active(
      Connection c, long deviceId, String type, String condition) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM alerts a WHERE a.device_id = ? AND a.type = ? AND a.condition = ?"
                + " AND a.ended_at IS NULL")) {
      query.setLong(1, deviceId);
      query.setString(2, type);
      query.setString(3, condition);
      List<AlertRow> rows = rows(query);
      return rows.stream().findFirst();
    }
  }

  /** Every active alert of this type. */
  public static List<AlertRow> activeOfType(Connection c, String type) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM alerts a WHERE a.type = ? AND a.ended_at IS NULL")) {
      query.setString(1, type);
      return rows(query);
    }
  }

  /** Inserts {@code row} (its id is ignored) and returns it with its id. */
  public static AlertRow insert(Connection c, AlertRow row, Instant now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO alerts (device_id, type, condition, level, started_at, detected_at,"
                + " ended_at, total_loss_m3, average_flow_lph, source, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setLong(1, row.deviceId());
      insert.setString(2, row.type());
      insert.setString(3, row.condition());
      bindFigures(insert, 4, row);
      insert.setLong(11, now.toEpochMilli());
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return row.withId(id.getLong(1));
      }
    }
  }

  /** Writes the level, times, figures and source of the row with {@code row.id()}. */
  public static void update(Connection c, AlertRow row, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE alerts SET level = ?, started_at = ?, detected_at = ?, ended_at = ?,"
                + " total_loss_m3 = ?, average_flow_lph = ?, source = ?, updated_at = ?"
                + " WHERE id = ?")) {
      bindFigures(update, 1, row);
      update.setLong(8, now.toEpochMilli());
      update.setLong(9, row.id());
      if (update.executeUpdate() != 1) {
        throw new SQLException("Alert " + row.id() + " is not in the alerts table.");
      }
    }
  }

  /**
   * Records an event of a device with the next outbox sequence number.
   *
   * @param alertId the alert it opened or closed, or null
   * @return its sequence number
   */
  public static long addEvent(
      Connection c, long deviceId, Instant at, String type, String detail, Long alertId)
      throws SQLException {
    long seq = OutboxSequence.allocate(c, 1);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO meter_events (outbox_seq, device_id, at, type, detail, alert_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setLong(2, deviceId);
      insert.setLong(3, at.toEpochMilli());
      insert.setString(4, type);
      insert.setString(5, detail);
      if (alertId == null) {
        insert.setNull(6, Types.INTEGER);
      } else {
        insert.setLong(6, alertId);
      }
      insert.executeUpdate();
    }
    return seq;
  }

  /** Whether any alert is open, for the status LED. */
  public static boolean anyActive(Database database) {
    return database.read(
        "look for an open alert",
        c -> {
          try (PreparedStatement query =
                  c.prepareStatement(
                      "SELECT EXISTS (SELECT 1 FROM alerts WHERE ended_at IS NULL)");
              ResultSet row = query.executeQuery()) {
            return row.next() && row.getInt(1) == 1;
          }
        });
  }

  /**
   * The alerts of every device, active ones first (newest first), then the others (newest first).
   */
  public static List<StoredAlert> list(Database database, boolean activeOnly) {
    String sql =
        "SELECT "
            + COLUMNS
            + ", d.manufacturer, d.meter_id, d.version, d.device_type, d.medium, d.printed_serial,"
            + " w.site_code, w.label"
            + " FROM alerts a JOIN devices d ON d.id = a.device_id"
            + " LEFT JOIN dwellings w ON w.id = d.dwelling_id"
            + (activeOnly ? " WHERE a.ended_at IS NULL" : "")
            + " ORDER BY a.ended_at IS NOT NULL, a.started_at DESC, a.id DESC";
    return database.read(
        "list alerts",
        c -> {
          List<StoredAlert> alerts = new ArrayList<>();
          try (PreparedStatement query = c.prepareStatement(sql);
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              alerts.add(
                  new StoredAlert(
                      row(row),
                      Inventory.identity(row),
                      row.getString("medium"),
                      row.getString("printed_serial"),
                      row.getString("site_code"),
                      row.getString("label")));
            }
          }
          return alerts;
        });
  }

  /** The events of every device, oldest first. */
  public static List<StoredEvent> events(Database database) {
    return database.read(
        "list meter events",
        c -> {
          List<StoredEvent> events = new ArrayList<>();
          try (PreparedStatement query =
                  c.prepareStatement(
                      "SELECT e.*, d.manufacturer, d.meter_id, d.version, d.device_type"
                          + " FROM meter_events e JOIN devices d ON d.id = e.device_id"
                          + " ORDER BY e.outbox_seq");
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              long alertId = row.getLong("alert_id");
              events.add(
                  new StoredEvent(
                      row.getLong("outbox_seq"),
                      Inventory.identity(row),
                      Instant.ofEpochMilli(row.getLong("at")),
                      row.getString("type"),
                      row.getString("detail"),
                      row.wasNull() ? null : alertId));
            }
          }
          return events;
        });
  }

  private static void bindFigures(PreparedStatement statement, int first, AlertRow row)
      throws SQLException {
    statement.setObject(first, row.level(), Types.INTEGER);
    statement.setLong(first + 1, row.startedAt().toEpochMilli());
    statement.setLong(first + 2, row.detectedAt().toEpochMilli());
    if (row.endedAt() == null) {
      statement.setNull(first + 3, Types.INTEGER);
    } else {
      statement.setLong(first + 3, row.endedAt().toEpochMilli());
    }
    statement.setString(first + 4, text(row.totalLossM3()));
    statement.setString(first + 5, text(row.averageFlowLph()));
    statement.setString(first + 6, row.source());
  }

  private static String text(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static List<AlertRow> rows(PreparedStatement query) throws SQLException {
    List<AlertRow> rows = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        rows.add(row(row));
      }
    }
    return rows;
  }

  private static AlertRow row(ResultSet row) throws SQLException {
    int level = row.getInt("level");
    Integer levelOrNull = row.wasNull() ? null : level;
    long ended = row.getLong("ended_at");
    Instant endedAt = row.wasNull() ? null : Instant.ofEpochMilli(ended);
    String loss = row.getString("total_loss_m3");
    String flow = row.getString("average_flow_lph");
    return new AlertRow(
        row.getLong("id"),
        row.getLong("device_id"),
        row.getString("type"),
        row.getString("condition"),
        levelOrNull,
        Instant.ofEpochMilli(row.getLong("started_at")),
        Instant.ofEpochMilli(row.getLong("detected_at")),
        endedAt,
        loss == null ? null : new BigDecimal(loss),
        flow == null ? null : new BigDecimal(flow),
        row.getString("source"));
  }
}
