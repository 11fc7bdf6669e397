package io.releve.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code releve leaks …}: the leak detector of DESIGN §3.3 from the command line. */
@Command(
    name = "leaks",
    mixinStandardHelpOptions = true,
    description = "Find water leaks in meter readings.",
    subcommands = {
      LeaksAnalyzeCommand.class,
    })
final class LeaksCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
