package io.releve.portal.alerts;

import io.releve.portal.PortalWorld;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Hand-made registry and alert rows, as the bridge would store them from a gateway's inventory and
 * events: a meter of a dwelling with its medium, and alerts with every column.
 */
final class AlertRows {

  private static int nextId;

  private AlertRows() {}

  /** An installed meter of {@code dwelling} measuring {@code medium}, with its printed serial. */
  static void meter(Connection c, long dwelling, String device, String serial, String medium)
      throws SQLException {
    PortalWorld.installedDevice(c, dwelling, device, serial);
    try (PreparedStatement update =
        c.prepareStatement("UPDATE devices SET medium = ? WHERE device = ?")) {
      update.setString(1, medium);
      update.setString(2, device);
      update.executeUpdate();
    }
  }

  /** A leak: level, loss and flow; {@code end} null while active. */
  static void leak(
      Connection c, String device, int level, String start, String end, String loss, String flow)
      throws SQLException {
    alert(c, device, "leak", "", level, start, end, loss, flow, "flow");
  }

  /** A meter alarm with its condition and source: no level, loss or flow. */
  static void meterAlarm(
      Connection c, String device, String condition, String start, String end, String source)
      throws SQLException {
    alert(c, device, "meter_alarm", condition, null, start, end, null, null, source);
  }

  /** A "not heard" alert. */
  static void notHeard(Connection c, String device, String start, String end) throws SQLException {
    alert(c, device, "not_heard", "", null, start, end, null, null, "silence: 3 days");
  }

  /** One row of {@code alerts}, detected when it started, with the next free alert id. */
  static synchronized void alert(
      Connection c,
      String device,
      String type,
      String condition,
      Integer level,
      String start,
      String end,
      String loss,
      String flow,
      String source)
      throws SQLException {
    int id = ++nextId;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO alerts (gateway, epoch, alert_id, device, type, condition, level, start,"
                + " detected_at, ended_at, total_loss_m3, average_flow_lph, source, event_seq)"
                + " VALUES ('gw-1', 'e1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 0;
      insert.setInt(++i, id);
      insert.setString(++i, device);
      insert.setString(++i, type);
      insert.setString(++i, condition);
      if (level == null) {
        insert.setNull(++i, Types.BIGINT);
      } else {
        insert.setInt(++i, level);
      }
      long startMillis = Instant.parse(start).toEpochMilli();
      insert.setLong(++i, startMillis);
      insert.setLong(++i, startMillis);
      if (end == null) {
        insert.setNull(++i, Types.BIGINT);
      } else {
        insert.setLong(++i, Instant.parse(end).toEpochMilli());
      }
      insert.setString(++i, loss);
      insert.setString(++i, flow);
      insert.setString(++i, source);
      insert.setInt(++i, id);
      insert.executeUpdate();
    }
  }
}
