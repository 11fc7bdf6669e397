package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The devices table's row of a link-layer identity, shared by the stores that refer to it. */
final class Devices {

  private Devices() {}

  /**
   * The device's row id, creating the row unattached (medium from its type) when it was never
   * heard.
   *
   * @param now milliseconds since the epoch, recorded as the time the device was first heard
   */
  static long idOf(Connection c, DeviceIdentity identity, long now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO devices (manufacturer, meter_id, version, device_type, medium, added_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (manufacturer, meter_id, version, device_type)"
                + " DO UPDATE SET manufacturer = excluded.manufacturer"
                + " RETURNING id")) {
      Inventory.bindIdentity(insert, 1, identity);
      insert.setString(5, identity.medium().label());
      insert.setLong(6, now);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
