package io.releve.portal.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The residents' notification settings ({@code notification_settings}). Methods run inside the
 * caller's transaction.
 */
public final class SettingsStore {

  /** The account's settings, or {@link Settings#DEFAULTS} when it never chose. */
  public Settings of(Connection c, long account) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT alerts_email, alerts_sms, documents_email, documents_sms"
                + " FROM notification_settings WHERE account = ?")) {
      select.setLong(1, account);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? read(row) : Settings.DEFAULTS;
      }
    }
  }

  /** Stores the account's settings, replacing any earlier choice. */
  public void set(Connection c, long account, Settings settings, Instant now) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO notification_settings (account, alerts_email, alerts_sms,"
                + " documents_email, documents_sms, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (account) DO UPDATE SET alerts_email = excluded.alerts_email,"
                + " alerts_sms = excluded.alerts_sms, documents_email = excluded.documents_email,"
                + " documents_sms = excluded.documents_sms, updated_at = excluded.updated_at")) {
      upsert.setLong(1, account);
      upsert.setInt(2, bit(settings.alertsEmail()));
      upsert.setInt(3, bit(settings.alertsSms()));
      upsert.setInt(4, bit(settings.documentsEmail()));
      upsert.setInt(5, bit(settings.documentsSms()));
      upsert.setLong(6, now.toEpochMilli());
      upsert.executeUpdate();
    }
  }

  /**
   * The settings in a row whose columns {@code alerts_email} … {@code documents_sms} come from a
   * {@code LEFT JOIN notification_settings}: all null means the defaults.
   */
  static Settings read(ResultSet row) throws SQLException {
    int alertsEmail = row.getInt(Settings.ALERTS_EMAIL);
    if (row.wasNull()) {
      return Settings.DEFAULTS;
    }
    return new Settings(
        alertsEmail == 1,
        row.getInt(Settings.ALERTS_SMS) == 1,
        row.getInt(Settings.DOCUMENTS_EMAIL) == 1,
        row.getInt(Settings.DOCUMENTS_SMS) == 1);
  }

  private static int bit(boolean value) {
    return value ? 1 : 0;
  }
}
