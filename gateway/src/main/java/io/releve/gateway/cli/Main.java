package io.releve.gateway.cli;

import io.releve.common.cli.CliErrors;
import io.releve.gateway.bench.DrainFailedException;
import io.releve.gateway.bench.MissingPieceException;
import io.releve.gateway.store.InventoryException;
import io.releve.gateway.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the gateway jar: the installer's CLI and, later, the daemon ({@code run}). */
@Command(
    name = "releve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Relevé gateway: reads M-Bus and wireless M-Bus meters into SQLite.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      DecodeCommand.class,
      BenchCommand.class,
      CheckConfigCommand.class,
      AlertsCommand.class,
      MetersCommand.class,
      KeysCommand.class,
      ReadingsCommand.class,
      LeaksCommand.class,
      ScanCommand.class,
      ReadCommand.class,
      RunCommand.class,
      SimulateCommand.class,
      ListenCommand.class,
      SurveyCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code; used by tests to assert what a user sees. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with exit codes mapped in one place. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return CliErrors.of("releve")
        .exit(MissingPieceException.class, ExitCodes.UNAVAILABLE)
        .exit(DrainFailedException.class, ExitCodes.FAILURE)
        .exit(InventoryException.class, ExitCodes.DATA_ERROR)
        .exit(StoreException.class, ExitCodes.IO_ERROR)
        .install(cli);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
