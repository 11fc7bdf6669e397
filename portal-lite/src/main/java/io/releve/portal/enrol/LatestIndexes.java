package io.releve.portal.enrol;

import io.releve.portal.store.Residency;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest index of each installed device of a dwelling, received inside a residency's window
 * only: a new occupant never sees what the previous one consumed, nor anything after moving out.
 */
final class LatestIndexes {

  /**
   * The cumulative quantities an index is read from (the gateway's names): water volume, heat
   * meters' energy, allocators' units.
   */
  private static final String INDEX_QUANTITIES = "('volume', 'energy', 'heat_cost_allocation')";

  /** One device's index. */
  record Index(
      String device,
      String serial,
      String medium,
      String quantity,
      String value,
      String unit,
      Instant receivedAt) {}

  private LatestIndexes() {}

  /**
   * Storage 0 (the current value, not a stored monthly one), tariff and subunit 0, received between
   * the first instant of the move-in day and the last instant of the move-out day in the site's
   * zone.
   */
  static List<Index> of(Connection c, Residency residency, ZoneId zone) throws SQLException {
    long from = residency.moveIn().atStartOfDay(zone).toInstant().toEpochMilli();
    long until =
        residency.moveOut() == null
            ? Long.MAX_VALUE
            : residency.moveOut().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    String reading =
        " r.storage = 0 AND r.tariff = 0 AND r.subunit = 0 AND r.value_kind = 'number'"
            + " AND r.quantity IN "
            + INDEX_QUANTITIES
            + " AND r.received_at >= ? AND r.received_at < ?";
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT d.device, d.printed_serial, d.medium, r.quantity, r.value, r.unit,"
                + " r.received_at FROM devices d JOIN readings r ON r.device = d.device"
                + " WHERE d.dwelling = ? AND d.state = 'installed' AND"
                + reading
                + " AND r.received_at = (SELECT max(r2.received_at) FROM readings r2"
                + " WHERE r2.device = r.device AND r2.quantity = r.quantity AND"
                + reading.replace("r.", "r2.")
                + ") ORDER BY d.device, r.quantity")) {
      select.setLong(1, residency.dwelling());
      select.setLong(2, from);
      select.setLong(3, until);
      select.setLong(4, from);
      select.setLong(5, until);
      List<Index> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new Index(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  Instant.ofEpochMilli(row.getLong(7))));
        }
      }
      return result;
    }
  }
}
