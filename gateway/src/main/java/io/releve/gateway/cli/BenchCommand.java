package io.releve.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code releve bench …}: performance measurements on built-in data, without hardware. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures the gateway's performance figures (DESIGN §9) on built-in data.",
    subcommands = {
      BenchDecodeCommand.class,
      BenchPollCommand.class,
      BenchDrainCommand.class,
      BenchFootprintCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
