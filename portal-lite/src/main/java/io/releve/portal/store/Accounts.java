package io.releve.portal.store;

import io.releve.cloud.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Residents' and managers' accounts. E-mails are stored in lower case, so one address is one
 * account whatever its case. Methods that take a {@link Connection} run inside the caller's
 * transaction.
 */
public final class Accounts {

  private static final String COLUMNS =
      "id, email, kind, last_name, first_name, phone, password_hash, terms_accepted_at, lang,"
          + " created_at, activated_at, closed_at";

  private final Database database;

  public Accounts(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /** The e-mail as stored: trimmed, lower case. */
  public static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Creates an account that is not activated yet (no password).
   *
   * @return its id
   * @throws SQLException when the e-mail already has an account: look it up first with {@link
   *     #byEmail(Connection, String)}, since on PostgreSQL the failure aborts the transaction
   */
  public long create(
      Connection c,
      String email,
      AccountKind kind,
      String lastName,
      String firstName,
      Lang lang,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO accounts (email, kind, last_name, first_name, lang, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setString(1, normalizeEmail(email));
      insert.setString(2, kind.value());
      insert.setString(3, lastName);
      insert.setString(4, firstName);
      insert.setString(5, lang.value());
      insert.setLong(6, now.toEpochMilli());
      return Sql.returningLong(insert);
    }
  }

  /** The account of that e-mail, in any case; a closed account has none, so is never found. */
  public Optional<Account> byEmail(Connection c, String email) throws SQLException {
    return one(c, "email = ?", normalizeEmail(email));
  }

  /** {@link #byEmail(Connection, String)} in a transaction of its own. */
  public Optional<Account> byEmail(String email) {
    return database.read("find an account by e-mail", c -> byEmail(c, email));
  }

  /** The account of that id, closed or not. */
  public Optional<Account> byId(Connection c, long id) throws SQLException {
    return one(c, "id = ?", id);
  }

  /** {@link #byId(Connection, long)} in a transaction of its own. */
  public Optional<Account> byId(long id) {
    return database.read("find account " + id, c -> byId(c, id));
  }

  /** Sets the password hash (an Argon2id PHC string). */
  public void setPasswordHash(Connection c, long id, String passwordHash) throws SQLException {
    update(c, "password_hash = ?", passwordHash, id);
  }

  /** Records that the terms of use were accepted at {@code at}. */
  public void acceptTerms(Connection c, long id, Instant at) throws SQLException {
    update(c, "terms_accepted_at = ?", at.toEpochMilli(), id);
  }

  /** Sets the phone number (validated by the caller), or clears it with null. */
  public void setPhone(Connection c, long id, String phone) throws SQLException {
    update(c, "phone = ?", phone, id);
  }

  /** Sets the language of pages and mails. */
  public void setLang(Connection c, long id, Lang lang) throws SQLException {
    update(c, "lang = ?", lang.value(), id);
  }

  /**
   * Marks the account activated (its activation link was used).
   *
   * @return false when it was already activated or is closed
   */
  public boolean activate(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE accounts SET activated_at = ?"
                + " WHERE id = ? AND activated_at IS NULL AND closed_at IS NULL")) {
      update.setLong(1, at.toEpochMilli());
      update.setLong(2, id);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Closes the account: erases its e-mail, names, phone and password hash, and records when. The
   * row stays, since consents and audit rows name it; ending residencies and appending the
   * withdrawal belong to the same transaction, done by the caller.
   *
   * @return false when it was already closed
   */
  public boolean close(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE accounts SET email = NULL, last_name = NULL, first_name = NULL, phone = NULL,"
                + " password_hash = NULL, closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
      update.setLong(1, at.toEpochMilli());
      update.setLong(2, id);
      return update.executeUpdate() == 1;
    }
  }

  private static void update(Connection c, String set, Object value, long id) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE accounts SET " + set + " WHERE id = ?")) {
      if (value instanceof Long number) {
        update.setLong(1, number);
      } else {
        update.setString(1, (String) value);
      }
      update.setLong(2, id);
      if (update.executeUpdate() != 1) {
        throw new SQLException("No account " + id);
      }
    }
  }

  private static Optional<Account> one(Connection c, String where, Object key) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM accounts WHERE " + where)) {
      select.setObject(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(read(row)) : Optional.empty();
      }
    }
  }

  static Account read(ResultSet row) throws SQLException {
    return new Account(
        row.getLong("id"),
        row.getString("email"),
        AccountKind.fromColumn(row.getString("kind")),
        row.getString("last_name"),
        row.getString("first_name"),
        row.getString("phone"),
        row.getString("password_hash"),
        Sql.instant(row, "terms_accepted_at"),
        Lang.fromColumn(row.getString("lang")),
        Sql.instant(row, "created_at"),
        Sql.instant(row, "activated_at"),
        Sql.instant(row, "closed_at"));
  }
}
