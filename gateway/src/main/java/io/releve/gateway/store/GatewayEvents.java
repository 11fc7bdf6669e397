package io.releve.gateway.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

/**
 * Events about the gateway itself (health reports), numbered in the outbox with the readings so
 * that they reach the bridge in order and exactly once.
 */
public final class GatewayEvents {

  private final Database database;

  public GatewayEvents(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Stores one event in its own durable transaction.
   *
   * @param type a word of the contract's open vocabulary, such as {@code health}
   * @return its outbox seq
   */
  public long record(Instant at, String type, String detail) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
    return database.write(
        "store a " + type + " event",
        Durability.FULL,
        c -> {
          long seq = OutboxSequence.allocate(c, 1);
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO gateway_events (outbox_seq, at, type, detail) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setLong(2, at.toEpochMilli());
            insert.setString(3, type);
            insert.setString(4, detail);
            insert.executeUpdate();
          }
          return seq;
        });
  }
}
