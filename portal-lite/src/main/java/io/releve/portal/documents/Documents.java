package io.releve.portal.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code documents} table: one statement per residency and month ({@code UNIQUE (residency,
 * kind, period)}), and what an account may read of it — the documents of its own residencies only.
 */
final class Documents {

  static final String MONTHLY_STATEMENT = "monthly_statement";

  static final String PDF = "application/pdf";

  private static final String COLUMNS =
      "d.id, d.kind, d.period, d.title, d.content_type, LENGTH(d.body), d.created_at";

  /** Whether {@code residency} has its statement of {@code period}. */
  boolean exists(Connection c, long residency, YearMonth period) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT 1 FROM documents WHERE residency = ? AND kind = ? AND period = ?")) {
      select.setLong(1, residency);
      select.setString(2, MONTHLY_STATEMENT);
      select.setString(3, period.toString());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /**
   * Keeps the statement of {@code residency} for {@code period}; false when it was already kept (by
   * another portal between the check and now): the first one stays.
   */
  boolean insert(
      Connection c,
      long residency,
      YearMonth period,
      String lang,
      String title,
      byte[] pdf,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO documents (residency, kind, period, lang, title, content_type, body,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (residency, kind, period) DO NOTHING")) {
      insert.setLong(1, residency);
      insert.setString(2, MONTHLY_STATEMENT);
      insert.setString(3, period.toString());
      insert.setString(4, lang);
      insert.setString(5, title);
      insert.setString(6, PDF);
      insert.setBytes(7, pdf);
      insert.setLong(8, now.toEpochMilli());
      return insert.executeUpdate() == 1;
    }
  }

  /** The documents of every residency of {@code account}, newest period first. */
  List<Document> ofAccount(Connection c, long account) throws SQLException {
    List<Document> found = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM documents d JOIN residencies r ON r.id = d.residency"
                + " WHERE r.account = ? ORDER BY d.period DESC, d.created_at DESC, d.id DESC")) {
      select.setLong(1, account);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          found.add(read(row));
        }
      }
    }
    return found;
  }

  /** A document with its body, when it is of a residency of {@code account}. */
  Optional<Stored> ofAccount(Connection c, long account, long id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + ", d.body FROM documents d JOIN residencies r ON r.id = d.residency"
                + " WHERE d.id = ? AND r.account = ?")) {
      select.setLong(1, id);
      select.setLong(2, account);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(new Stored(read(row), row.getBytes(8))) : Optional.empty();
      }
    }
  }

  /** A document and its bytes. */
  record Stored(Document document, byte[] body) {}

  private static Document read(ResultSet row) throws SQLException {
    return new Document(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getLong(6),
        Instant.ofEpochMilli(row.getLong(7)));
  }
}
