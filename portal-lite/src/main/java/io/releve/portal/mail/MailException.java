package io.releve.portal.mail;

/** A mail could not be sent or written; the message never holds the body. */
public class MailException extends Exception {
  private static final long serialVersionUID = 1L;

  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
