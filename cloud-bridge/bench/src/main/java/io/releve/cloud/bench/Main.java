package io.releve.cloud.bench;

import io.releve.cloud.store.StoreException;
import io.releve.common.cli.CliErrors;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the cloud benchmarks' jar ({@code ./releve bench ingest} runs it). Logs of the
 * bridge, the pool and PostgreSQL go to stderr at WARN unless {@code RELEVE_LOG_LEVEL} says
 * otherwise, so that the benchmark's own lines stand out.
 */
@Command(
    name = "releve bench",
    mixinStandardHelpOptions = true,
    description = "The cloud side's benchmarks.",
    subcommands = {CommandLine.HelpCommand.class, IngestCommand.class})
public final class Main implements Runnable {

  /** The logback variable of the bridge's logging configuration. */
  static final String LOG_LEVEL = "RELEVE_LOG_LEVEL";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Name a benchmark: ingest.");
  }

  public static void main(String[] args) {
    if (System.getenv(LOG_LEVEL) == null && System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "WARN");
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, with exit codes mapped in one place. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return CliErrors.of("releve bench")
        .exit(MissingPieceException.class, ExitCodes.UNAVAILABLE)
        .exit(BenchFailedException.class, ExitCodes.FAILED)
        .exit(StoreException.class, ExitCodes.FAILED)
        .exit(MqttException.class, ExitCodes.FAILED)
        .install(cli);
  }
}
