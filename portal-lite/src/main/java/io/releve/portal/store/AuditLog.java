package io.releve.portal.store;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The audit log: logins, enrolments, consent changes, password changes, exports, closings, imports
 * and exits. Callers never put a password, token or session id in it.
 */
public final class AuditLog {

  private final Database database;

  public AuditLog(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Appends a row inside the caller's transaction, so that the row and what it records commit
   * together.
   *
   * @param actor the acting account, or null (anonymous, the CLI)
   * @return its id
   */
  public long append(
      Connection c,
      Instant at,
      Long actor,
      String action,
      String subject,
      String ip,
      String outcome)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO audit (at, actor, action, subject, ip, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setLong(1, at.toEpochMilli());
      Sql.setLong(insert, 2, actor);
      insert.setString(3, Objects.requireNonNull(action, "action"));
      insert.setString(4, subject);
      insert.setString(5, ip);
      insert.setString(6, Objects.requireNonNull(outcome, "outcome"));
      return Sql.returningLong(insert);
    }
  }

  /** Appends a row in a transaction of its own, at the store's clock (a failed login, say). */
  public long append(Long actor, String action, String subject, String ip, String outcome) {
    return database.write(
        "audit " + action,
        Durability.FULL,
        c -> append(c, database.clock().instant(), actor, action, subject, ip, outcome));
  }

  /** The rows whose actor is {@code actor}, oldest first. */
  public List<AuditEntry> byActor(Connection c, long actor) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, at, actor, action, subject, ip, outcome FROM audit WHERE actor = ?"
                + " ORDER BY at, id")) {
      select.setLong(1, actor);
      List<AuditEntry> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new AuditEntry(
                  row.getLong("id"),
                  Sql.instant(row, "at"),
                  Sql.nullableLong(row, "actor"),
                  row.getString("action"),
                  row.getString("subject"),
                  row.getString("ip"),
                  row.getString("outcome")));
        }
      }
      return result;
    }
  }
}
