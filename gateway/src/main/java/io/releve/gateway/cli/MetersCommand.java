package io.releve.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code releve meters …}: the inventory of installed meters and allocators. */
@Command(
    name = "meters",
    mixinStandardHelpOptions = true,
    description = "List, add, remove, import and export the installed meters.",
    subcommands = {
      MetersListCommand.class,
      MetersAddCommand.class,
      MetersRemoveCommand.class,
      MetersImportCommand.class,
      MetersExportCommand.class,
    })
final class MetersCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
