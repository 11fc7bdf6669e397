package io.releve.portal.notify;

import io.releve.portal.store.Lang;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An account to tell, with what it chose.
 *
 * @param phone in E.164, or null when the account has none (then it gets no SMS)
 */
record Recipient(
    long account, String email, String firstName, String phone, Lang lang, Settings settings) {

  /**
   * The columns a recipient query selects: the account's as {@code a}, its settings as {@code s} (a
   * {@code LEFT JOIN notification_settings s}).
   */
  static final String COLUMNS =
      "a.id AS account_id, a.email, a.first_name, a.phone, a.lang, s.alerts_email, s.alerts_sms,"
          + " s.documents_email, s.documents_sms";

  /**
   * The condition an account must meet to be told anything: activated and not closed (a closed
   * account has no e-mail nor phone left).
   */
  static final String REACHABLE = "a.closed_at IS NULL AND a.activated_at IS NOT NULL";

  static Recipient read(ResultSet row) throws SQLException {
    return new Recipient(
        row.getLong("account_id"),
        row.getString("email"),
        row.getString("first_name"),
        row.getString("phone"),
        Lang.parse(row.getString("lang")).orElse(Lang.FR),
        SettingsStore.read(row));
  }

  /** Whether {@code channel} is chosen for {@code topic} and this account can receive it. */
  boolean reachable(Settings.Topic topic, Channel channel) {
    if (!settings.wants(topic, channel)) {
      return false;
    }
    return channel == Channel.EMAIL ? email != null : phone != null && !phone.isEmpty();
  }
}
