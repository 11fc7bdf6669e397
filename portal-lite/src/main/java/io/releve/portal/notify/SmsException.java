package io.releve.portal.notify;

/** A text message the provider did not accept; the message never holds the full number. */
public final class SmsException extends Exception {

  public SmsException(String message, Throwable cause) {
    super(message, cause);
  }

  public SmsException(String message) {
    super(message);
  }
}
