package io.releve.portal.notify;

import io.releve.portal.store.PortalMarks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Leak alerts to tell: active alerts of a notified type that opened, or whose level rose, since the
 * notifier last handled them. Each alert's {@code portal_marks} row ({@link LeakAlert#markName()})
 * keeps the highest level handled, so a mere update of the loss or the flow, or a level that falls,
 * tells nobody. The people told are the occupants of the meter's dwelling — active residencies, not
 * an owner lessor's — whose window (00:00 of the move-in day to the end of the move-out day in the
 * sites' zone) holds the alert's start: a new occupant is never told of the previous one's leak.
 */
final class AlertNotices {

  private static final String CHANGED =
      "SELECT al.gateway, al.epoch, al.alert_id, al.type, al.condition, al.level, al.start,"
          + " al.total_loss_m3, al.average_flow_lph, d.medium, d.printed_serial, d.dwelling"
          + " FROM alerts al LEFT JOIN devices d ON d.device = al.device"
          + " LEFT JOIN portal_marks m ON m.name = 'notify.alert:' || al.gateway || '/'"
          + " || al.epoch || '/' || CAST(al.alert_id AS TEXT)"
          + " WHERE al.ended_at IS NULL AND al.type IN ("
          + LeakAlert.NOTIFIED_TYPES
          + ") AND (m.mark IS NULL OR COALESCE(al.level, 0) > m.mark)"
          + " ORDER BY al.start, al.gateway, al.epoch, al.alert_id";

  private static final String OCCUPANTS =
      "SELECT r.move_in, r.move_out, "
          + Recipient.COLUMNS
          + " FROM residencies r JOIN accounts a ON a.id = r.account"
          + " LEFT JOIN notification_settings s ON s.account = a.id"
          + " WHERE r.dwelling = ? AND r.state = 'active' AND r.role <> 'owner_lessor' AND "
          + Recipient.REACHABLE
          + " ORDER BY a.id";

  private final Notices notices;
  private final NoticeTexts texts;
  private final ZoneId zone;

  AlertNotices(Notices notices, NoticeTexts texts, ZoneId zone) {
    this.notices = notices;
    this.texts = texts;
    this.zone = zone;
  }

  /** The alerts not handled yet at their current level. */
  List<LeakAlert> changed(Connection c) throws SQLException {
    List<LeakAlert> found = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(CHANGED);
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        int level = row.getInt("level");
        Integer levelOrNull = row.wasNull() ? null : level;
        long dwelling = row.getLong("dwelling");
        Long dwellingOrNull = row.wasNull() ? null : dwelling;
        found.add(
            new LeakAlert(
                row.getString("gateway"),
                row.getString("epoch"),
                row.getLong("alert_id"),
                row.getString("type"),
                row.getString("condition"),
                levelOrNull,
                Instant.ofEpochMilli(row.getLong("start")),
                row.getString("total_loss_m3"),
                row.getString("average_flow_lph"),
                row.getString("medium"),
                row.getString("printed_serial"),
                dwellingOrNull));
      }
    }
    return found;
  }

  /**
   * Records the notices of {@code alert} and marks it handled at its level, in the caller's
   * transaction; returns what to send once it commits (only notices not recorded before).
   */
  Outgoing decide(Connection c, LeakAlert alert, Instant now) throws SQLException {
    Outgoing out = new Outgoing();
    if (alert.dwelling() != null) {
      for (Recipient to : occupants(c, alert)) {
        if (to.reachable(Settings.Topic.ALERTS, Channel.EMAIL)
            && notices.record(c, to.account(), alert.subject(), Channel.EMAIL, now)) {
          out.mails().add(texts.alertMail(to, alert));
        }
        if (to.reachable(Settings.Topic.ALERTS, Channel.SMS)
            && notices.record(c, to.account(), alert.subject(), Channel.SMS, now)) {
          out.sms().add(texts.alertSms(to, alert));
        }
      }
    }
    PortalMarks.raise(c, alert.markName(), alert.markLevel());
    return out;
  }

  /** The occupants of the alert's dwelling whose window holds the alert's start. */
  private List<Recipient> occupants(Connection c, LeakAlert alert) throws SQLException {
    List<Recipient> found = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(OCCUPANTS)) {
      select.setLong(1, alert.dwelling());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          LocalDate moveIn = LocalDate.parse(row.getString("move_in"));
          String moveOut = row.getString("move_out");
          Instant from = moveIn.atStartOfDay(zone).toInstant();
          Instant until =
              moveOut == null
                  ? null
                  : LocalDate.parse(moveOut).plusDays(1).atStartOfDay(zone).toInstant();
          boolean covers =
              !alert.start().isBefore(from) && (until == null || alert.start().isBefore(until));
          if (covers) {
            found.add(Recipient.read(row));
          }
        }
      }
    }
    return found;
  }

  /**
   * Forgets the marks of alerts that ended: an ended alert never comes back (a new one gets a new
   * id), so its mark is dead weight. One pass over the ended alerts, each mark found by its key.
   */
  int forgetEnded(Connection c) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM portal_marks WHERE name IN (SELECT 'notify.alert:' || al.gateway || '/'"
                + " || al.epoch || '/' || CAST(al.alert_id AS TEXT) FROM alerts al"
                + " WHERE al.ended_at IS NOT NULL)")) {
      return delete.executeUpdate();
    }
  }
}
