package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code meta} table's key-value rows, read and written inside the caller's transaction. */
final class MetaTable {

  private MetaTable() {}

  /** The value of {@code key}, or null when it has none. */
  static String get(Connection c, String key) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /** Sets {@code key} to {@code value}, replacing any value it had. */
  static void set(Connection c, String key, String value) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
      upsert.setString(1, key);
      upsert.setString(2, value);
      upsert.executeUpdate();
    }
  }

  /** Removes {@code key}, if it is there. */
  static void remove(Connection c, String key) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM meta WHERE key = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    }
  }
}
