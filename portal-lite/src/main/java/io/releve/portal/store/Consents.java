package io.releve.portal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consent ledger: append-only (the store's triggers refuse UPDATE and DELETE); the current
 * choice for an account and a dwelling is its latest row. Methods run inside the caller's
 * transaction, with the audit row of the change.
 */
public final class Consents {

  private static final String COLUMNS =
      "id, account, dwelling, choice, recorded_at, recorded_by, recorder, evidence";

  /**
   * Appends a choice.
   *
   * @param recordedBy the account recording it: the resident's own, or a manager's
   * @param evidence required (non-blank) for a manager's grant, else may be null
   * @return the row's id
   * @throws IllegalArgumentException for a manager's grant without evidence
   */
  public long append(
      Connection c,
      long account,
      long dwelling,
      Choice choice,
      long recordedBy,
      Recorder recorder,
      String evidence,
      Instant at)
      throws SQLException {
    if (recorder == Recorder.MANAGER
        && choice == Choice.GRANTED
        && (evidence == null || evidence.isBlank())) {
      throw new IllegalArgumentException("A manager records a grant only with its evidence.");
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO consents (account, dwelling, choice, recorded_at, recorded_by, recorder,"
                + " evidence) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setLong(1, account);
      insert.setLong(2, dwelling);
      insert.setString(3, choice.value());
      insert.setLong(4, at.toEpochMilli());
      insert.setLong(5, recordedBy);
      insert.setString(6, recorder.value());
      insert.setString(7, evidence);
      return Sql.returningLong(insert);
    }
  }

  /** The current choice: the latest row for the account and the dwelling; empty before any. */
  public Optional<Consent> current(Connection c, long account, long dwelling) throws SQLException {
    List<Consent> rows =
        list(
            c,
            "account = ? AND dwelling = ? ORDER BY recorded_at DESC, id DESC LIMIT 1",
            account,
            dwelling);
    return rows.stream().findFirst();
  }

  /** Every row for the account and the dwelling, oldest first. */
  public List<Consent> history(Connection c, long account, long dwelling) throws SQLException {
    return list(c, "account = ? AND dwelling = ? ORDER BY recorded_at, id", account, dwelling);
  }

  /** Every row of the account, whatever the dwelling, oldest first (for "my data"). */
  public List<Consent> ofAccount(Connection c, long account) throws SQLException {
    return list(c, "account = ? ORDER BY recorded_at, id", account);
  }

  private static List<Consent> list(Connection c, String whereAndOrder, long... keys)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM consents WHERE " + whereAndOrder)) {
      for (int i = 0; i < keys.length; i++) {
        select.setLong(i + 1, keys[i]);
      }
      List<Consent> result = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          result.add(
              new Consent(
                  row.getLong("id"),
                  row.getLong("account"),
                  row.getLong("dwelling"),
                  Choice.fromColumn(row.getString("choice")),
                  Sql.instant(row, "recorded_at"),
                  row.getLong("recorded_by"),
                  Recorder.fromColumn(row.getString("recorder")),
                  row.getString("evidence")));
        }
      }
      return result;
    }
  }
}
