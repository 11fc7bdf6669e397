package io.releve.cloud.bench;

/**
 * A program the benchmark needs is not on this machine (Mosquitto); the message says how to get it.
 * The CLI exits 69 (EX_UNAVAILABLE).
 */
public final class MissingPieceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingPieceException(String message) {
    super(message);
  }
}
