package io.releve.gateway.cli;

/**
 * Every exit code of the CLI, in one place. The numbers follow BSD {@code sysexits.h}, which
 * systemd and installers' scripts understand ({@code RestartPreventExitStatus=78}).
 */
public final class ExitCodes {
  public static final int OK = 0;

  /** Something went wrong that is not the caller's input: an I/O error, a full disk. */
  public static final int FAILURE = 1;

  /** EX_USAGE: wrong options or arguments. */
  public static final int USAGE = 64;

  /** EX_DATAERR: the input data was wrong (a rejected frame, a bad CSV line). */
  public static final int DATA_ERROR = 65;

  /** EX_NOINPUT: an input file does not exist or cannot be read. */
  public static final int NO_INPUT = 66;

  /** EX_UNAVAILABLE: a program or file this needs is not installed; the message says how. */
  public static final int UNAVAILABLE = 69;

  /** EX_SOFTWARE: a bug; the message and stack trace go to stderr. */
  public static final int SOFTWARE = 70;

  /** EX_IOERR: reading or writing failed (database, file). */
  public static final int IO_ERROR = 74;

  /** EX_CONFIG: the configuration is invalid; the message names file, key and value. */
  public static final int CONFIG = 78;

  private ExitCodes() {}
}
