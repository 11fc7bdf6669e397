package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

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
          int readings = deleteBefore(c, "readings", now.minus(policy.readings()));
          int rawFrames = deleteBefore(c, "raw_frames", now.minus(policy.rawFrames()));
          int quarantine = deleteBefore(c, "quarantine", now.minus(policy.quarantine()));
          return new RetentionResult(rawFrames, readings, quarantine);
        });
  }

  private static int deleteBefore(Connection c, String table, Instant cutoff) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM " + table + " WHERE received_at < ?")) {
      delete.setLong(1, cutoff.toEpochMilli());
      return delete.executeUpdate();
    }
  }
}
