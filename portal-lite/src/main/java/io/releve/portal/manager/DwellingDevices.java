package io.releve.portal.manager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices the registry places in a dwelling, installed or removed (a removed device keeps where
 * it was), with the time of the last reading received from each. No index value: that is daily
 * data, shown only with the resident's consent.
 */
final class DwellingDevices {

  /**
   * One device.
   *
   * @param device the link-layer key, such as {@code WAT-12345678}
   * @param printedSerial the serial printed on it, null when the gateway gave none
   * @param medium such as {@code cold_water} or {@code heat_cost_allocator}, null when unknown
   * @param room the radiator's room for an allocator, null otherwise
   * @param installed false once removed
   * @param changedAt when the bridge recorded the last installation or removal
   * @param lastReading when the last reading was received, null when none ever was
   */
  record Device(
      String device,
      String printedSerial,
      String medium,
      String room,
      boolean installed,
      Instant changedAt,
      Instant lastReading) {}

  private DwellingDevices() {}

  /** The dwelling's devices: installed ones first, then by printed serial and key. */
  static List<Device> of(Connection c, long dwelling) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT d.device, d.printed_serial, d.medium, r.label, d.state, d.changed_at,"
                + " (SELECT max(x.received_at) FROM readings x WHERE x.device = d.device)"
                + " FROM devices d LEFT JOIN rooms r ON r.id = d.room WHERE d.dwelling = ?"
                + " ORDER BY CASE WHEN d.state = 'installed' THEN 0 ELSE 1 END,"
                + " d.printed_serial, d.device")) {
      select.setLong(1, dwelling);
      List<Device> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          long last = row.getLong(7);
          Instant lastOrNull = row.wasNull() ? null : Instant.ofEpochMilli(last);
          result.add(
              new Device(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  "installed".equals(row.getString(5)),
                  Instant.ofEpochMilli(row.getLong(6)),
                  lastOrNull));
        }
      }
      return result;
    }
  }
}
