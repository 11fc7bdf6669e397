package io.releve.cloud.bench;

import io.releve.cloud.store.StoreException;
import io.releve.common.cli.CliException;
import java.io.PrintWriter;
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
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof ParameterException usage) {
            return usageError(usage, parseResult.originalArgs().toArray(String[]::new));
          }
          int code = exitCodeOf(exception);
          PrintWriter err = commandLine.getErr();
          err.println("releve bench: " + describe(exception));
          if (code == ExitCodes.SOFTWARE) {
            exception.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    return cli;
  }

  private static int usageError(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("releve bench: " + exception.getMessage());
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof CliException cli) {
      return cli.exitCode();
    }
    if (exception instanceof MissingPieceException) {
      return ExitCodes.UNAVAILABLE;
    }
    if (exception instanceof BenchFailedException
        || exception instanceof StoreException
        || exception instanceof MqttException) {
      return ExitCodes.FAILED;
    }
    return ExitCodes.SOFTWARE;
  }

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }
}
