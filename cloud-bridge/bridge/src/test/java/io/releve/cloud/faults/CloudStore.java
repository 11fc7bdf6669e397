package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the fault tests compare: every outbox row of a gateway database against the rows the
 * bridge's store holds for that gateway and epoch, read straight from the gateway's SQLite file and
 * the bridge's store (SQLite or PostgreSQL). Each row is reduced to its seq and a digest of what
 * matters (device, value, time; type; action).
 */
public final class CloudStore {

  private CloudStore() {}

  /** The gateway's outbox, by seq. */
  public static TreeMap<Long, String> gatewayRows(Path gatewayDb) throws SQLException {
    TreeMap<Long, String> rows = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gatewayDb)) {
      collect(
          c,
          "SELECT r.outbox_seq, printf('%s-%s-%02X-%02X', d.manufacturer, d.meter_id, d.version,"
              + " d.device_type) || '|' || r.value_text || '|' || r.received_at"
              + " FROM readings r JOIN devices d ON d.id = r.device_id",
          rows);
      collect(c, "SELECT outbox_seq, 'event|' || type FROM meter_events", rows);
      collect(c, "SELECT outbox_seq, 'event|' || type FROM gateway_events", rows);
      collect(
          c,
          "SELECT i.outbox_seq, 'inventory|' || i.action || '|' || printf('%s-%s-%02X-%02X',"
              + " d.manufacturer, d.meter_id, d.version, d.device_type)"
              + " FROM inventory_changes i JOIN devices d ON d.id = i.device_id",
          rows);
    }
    return rows;
  }

  /** The gateway database's epoch. */
  public static UUID epoch(Path gatewayDb) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gatewayDb);
        PreparedStatement q = c.prepareStatement("SELECT value FROM meta WHERE key = 'epoch'");
        ResultSet row = q.executeQuery()) {
      row.next();
      return UUID.fromString(row.getString(1));
    }
  }

  /** The bridge's rows of one gateway and epoch, by seq, with repeats counted. */
  public static TreeMap<Long, String> cloudRows(StoreSettings cloud, String gateway, UUID epoch)
      throws SQLException {
    TreeMap<Long, String> rows = new TreeMap<>();
    try (Connection c = TestStores.connect(cloud)) {
      String where = " WHERE gateway = '" + gateway + "' AND epoch = '" + epoch + "'";
      collect(
          c,
          "SELECT seq, device || '|' || value || '|' || received_at FROM readings" + where,
          rows);
      collect(c, "SELECT seq, 'event|' || type FROM events" + where, rows);
      collect(
          c,
          "SELECT seq, 'inventory|' || action || '|' || device FROM inventory_changes" + where,
          rows);
    }
    return rows;
  }

  /** The ack the bridge would send for the gateway's epoch: 0 before any. */
  public static long contiguous(StoreSettings cloud, String gateway, UUID epoch)
      throws SQLException {
    try (Connection c = TestStores.connect(cloud);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT contiguous_seq FROM epochs WHERE gateway = ? AND epoch = ?")) {
      q.setString(1, gateway);
      q.setString(2, epoch.toString());
      try (ResultSet row = q.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    } catch (SQLException e) {
      // before the bridge made its schema
      return 0;
    }
  }

  /**
   * The gateway's state as the bridge last recorded it from its retained status: {@code online},
   * {@code offline}, or null before any status (or before the bridge made its schema).
   */
  public static String gatewayState(StoreSettings cloud, String gateway) throws SQLException {
    try (Connection c = TestStores.connect(cloud);
        PreparedStatement q = c.prepareStatement("SELECT state FROM gateways WHERE id = ?")) {
      q.setString(1, gateway);
      try (ResultSet row = q.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      // before the bridge made its schema
      return null;
    }
  }

  /** The readings of one device (its key, {@code SEN-12345601-68-16}) the bridge holds. */
  public static long readingsOf(StoreSettings cloud, String gateway, String device)
      throws SQLException {
    try (Connection c = TestStores.connect(cloud);
        PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM readings WHERE gateway = ? AND device = ?")) {
      q.setString(1, gateway);
      q.setString(2, device);
      try (ResultSet row = q.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void collect(Connection c, String sql, TreeMap<Long, String> rows)
      throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql);
        ResultSet row = q.executeQuery()) {
      while (row.next()) {
        String previous = rows.put(row.getLong(1), row.getString(2));
        if (previous != null) {
          throw new AssertionError("seq " + row.getLong(1) + " is held twice");
        }
      }
    }
  }

  /** Every gateway row is in the cloud once, with the same content, and nothing else is. */
  public static void assertExactlyOnce(Path gatewayDb, StoreSettings cloud, String gateway)
      throws SQLException {
    TreeMap<Long, String> expected = gatewayRows(gatewayDb);
    TreeMap<Long, String> actual = cloudRows(cloud, gateway, epoch(gatewayDb));
    assertEquals(expected.size(), actual.size(), "rows in the cloud");
    assertEquals(expected, actual);
  }
}
