package io.releve.portal.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The notices queued ({@code notifications}); how far the notifier has gone is in {@link
 * io.releve.portal.store.PortalMarks}. Methods run inside the caller's transaction: a notice is
 * recorded in the transaction that decides to send it, so that it is sent at most once whatever
 * restarts or how many portals run.
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
}
