package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.bench.FootprintBenchmark;
import io.releve.gateway.bench.FootprintFailedException;
import io.releve.gateway.bench.FootprintResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve bench footprint}: the real daemon's memory and start-up, with the package's JVM
 * flags, on the simulated building with a week of backlog.
 */
@Command(
    name = "footprint",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a simulated building of about 500 meters on local TCP ports, stores a week of their"
          + " readings (every 15 minutes, none acknowledged) in a gateway database in a temp"
          + " folder, starts a Mosquitto of its own, then the real daemon as a child JVM with the"
          + " JVM flags the Debian package ships (java FLAGS -jar releve-gateway.jar run). Prints"
          + " the time from spawning it to its first request on a bus and its peak resident set"
          + " (VmHWM) after --cycles cycles of every bus, each as a ratio to its target (DESIGN"
          + " §9: 2 s and 96 MB); the daemon must then stop cleanly on SIGTERM.",
      "Exit codes: 0 done, 1 the daemon failed, timed out or did not stop cleanly, 64 bad"
          + " option, 69 Mosquitto missing."
    })
public final class BenchFootprintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--meters",
      defaultValue = "500",
      description = "About this many meters, 6–3000 (default: ${DEFAULT-VALUE}).")
  int meters;

  @Option(
      names = "--days",
      defaultValue = "7",
      description = "Days of backlog, 1–90 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--cycles",
      defaultValue = "3",
      description =
          "Poll cycles of every bus before the memory is read, 1–100 (default: ${DEFAULT-VALUE}).")
  long cycles;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      converter = DurationArgument.class,
      description =
          "Gives up (exit 1) when the daemon takes longer to do its cycles (default:"
              + " ${DEFAULT-VALUE}; a cycle of every bus takes about 40 s: raise it beyond 12"
              + " cycles).")
  Duration timeout;

  @Option(
      names = "--keep",
      description = "Keep the temp folder (database, configurations, logs) and print its path.")
  boolean keep;

  @Override
  public Integer call() {
    checkRange("--meters", meters, 6, 3_000);
    checkRange("--days", days, 1, 90);
    checkRange("--cycles", cycles, 1, 100);
    PrintWriter err = spec.commandLine().getErr();
    FootprintResult result;
    try {
      result =
          new FootprintBenchmark(
                  new FootprintBenchmark.Settings(meters, days, cycles, timeout, keep))
              .run(
                  line -> {
                    err.println("releve bench footprint: " + line);
                    err.flush();
                  });
    } catch (FootprintFailedException e) {
      throw new CliException(ExitCodes.FAILURE, e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    result.lines().forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }

  private static void checkRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new CliException(
          ExitCodes.USAGE,
          option + " [" + value + "] must lie between " + min + " and " + max + ".");
    }
  }
}
