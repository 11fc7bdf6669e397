package io.releve.portal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Column conversions shared by the repositories: times are epoch milliseconds, calendar dates
 * {@code YYYY-MM-DD} text, and nullable columns map to null, never to 0.
 */
final class Sql {

  private Sql() {}

  static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    setLong(statement, index, value == null ? null : value.toEpochMilli());
  }

  static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
    statement.setString(index, value == null ? null : value.toString());
  }

  static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    Long millis = nullableLong(row, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  static LocalDate date(ResultSet row, String column) throws SQLException {
    String text = row.getString(column);
    return text == null ? null : LocalDate.parse(text);
  }

  /** Runs an {@code INSERT … RETURNING id} (or any query of one long) and returns that long. */
  static long returningLong(PreparedStatement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("The statement returned no row");
      }
      return row.getLong(1);
    }
  }

  /** Makes the {@code sites} row of {@code site} when missing, as the registry does. */
  static void ensureSite(Connection c, SiteCode site, Instant now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO sites (code, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, site.value());
      insert.setLong(2, now.toEpochMilli());
      insert.executeUpdate();
    }
  }
}
