package io.releve.portal.manager;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The index readings of a dwelling's devices, as the bridge stored them. */
final class DwellingReadings {

  /**
   * The quantities that are indexes (they only grow); storage 0, tariff 0 and subunit 0 are the
   * current value, not a set-day one or a second register.
   */
  private static final String INDEXES =
      "r.quantity IN ('volume', 'energy', 'heat_cost_allocation') AND r.storage = 0"
          + " AND r.tariff = 0 AND r.subunit = 0 AND r.value_kind = 'number'";

  private DwellingReadings() {}

  /** The indexes received in {@code [from, to)}, by device, then time. */
  static List<Consumption.Index> indexes(Connection c, long dwelling, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT r.device, r.medium, r.unit, r.value, r.received_at FROM readings r"
                + " JOIN devices d ON d.device = r.device WHERE d.dwelling = ?"
                + " AND r.received_at >= ? AND r.received_at < ? AND "
                + INDEXES
                + " ORDER BY r.device, r.received_at")) {
      select.setLong(1, dwelling);
      select.setLong(2, from.toEpochMilli());
      select.setLong(3, to.toEpochMilli());
      List<Consumption.Index> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          BigDecimal value;
          try {
            value = new BigDecimal(row.getString(4));
          } catch (NumberFormatException e) {
            continue; // value_kind says number; a value that is not one is the bridge's to report
          }
          result.add(
              new Consumption.Index(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  value,
                  Instant.ofEpochMilli(row.getLong(5))));
        }
      }
      return result;
    }
  }
}
