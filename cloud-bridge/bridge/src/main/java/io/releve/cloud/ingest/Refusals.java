package io.releve.cloud.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The count of refused payloads per gateway named in the topic. */
final class Refusals {

  /** Refusals whose topic names no valid gateway are counted under this key. */
  static final String UNKNOWN_GATEWAY = "";

  /** Long enough for a reason naming a field and its value. */
  private static final int MAX_REASON_LENGTH = 1000;

  private Refusals() {}

  static void count(Connection c, String gateway, String reason, long now) throws SQLException {
    String kept =
        reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO refusals (gateway, count, last_reason, last_at) VALUES (?, 1, ?, ?)"
                + " ON CONFLICT (gateway) DO UPDATE SET count = refusals.count + 1,"
                + " last_reason = excluded.last_reason, last_at = excluded.last_at")) {
      upsert.setString(1, gateway);
      upsert.setString(2, kept);
      upsert.setLong(3, now);
      upsert.executeUpdate();
    }
  }
}
