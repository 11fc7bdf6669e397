package io.releve.gateway.bench;

/**
 * The footprint benchmark could not measure: the daemon did not start, ended early, failed, did not
 * poll in time or did not stop cleanly. The message says which, with the end of its stderr.
 */
public final class FootprintFailedException extends RuntimeException {

  public FootprintFailedException(String message) {
    super(message);
  }

  public FootprintFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
