package io.releve.gateway.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Frames that could not be used (bad checksum, bad length, truncated, DESIGN §7), kept with the
 * reason so that they can be looked at and counted. SQLite failures throw {@link StoreException}.
 */
public final class Quarantine {

  private static final Pattern REASON_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final Database database;

  public Quarantine(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Keeps a frame.
   *
   * @param reasonCode lower case words joined by underscores, such as {@code bad_checksum}
   * @return the id of the quarantined frame
   * @throws IllegalArgumentException when the reason code is not of that form
   */
  public long add(
      byte[] frame, String reasonCode, String message, String source, Instant receivedAt) {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (reasonCode == null || !REASON_CODE.matcher(reasonCode).matches()) {
      throw new IllegalArgumentException(
          "Reason code ["
              + reasonCode
              + "] must be lower case letters, digits and underscores, such as bad_checksum.");
    }
    return database.write(
        "quarantine a frame",
        Durability.NORMAL,
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO quarantine (received_at, source, reason_code, message, bytes)"
                      + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            insert.setLong(1, receivedAt.toEpochMilli());
            insert.setString(2, source);
            insert.setString(3, reasonCode);
            insert.setString(4, message);
            insert.setBytes(5, frame);
            try (ResultSet row = insert.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }

  /** The most recent frames first, at most {@code limit}. */
  public List<QuarantinedFrame> list(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("Limit [" + limit + "] must be at least 1.");
    }
    return database.read(
        "list the quarantine",
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT id, received_at, source, reason_code, message, bytes FROM quarantine"
                      + " ORDER BY received_at DESC, id DESC LIMIT ?")) {
            query.setInt(1, limit);
            List<QuarantinedFrame> frames = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                frames.add(
                    new QuarantinedFrame(
                        row.getLong("id"),
                        row.getBytes("bytes"),
                        row.getString("reason_code"),
                        row.getString("message"),
                        row.getString("source"),
                        Instant.ofEpochMilli(row.getLong("received_at"))));
              }
            }
            return frames;
          }
        });
  }

  public long count() {
    return database.read(
        "count the quarantine",
        c -> {
          try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM quarantine");
              ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }
}
