package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.decode.radio.KeyFile.Meter;
import io.releve.gateway.decode.radio.KeyStore.KeyFileException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code releve keys remove METER}: forgets one meter's key. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Remove the key of a meter.")
final class KeysRemoveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KeysCommand.Store store;

  @Unmatched List<String> unmatched;

  @Parameters(paramLabel = "METER", description = "As given to keys set.")
  String meter;

  @Override
  public Integer call() throws Exception {
    KeysCommand.refuseUnmatched(spec, unmatched);
    Meter chosen;
    try {
      chosen = Meter.parse(meter);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for METER: " + e.getMessage(), e);
    }
    boolean removed;
    try {
      removed = store.open(spec).remove(chosen);
    } catch (KeyFileException e) {
      throw KeysCommand.failure(spec, e);
    }
    if (!removed) {
      throw new CliException(ExitCodes.DATA_ERROR, "meter " + chosen + " has no key");
    }
    spec.commandLine().getOut().println("removed key of " + chosen);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
