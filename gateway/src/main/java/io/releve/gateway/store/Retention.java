package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Deletes rows older than a {@link RetentionPolicy} allows. Deleting readings never frees their
 * sequence numbers: those come from a counter that only grows (see {@link OutboxSequence}).
 */
public final class Retention {

  private final Database database;

  public Retention(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Deletes, in one transaction, the raw frames, readings and quarantined frames received before
   * {@code now} minus their retention.
   *
   * @throws StoreException when SQLite fails
   */
  public RetentionResult apply(Instant now, RetentionPolicy policy) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(policy, "policy");
    return database.write(
        "apply retention",
        Durability.NORMAL,
        c -> {
          OptionalLong keepAbove = Outbox.retentionFloor(c);
          Instant readingsCutoff = now.minus(policy.readings());
          int readings = deleteOutboxRows(c, "readings", "received_at", readingsCutoff, keepAbove);
          // health reports are kept as long as readings, and spared the same way
          deleteOutboxRows(c, "gateway_events", "at", readingsCutoff, keepAbove);
          int rawFrames = deleteBefore(c, "raw_frames", now.minus(policy.rawFrames()));
          int quarantine = deleteBefore(c, "quarantine", now.minus(policy.quarantine()));
          return new RetentionResult(rawFrames, readings, quarantine);
        });
  }

  /**
   * While the uplink holds the outbox, a row the bridge has not acknowledged is kept whatever its
   * age: it has not reached the cloud yet.
   */
  private static int deleteOutboxRows(
      Connection c, String table, String timeColumn, Instant cutoff, OptionalLong keepAbove)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM " + table + " WHERE " + timeColumn + " < ? AND outbox_seq <= ?")) {
      delete.setLong(1, cutoff.toEpochMilli());
      delete.setLong(2, keepAbove.orElse(Long.MAX_VALUE));
      return delete.executeUpdate();
    }
  }

  private static int deleteBefore(Connection c, String table, Instant cutoff) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM " + table + " WHERE received_at < ?")) {
      delete.setLong(1, cutoff.toEpochMilli());
      return delete.executeUpdate();
    }
  }
}
