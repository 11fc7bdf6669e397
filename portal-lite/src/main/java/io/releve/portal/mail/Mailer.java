package io.releve.portal.mail;

/** Sends mail now, on the caller's thread; web requests go through {@link MailQueue} instead. */
public interface Mailer {

  /**
   * Sends {@code mail} or fails.
   *
   * @throws MailException when it was not accepted (server down, refused, disk full)
   */
  void send(Mail mail) throws MailException;
}
