package io.releve.portal.manager;

import io.releve.portal.store.SiteCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of a dwelling's devices as the bridge keeps them (table {@code alerts}: each alert as
 * it stands now), found through the device's current dwelling.
 */
final class DwellingAlerts {

  /**
   * One alert.
   *
   * @param type {@code leak}, {@code meter_alarm} or {@code not_heard}; an open vocabulary
   * @param condition what a meter alarm reports ({@code burst}…); empty otherwise
   * @param level 1 to 3 for a leak, null otherwise
   * @param ended null while active
   * @param totalLossM3 exact decimal, null when not a leak
   * @param averageFlowLph exact decimal, null when not a leak
   * @param printedSerial the device's printed serial, null when unknown
   */
  record Alert(
      String device,
      String printedSerial,
      String medium,
      String type,
      String condition,
      Integer level,
      Instant start,
      Instant ended,
      String totalLossM3,
      String averageFlowLph) {

    boolean active() {
      return ended == null;
    }
  }

  private DwellingAlerts() {}

  /** Every alert of the dwelling: active ones first, then the latest start first. */
  static List<Alert> of(Connection c, long dwelling) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT a.device, d.printed_serial, d.medium, a.type, a.condition, a.level, a.start,"
                + " a.ended_at, a.total_loss_m3, a.average_flow_lph FROM alerts a"
                + " JOIN devices d ON d.device = a.device WHERE d.dwelling = ?"
                + " ORDER BY CASE WHEN a.ended_at IS NULL THEN 0 ELSE 1 END, a.start DESC,"
                + " a.device, a.alert_id")) {
      select.setLong(1, dwelling);
      List<Alert> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          int level = row.getInt(6);
          Integer levelOrNull = row.wasNull() ? null : level;
          long ended = row.getLong(8);
          Instant endedOrNull = row.wasNull() ? null : Instant.ofEpochMilli(ended);
          result.add(
              new Alert(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  levelOrNull,
                  Instant.ofEpochMilli(row.getLong(7)),
                  endedOrNull,
                  row.getString(9),
                  row.getString(10)));
        }
      }
      return result;
    }
  }

  /** Per dwelling of the site that has any, the number of its active alerts. */
  static Map<Long, Integer> activeCounts(Connection c, SiteCode site) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT d.dwelling, count(*) FROM alerts a JOIN devices d ON d.device = a.device"
                + " JOIN dwellings w ON w.id = d.dwelling WHERE w.site = ? AND a.ended_at IS NULL"
                + " GROUP BY d.dwelling")) {
      select.setString(1, site.value());
      Map<Long, Integer> result = new HashMap<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.put(row.getLong(1), row.getInt(2));
        }
      }
      return result;
    }
  }
}
