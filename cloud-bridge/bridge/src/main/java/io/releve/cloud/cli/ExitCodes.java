package io.releve.cloud.cli;

/**
 * Every exit code of the cloud CLI, in one place. The numbers follow BSD {@code sysexits.h}, which
 * systemd and scripts understand ({@code RestartPreventExitStatus=78}), as the gateway's do; {@code
 * diag} adds two of its own for the gateway's answer.
 */
public final class ExitCodes {
  public static final int OK = 0;

  /** Something went wrong that is not the caller's input. */
  public static final int FAILURE = 1;

  /** {@code diag}: the gateway answered with a 4xx code (bad arguments, no such meter). */
  public static final int GATEWAY_REFUSED = 2;

  /** {@code diag}: the gateway answered with a 5xx code (the command failed, not now). */
  public static final int GATEWAY_FAILED = 3;

  /** EX_USAGE: wrong options or arguments, an unknown diagnostic command. */
  public static final int USAGE = 64;

  /** EX_DATAERR: the gateway's answer breaks the contract. */
  public static final int DATA_ERROR = 65;

  /** EX_NOINPUT: the database does not exist yet. */
  public static final int NO_INPUT = 66;

  /** EX_UNAVAILABLE: the broker cannot be reached or refuses us. */
  public static final int UNAVAILABLE = 69;

  /** EX_SOFTWARE: a bug; the message and stack trace go to stderr. */
  public static final int SOFTWARE = 70;

  /** EX_IOERR: reading or writing the database failed. */
  public static final int IO_ERROR = 74;

  /** EX_TEMPFAIL: {@code diag} had no answer within the timeout (the gateway may be offline). */
  public static final int NO_ANSWER = 75;

  /** EX_CONFIG: the configuration is invalid; the message names file, key and value. */
  public static final int CONFIG = 78;

  private ExitCodes() {}
}
