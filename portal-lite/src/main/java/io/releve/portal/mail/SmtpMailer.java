package io.releve.portal.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;

/**
 * Sends each mail over its own SMTP connection (the portal sends a few a minute; a pooled
 * connection would only time out between them). Thread-safe.
 */
public final class SmtpMailer implements Mailer {

  /**
   * Connect, read and write timeouts, in milliseconds: Jakarta Mail waits forever by default, and a
   * stalled server must not stall the queue.
   */
  static final int TIMEOUT_MILLIS = 10_000;

  private final MailSettings.Smtp settings;
  private final Clock clock;
  private final Session session;
  private final InternetAddress from;

  public SmtpMailer(MailSettings.Smtp settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.from = MimeMessages.sender(settings.from());
    this.session = Session.getInstance(properties(settings));
  }

  /**
   * The session's properties; Angus Mail lists them in its {@code org.eclipse.angus.mail.smtp}
   * package documentation.
   */
  private static Properties properties(MailSettings.Smtp settings) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
    // "required": without it a server that does not offer STARTTLS gets the password in clear
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.setProperty("mail.mime.charset", "UTF-8");
    return p;
  }

  @Override
  public void send(Mail mail) throws MailException {
    try {
      MimeMessage message = MimeMessages.build(session, from, mail, clock.instant());
      try (Transport transport = session.getTransport("smtp")) {
        if (settings.username() == null) {
          transport.connect();
        } else {
          transport.connect(settings.username(), new String(settings.password().chars()));
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (AuthenticationFailedException e) {
      throw new MailException(
          where() + " refused the login of user [" + settings.username() + "]", e);
    } catch (MessagingException e) {
      throw new MailException(where() + " did not take a mail: " + explain(e), e);
    }
  }

  private String where() {
    return "the SMTP server " + settings.host() + ":" + settings.port();
  }

  /** A reader's explanation of the usual failures; otherwise Jakarta Mail's own message. */
  private String explain(MessagingException e) {
    String message = String.valueOf(e.getMessage());
    if (settings.starttls() && message.contains("STARTTLS is required")) {
      return "it does not offer STARTTLS, which portal.mail.starttls = true requires (the password"
          + " would travel in clear); use a server with TLS, or set portal.mail.starttls = false"
          + " only for a server on this machine";
    }
    if (e.getNextException() instanceof java.net.ConnectException) {
      return "nothing answers there (" + e.getNextException().getMessage() + ")";
    }
    return message;
  }
}
