package io.releve.portal.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Builds the MIME message of a {@link Mail}: UTF-8 everywhere, so that accents survive. */
final class MimeMessages {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeMessages() {}

  /**
   * The sender as configured ({@code Relevé <no-reply@exemple.fr>}), its display name encoded in
   * UTF-8.
   *
   * @throws IllegalArgumentException when {@code from} is not an address
   */
  static InternetAddress sender(String from) {
    try {
      InternetAddress address = new InternetAddress(from, true);
      if (address.getPersonal() != null) {
        address.setPersonal(address.getPersonal(), UTF_8);
      }
      return address;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("not a sender address: [" + from + "]", e);
    }
  }

  static MimeMessage build(Session session, InternetAddress from, Mail mail, Instant now)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), UTF_8);
    message.setSentDate(Date.from(now));
    if (mail.html() == null) {
      message.setText(mail.text(), UTF_8);
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.text(), UTF_8);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(mail.html(), UTF_8, "html");
      MimeMultipart alternative = new MimeMultipart("alternative", text, html);
      message.setContent(alternative);
    }
    message.saveChanges();
    return message;
  }
}
