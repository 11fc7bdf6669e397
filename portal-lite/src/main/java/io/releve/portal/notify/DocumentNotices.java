package io.releve.portal.notify;

import io.releve.portal.store.PortalMarks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * New documents to tell their resident about. The mark {@value #MARK} keeps the latest {@code
 * created_at} handled. A document written in a transaction that commits late may carry an earlier
 * time than one already seen, so each run also looks again at the documents of the last {@link
 * #OVERLAP}; the notices recorded make that second look harmless. Older documents are never looked
 * at again, so turning a setting on later does not bring back last month's statement.
 */
final class DocumentNotices {

  static final String MARK = "notify.documents";

  /** How far before the mark each run looks again. */
  static final Duration OVERLAP = Duration.ofMinutes(10);

  private static final String NEW =
      "SELECT d.id, d.kind, d.period, d.title, d.created_at, "
          + Recipient.COLUMNS
          + " FROM documents d JOIN residencies r ON r.id = d.residency"
          + " JOIN accounts a ON a.id = r.account"
          + " LEFT JOIN notification_settings s ON s.account = a.id"
          + " WHERE d.created_at > ? AND "
          + Recipient.REACHABLE
          + " AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.account = a.id"
          + " AND n.subject = 'document:' || CAST(d.id AS TEXT))"
          + " ORDER BY d.created_at, d.id";

  private final Notices notices;
  private final NoticeTexts texts;

  DocumentNotices(Notices notices, NoticeTexts texts) {
    this.notices = notices;
    this.texts = texts;
  }

  /**
   * Documents made after the mark, or in the last {@link #OVERLAP} before {@code now}, whose
   * resident was not told yet.
   */
  List<NewDocument> fresh(Connection c, Instant now) throws SQLException {
    long mark = PortalMarks.get(c, MARK).orElse(Long.MIN_VALUE);
    List<NewDocument> found = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(NEW)) {
      select.setLong(1, Math.min(mark, now.minus(OVERLAP).toEpochMilli()));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          found.add(
              new NewDocument(
                  row.getLong("id"),
                  row.getString("kind"),
                  row.getString("period"),
                  row.getString("title"),
                  Instant.ofEpochMilli(row.getLong("created_at")),
                  Recipient.read(row)));
        }
      }
    }
    return found;
  }

  /**
   * Records the notices of {@code document} and moves the mark up to it, in the caller's
   * transaction; returns what to send once it commits.
   */
  Outgoing decide(Connection c, NewDocument document, Instant now) throws SQLException {
    Outgoing out = new Outgoing();
    Recipient to = document.recipient();
    if (to.reachable(Settings.Topic.DOCUMENTS, Channel.EMAIL)
        && notices.record(c, to.account(), document.subject(), Channel.EMAIL, now)) {
      out.mails().add(texts.documentMail(document));
    }
    if (to.reachable(Settings.Topic.DOCUMENTS, Channel.SMS)
        && notices.record(c, to.account(), document.subject(), Channel.SMS, now)) {
      out.sms().add(texts.documentSms(document));
    }
    PortalMarks.raise(c, MARK, document.createdAt().toEpochMilli());
    return out;
  }
}
