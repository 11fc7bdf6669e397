package io.releve.portal.store;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Single-use links by the SHA-256 of their token (hex, lower case); the token itself is never
 * stored. Methods that take a {@link Connection} run inside the caller's transaction.
 */
public final class TokenStore {

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Database database;

  public TokenStore(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Stores a token's hash for {@code account}, usable until {@code expiresAt} (excluded).
   *
   * @throws IllegalArgumentException when {@code hash} is not 64 lower-case hex digits
   */
  public void insert(
      Connection c, String hash, long account, TokenPurpose purpose, Instant now, Instant expiresAt)
      throws SQLException {
    checkHash(hash);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO tokens (hash, account, purpose, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, hash);
      insert.setLong(2, account);
      insert.setString(3, purpose.value());
      insert.setLong(4, now.toEpochMilli());
      insert.setLong(5, expiresAt.toEpochMilli());
      insert.executeUpdate();
    }
  }

  /**
   * Uses the token: marks it used and returns its account, only when it has that purpose, was never
   * used and has not expired at {@code now}. One statement, so two requests racing with the same
   * link never both get the account (PostgreSQL re-checks the condition on the locked row).
   */
  public Optional<Long> consume(Connection c, String hash, TokenPurpose purpose, Instant now)
      throws SQLException {
    if (!HEX_SHA256.matcher(hash).matches()) {
      return Optional.empty();
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE tokens SET used_at = ? WHERE hash = ? AND purpose = ? AND used_at IS NULL"
                + " AND expires_at > ? RETURNING account")) {
      update.setLong(1, now.toEpochMilli());
      update.setString(2, hash);
      update.setString(3, purpose.value());
      update.setLong(4, now.toEpochMilli());
      try (ResultSet row = update.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  /** {@link #consume(Connection, String, TokenPurpose, Instant)} alone, at the store's clock. */
  public Optional<Long> consume(String hash, TokenPurpose purpose) {
    return database.write(
        "use a " + purpose.value() + " link",
        Durability.FULL,
        c -> consume(c, hash, purpose, database.clock().instant()));
  }

  /**
   * The account of a token that {@link #consume} would accept, without using it: for showing the
   * form behind a link before it is posted.
   */
  public Optional<Long> peek(Connection c, String hash, TokenPurpose purpose, Instant now)
      throws SQLException {
    if (!HEX_SHA256.matcher(hash).matches()) {
      return Optional.empty();
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT account FROM tokens WHERE hash = ? AND purpose = ? AND used_at IS NULL"
                + " AND expires_at > ?")) {
      select.setString(1, hash);
      select.setString(2, purpose.value());
      select.setLong(3, now.toEpochMilli());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * Marks every unused token of the account for that purpose used: a new reset link, or a changed
   * password, makes older links worthless.
   *
   * @return how many were still usable
   */
  public int revokeAll(Connection c, long account, TokenPurpose purpose, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE tokens SET used_at = ? WHERE account = ? AND purpose = ? AND used_at IS NULL")) {
      update.setLong(1, now.toEpochMilli());
      update.setLong(2, account);
      update.setString(3, purpose.value());
      return update.executeUpdate();
    }
  }

  private static void checkHash(String hash) {
    if (hash == null || !HEX_SHA256.matcher(hash).matches()) {
      // never echo it: it is as good as the token for a row-by-row attacker
      throw new IllegalArgumentException("A token hash must be 64 lower-case hex digits.");
    }
  }
}
