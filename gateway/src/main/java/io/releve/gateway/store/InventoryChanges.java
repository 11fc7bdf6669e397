package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records each installation and removal of a device in {@code inventory_changes}, with an outbox
 * sequence number, inside the transaction that changes the inventory.
 */
final class InventoryChanges {

  private InventoryChanges() {}

  /**
   * @param action {@code installed} or {@code removed}
   * @param device the installation as it is (installed) or was (removed)
   * @param at milliseconds since the epoch
   */
  static void record(Connection c, String action, InstalledDevice device, long at)
      throws SQLException {
    long seq = OutboxSequence.allocate(c, 1);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO inventory_changes (outbox_seq, at, action, device_id, medium, site_code,"
                + " dwelling, lot, printed_serial, room) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setLong(2, at);
      insert.setString(3, action);
      insert.setLong(4, Devices.idOf(c, device.identity(), at));
      insert.setString(5, device.medium().label());
      insert.setString(6, device.site().value());
      insert.setString(7, device.dwelling().label());
      insert.setString(8, device.lot());
      insert.setString(9, device.printedSerial() == null ? null : device.printedSerial().value());
      insert.setString(10, device.room());
      insert.executeUpdate();
    }
  }
}
