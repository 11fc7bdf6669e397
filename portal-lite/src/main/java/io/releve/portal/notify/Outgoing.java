package io.releve.portal.notify;

import io.releve.portal.mail.Mail;
import java.util.ArrayList;
import java.util.List;

/**
 * What one decision committed to send: it is handed to the mail queue and the SMS sender only after
 * the transaction that recorded it commits.
 */
record Outgoing(List<Mail> mails, List<Sms> sms) {

  Outgoing() {
    this(new ArrayList<>(), new ArrayList<>());
  }

  boolean isEmpty() {
    return mails.isEmpty() && sms.isEmpty();
  }
}
