package io.releve.cloud.bench;

/** The benchmark CLI's exit codes, BSD {@code sysexits.h} as the other CLIs of the project. */
public final class ExitCodes {
  /** Every check passed (whatever the speed: the ratio says how it compares). */
  public static final int OK = 0;

  /** A check failed, or the run could not measure (timeout, broker, database). */
  public static final int FAILED = 1;

  /** EX_USAGE: wrong options. */
  public static final int USAGE = 64;

  /** EX_UNAVAILABLE: Mosquitto is not installed. */
  public static final int UNAVAILABLE = 69;

  /** EX_SOFTWARE: a bug; the stack trace goes to stderr. */
  public static final int SOFTWARE = 70;

  private ExitCodes() {}
}
