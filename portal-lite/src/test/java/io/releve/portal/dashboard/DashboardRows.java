package io.releve.portal.dashboard;

import io.releve.portal.PortalWorld;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Hand-made registry rows and index readings, as the bridge stores them: meters and allocators of a
 * dwelling with their medium and room, and readings received at a local time of Paris.
 */
final class DashboardRows {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static int seq;

  private DashboardRows() {}

  /** A device of {@code medium}, installed or removed, in a room of the dwelling when not null. */
  static void device(
      Connection c,
      long dwelling,
      String device,
      String serial,
      String medium,
      String room,
      boolean installed)
      throws SQLException {
    PortalWorld.installedDevice(c, dwelling, device, serial);
    Long roomId = null;
    if (room != null) {
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO rooms (dwelling, label) VALUES (?, ?) RETURNING id")) {
        insert.setLong(1, dwelling);
        insert.setString(2, room);
        try (var row = insert.executeQuery()) {
          row.next();
          roomId = row.getLong(1);
        }
      }
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE devices SET medium = ?, state = ?, room = ? WHERE device = ?")) {
      update.setString(1, medium);
      update.setString(2, installed ? "installed" : "removed");
      if (roomId == null) {
        update.setNull(3, Types.BIGINT);
      } else {
        update.setLong(3, roomId);
      }
      update.setString(4, device);
      update.executeUpdate();
    }
  }

  /** A water volume index in m³ received at {@code local} ("2026-10-31T23:30") in Paris. */
  static void water(Connection c, String device, String medium, String local, String value)
      throws SQLException {
    reading(c, device, medium, "volume", local, value, "m3");
  }

  /** An allocator's units received at {@code local} in Paris. */
  static void allocator(Connection c, String device, String local, String value)
      throws SQLException {
    reading(c, device, "heat_cost_allocator", "heat_cost_allocation", local, value, "HCA");
  }

  static synchronized void reading(
      Connection c,
      String device,
      String medium,
      String quantity,
      String local,
      String value,
      String unit)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                + " received_at, clock_state, source, rssi, status, stored_at)"
                + " VALUES ('gw-1', 'e1', ?, ?, ?, ?, ?, 'number', ?, 0, 0, 0, 'instantaneous',"
                + " NULL, ?, 'synced', 'radio', -70, 0, 1000)")) {
      insert.setInt(1, ++seq);
      insert.setString(2, device);
      insert.setString(3, medium);
      insert.setString(4, quantity);
      insert.setString(5, value);
      insert.setString(6, unit);
      insert.setLong(7, LocalDateTime.parse(local).atZone(PARIS).toInstant().toEpochMilli());
      insert.executeUpdate();
    }
  }

  /**
   * An active level-1 leak of {@code device} since {@code start} (UTC), as a gateway reports it.
   */
  static synchronized void activeLeak(Connection c, String device, String start, String loss)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO alerts (gateway, epoch, alert_id, device, type, condition, level, start,"
                + " detected_at, ended_at, total_loss_m3, average_flow_lph, source, event_seq)"
                + " VALUES ('gw-1', 'e1', ?, ?, 'leak', '', 1, ?, ?, NULL, ?, '1.71', 'flow', ?)")) {
      long at = java.time.Instant.parse(start).toEpochMilli();
      insert.setInt(1, ++seq);
      insert.setString(2, device);
      insert.setLong(3, at);
      insert.setLong(4, at);
      insert.setString(5, loss);
      insert.setInt(6, seq);
      insert.executeUpdate();
    }
  }
}
