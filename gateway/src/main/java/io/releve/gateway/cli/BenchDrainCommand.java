package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.bench.CloudJar;
import io.releve.gateway.bench.DrainBacklog;
import io.releve.gateway.bench.DrainBenchmark;
import io.releve.gateway.bench.DrainResult;
import io.releve.gateway.config.UplinkConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve bench drain}: the outbox drain after a week's outage, real processes end to end.
 */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = {
      "Stores the backlog of an outage (by default 500 meters read every 15 minutes for 7 days:"
          + " 336 000 readings) in a gateway database in a temp folder, starts a Mosquitto of its"
          + " own on a free loopback port (or uses --broker) and the cloud bridge's jar as a child"
          + " process, then delivers the outbox with the gateway's uplink. Prints the time from the"
          + " uplink's start to the last ack stored, readings per second, and the ratio to the"
          + " target (DESIGN §9: 60 s); checks that the bridge holds every reading once.",
      "Exit codes: 0 done, 1 the drain failed or timed out, 64 bad option, 69 Mosquitto or the"
          + " cloud jar missing."
    })
public final class BenchDrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--meters",
      defaultValue = "500",
      description = "Meters in the backlog, 1–10000 (default: ${DEFAULT-VALUE}).")
  int meters;

  @Option(
      names = "--days",
      defaultValue = "7",
      description = "Days of the outage, 1–90 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--batch-size",
      defaultValue = "" + UplinkConfig.DEFAULT_BATCH_SIZE,
      description = "The uplink's rows per batch, 1–2000 (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--window",
      defaultValue = "" + UplinkConfig.DEFAULT_WINDOW,
      description = "The uplink's batches awaiting an ack, 1–32 (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      converter = DurationArgument.class,
      description = "Gives up (exit 1) when the drain takes longer (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--broker",
      paramLabel = "URI",
      description = "Use this running broker (tcp://HOST:PORT) instead of starting a Mosquitto.")
  String broker;

  @Option(
      names = "--cloud-jar",
      paramLabel = "FILE",
      description =
          "The cloud bridge's jar (default: $RELEVE_CLOUD_JAR, set by ./releve, else"
              + " cloud-bridge/bridge/target/releve-cloud.jar of $RELEVE_HOME).")
  Path cloudJar;

  @Option(
      names = "--keep",
      description = "Keep the temp folder (databases, configurations, logs) and print its path.")
  boolean keep;

  @Override
  public Integer call() {
    checkRange("--meters", meters, 1, 10_000);
    checkRange("--days", days, 1, 90);
    checkRange("--batch-size", batchSize, 1, 2_000);
    checkRange("--window", window, 1, 32);
    if (broker != null && !broker.matches("tcp://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
      throw new CliException(ExitCodes.USAGE, "--broker [" + broker + "] must be tcp://HOST:PORT.");
    }
    Path jar = CloudJar.locate(cloudJar, System.getenv());
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "releve bench drain: "
            + DrainBacklog.readings(meters, days)
            + " readings to store, then to deliver through the broker to the bridge…");
    err.flush();
    DrainResult result =
        new DrainBenchmark(
                new DrainBenchmark.Settings(
                    meters, days, batchSize, window, timeout, broker, jar, keep))
            .run(
                line -> {
                  err.println("releve bench drain: " + line);
                  err.flush();
                });
    PrintWriter out = spec.commandLine().getOut();
    result.lines().forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }

  private static void checkRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new CliException(
          ExitCodes.USAGE,
          option + " [" + value + "] must lie between " + min + " and " + max + ".");
    }
  }
}
