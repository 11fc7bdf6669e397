package io.releve.portal.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The notices queued ({@code notifications}) and how far the notifier has gone ({@code
 * portal_marks}). Methods run inside the caller's transaction: a notice is recorded in the
 * transaction that decides to send it, so that it is sent at most once whatever restarts or how
 * many portals run.
 */
final class Notices {

  /**
   * Records the notice of {@code subject} to {@code account} by {@code channel}.
   *
   * @return true when it is new and so must be sent; false when it was recorded before (by this
   *     portal or another one)
   */
  boolean record(Connection c, long account, String subject, Channel channel, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO notifications (account, subject, channel, queued_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (account, subject, channel) DO NOTHING")) {
      insert.setLong(1, account);
      insert.setString(2, subject);
      insert.setString(3, channel.value());
      insert.setLong(4, now.toEpochMilli());
      return insert.executeUpdate() == 1;
    }
  }

  /** The mark of {@code name}, if any. */
  OptionalLong mark(Connection c, String name) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT mark FROM portal_marks WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /**
   * Sets the mark of {@code name} to {@code value} unless it is already as high: marks only rise.
   */
  void raiseMark(Connection c, String name, long value) throws SQLException {
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
