package io.releve.cloud.bench;

/**
 * The benchmark could not measure, or what it measured fails a check: a broker or database that did
 * not start, batches not acknowledged in time, readings missing from the database. The CLI prints
 * the message and exits 1.
 */
public final class BenchFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BenchFailedException(String message) {
    super(message);
  }

  public BenchFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
