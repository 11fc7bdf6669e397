package io.releve.portal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * How far each background job of the portal has gone ({@code portal_marks}: a number per name),
 * read and raised inside the caller's transaction.
 */
public final class PortalMarks {

  private PortalMarks() {}

  /** The mark of {@code name}, if any. */
  public static OptionalLong get(Connection c, String name) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT mark FROM portal_marks WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /**
   * Sets the mark of {@code name} to {@code value} unless it is already as high: marks only rise,
   * whatever the order in which several portals' jobs commit.
   */
  public static void raise(Connection c, String name, long value) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO portal_marks (name, mark) VALUES (?, ?) ON CONFLICT (name)"
                + " DO UPDATE SET mark = excluded.mark WHERE excluded.mark > portal_marks.mark")) {
      upsert.setString(1, name);
      upsert.setLong(2, value);
      upsert.executeUpdate();
    }
  }
}
