package io.releve.cloud.ingest;

import io.releve.contract.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The gateways' retained birth and will, into the gateways table. */
final class Statuses {

  private Statuses() {}

  /**
   * Records {@code status} unless the stored one is newer. A status is older when its {@code at} is
   * earlier. With the same {@code at}, offline wins: the will carries the time its session began,
   * the same as the birth of that session, and it comes after it.
   *
   * @return whether it was recorded
   */
  static boolean record(Connection c, Status status, long now) throws SQLException {
    Epochs.seen(c, status.gateway(), now);
    try (PreparedStatement select =
        c.prepareStatement("SELECT state, status_at FROM gateways WHERE id = ?")) {
      select.setString(1, status.gateway().value());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        String state = row.getString(1);
        long storedAt = row.getLong(2);
        if (state != null && isOlder(status, state, storedAt)) {
          return false;
        }
      }
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE gateways SET state = ?, status_at = ?, software = ?, epoch = ? WHERE id = ?")) {
      update.setString(1, status.state().wireName());
      update.setLong(2, status.at().toEpochMilli());
      update.setString(3, status.software());
      update.setString(4, status.epoch().toString());
      update.setString(5, status.gateway().value());
      update.executeUpdate();
    }
    return true;
  }

  static boolean isOlder(Status status, String storedState, long storedAt) {
    long at = status.at().toEpochMilli();
    if (at != storedAt) {
      return at < storedAt;
    }
    return status.state() == Status.State.ONLINE
        && Status.State.OFFLINE.wireName().equals(storedState);
  }
}
