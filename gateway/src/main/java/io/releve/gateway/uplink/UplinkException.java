package io.releve.gateway.uplink;

/** The uplink cannot be set up as configured (a certificate or password file unreadable). */
public final class UplinkException extends Exception {

  private static final long serialVersionUID = 1L;

  public UplinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
