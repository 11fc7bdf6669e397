package io.releve.gateway.demo;

/** The demo's cloud side could not be started: the message says which step and why. */
public final class CloudSideException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CloudSideException(String message) {
    super(message);
  }

  CloudSideException(String message, Throwable cause) {
    super(message, cause);
  }
}
