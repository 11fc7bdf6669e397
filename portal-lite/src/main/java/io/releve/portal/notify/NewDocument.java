package io.releve.portal.notify;

import java.time.Instant;

/**
 * A document just kept for a resident ({@code documents}), and who to tell.
 *
 * @param period {@code YYYY-MM}
 * @param title as stored, in the document's language
 */
record NewDocument(
    long id, String kind, String period, String title, Instant createdAt, Recipient recipient) {

  /** The {@code notifications} subject: {@code document:ID}. */
  String subject() {
    return subject(id);
  }

  static String subject(long id) {
    return "document:" + id;
  }
}
