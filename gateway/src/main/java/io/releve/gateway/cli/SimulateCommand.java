package io.releve.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code releve simulate …}: the simulated building, for trying the gateway without hardware. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Runs the simulated building (config/simulated-building.conf) without hardware.",
    subcommands = {SimulateServeCommand.class, SimulateBackfillCommand.class})
public final class SimulateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
