package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out outbox sequence numbers from the {@code outbox_sequence} row, inside the caller's
 * transaction.
 *
 * <p>Numbers come from a counter that only grows, never from {@code MAX(outbox_seq)} or SQLite's
 * rowid allocation: retention deletes old readings, and a number the bridge has acknowledged must
 * never be given to another reading, or the bridge would drop it as a duplicate. The counter moves
 * in the same transaction as the rows it numbers, so a rollback or a crash before commit returns
 * the numbers together with the rows, which were never sent. The transaction must be {@link
 * Durability#FULL} so that a commit, once seen, survives a power cut.
 */
final class OutboxSequence {

  /**
   * Reserves {@code count} consecutive numbers.
   *
   * @return the first of them
   */
  static long allocate(Connection c, int count) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE outbox_sequence SET next_seq = next_seq + ? WHERE id = 1"
                + " RETURNING next_seq - ?")) {
      update.setInt(1, count);
      update.setInt(2, count);
      try (ResultSet row = update.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("The outbox_sequence row is missing.");
        }
        return row.getLong(1);
      }
    }
  }

  /** The number the next reading will get. */
  static long peekNext(Connection c) throws SQLException {
    try (PreparedStatement query =
            c.prepareStatement("SELECT next_seq FROM outbox_sequence WHERE id = 1");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private OutboxSequence() {}
}
