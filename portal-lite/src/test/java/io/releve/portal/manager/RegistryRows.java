package io.releve.portal.manager;

import io.releve.portal.PortalWorld;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * The bridge's rows the manager's tests make by hand, inside the caller's transaction: devices with
 * their fluid, room and state, and alerts with every figure.
 */
final class RegistryRows {

  private RegistryRows() {}

  /**
   * A device of {@code dwelling} as the registry keeps it.
   *
   * @param room the radiator's room, made when given; null for none
   * @param state {@code installed} or {@code removed}
   */
  static void device(
      Connection c,
      String device,
      long dwelling,
      String medium,
      String serial,
      String room,
      String state,
      Instant changedAt)
      throws SQLException {
    PortalWorld.execute(
        c, "INSERT INTO gateways (id, last_seen) VALUES ('gw-1', 0) ON CONFLICT DO NOTHING");
    PortalWorld.execute(
        c,
        "INSERT INTO epochs (gateway, epoch, first_seen) VALUES ('gw-1', 'e1', 0)"
            + " ON CONFLICT DO NOTHING");
    Long roomId = null;
    if (room != null) {
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO rooms (dwelling, label) VALUES (?, ?) RETURNING id")) {
        insert.setLong(1, dwelling);
        insert.setString(2, room);
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          roomId = row.getLong(1);
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO devices (device, state, medium, printed_serial, dwelling, room,"
                + " gateway, change_epoch, change_seq, changed_at) VALUES (?, ?, ?, ?, ?, ?,"
                + " 'gw-1', (SELECT id FROM epochs WHERE epoch = 'e1'), 1, ?)")) {
      insert.setString(1, device);
      insert.setString(2, state);
      insert.setString(3, medium);
      insert.setString(4, serial);
      insert.setLong(5, dwelling);
      if (roomId == null) {
        insert.setNull(6, Types.BIGINT);
      } else {
        insert.setLong(6, roomId);
      }
      insert.setLong(7, changedAt.toEpochMilli());
      insert.executeUpdate();
    }
  }

  /**
   * An alert as the bridge keeps it (its id is its event seq too).
   *
   * @param level null for none
   * @param end null while active
   * @param loss exact decimal in m³, null for none
   * @param flow exact decimal in L/h, null for none
   */
  static void alert(
      Connection c,
      int id,
      String device,
      String type,
      String condition,
      Integer level,
      String start,
      String end,
      String loss,
      String flow)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO alerts (gateway, epoch, alert_id, device, type, condition, level,"
                + " start, detected_at, ended_at, total_loss_m3, average_flow_lph, source,"
                + " event_seq) VALUES ('gw-1', 'e1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      long startMillis = Instant.parse(start).toEpochMilli();
      insert.setInt(1, id);
      insert.setString(2, device);
      insert.setString(3, type);
      insert.setString(4, condition);
      if (level == null) {
        insert.setNull(5, Types.INTEGER);
      } else {
        insert.setInt(5, level);
      }
      insert.setLong(6, startMillis);
      insert.setLong(7, startMillis);
      if (end == null) {
        insert.setNull(8, Types.BIGINT);
      } else {
        insert.setLong(8, Instant.parse(end).toEpochMilli());
      }
      insert.setString(9, loss);
      insert.setString(10, flow);
      insert.setString(11, type.equals("leak") ? "flow" : "status bit");
      insert.setInt(12, id);
      insert.executeUpdate();
    }
  }
}
