package io.releve.gateway.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronisation state as systemd knows it: the flag file systemd-timesyncd creates once it
 * has set the clock, else {@code timedatectl show -p NTPSynchronized --value}, which reads the
 * kernel's own flag (adjtimex) and so also covers chrony or ntpd.
 */
public final class TimesyncSource implements SyncSource {

  private static final Logger LOG = LoggerFactory.getLogger(TimesyncSource.class);

  /** Created by systemd-timesyncd at its first synchronisation, removed at boot. */
  public static final Path TIMESYNCD_FLAG = Path.of("/run/systemd/timesync/synchronized");

  static final List<String> TIMEDATECTL =
      List.of("timedatectl", "show", "-p", "NTPSynchronized", "--value");

  /** timedatectl answers in milliseconds; a hung D-Bus must not hold the clock check. */
  private static final long TIMEDATECTL_TIMEOUT_SECONDS = 5;

  private final Path flag;
  private final List<String> command;
  private volatile boolean unknownLogged;

  public TimesyncSource() {
    this(TIMESYNCD_FLAG, TIMEDATECTL);
  }

  /** With another flag file and command, for tests. */
  TimesyncSource(Path flag, List<String> command) {
    this.flag = flag;
    this.command = List.copyOf(command);
  }

  @Override
  public Answer ask() {
    if (Files.exists(flag)) {
      return Answer.SYNCHRONISED;
    }
    String reason;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // systemd's tools tell NOTIFY_SOCKET their errors ("ERRNO=112"): they must not speak for
      // the daemon
      builder.environment().remove("NOTIFY_SOCKET");
      builder.environment().remove("WATCHDOG_USEC");
      builder.environment().remove("WATCHDOG_PID");
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEDATECTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        reason =
            String.join(" ", command) + " did not answer in " + TIMEDATECTL_TIMEOUT_SECONDS + " s";
      } else {
        String out =
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() == 0 && out.equals("yes")) {
          return Answer.SYNCHRONISED;
        }
        if (process.exitValue() == 0 && out.equals("no")) {
          return Answer.UNSYNCHRONISED;
        }
        reason =
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + firstLine(out);
      }
    } catch (IOException e) {
      reason = "cannot run " + command.get(0) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.UNKNOWN;
    }
    if (!unknownLogged) {
      unknownLogged = true;
      LOG.warn(
          "clock: cannot tell whether the clock is synchronised ({}); trusting the system clock",
          reason);
    }
    return Answer.UNKNOWN;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
