package io.releve.gateway.bench;

/**
 * The drain benchmark could not finish or its result is wrong: a process that did not start, a
 * drain that timed out, a bridge that holds other rows than the gateway sent. The message says how
 * far it got; the CLI exits 1.
 */
public final class DrainFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DrainFailedException(String message) {
    super(message);
  }

  public DrainFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
