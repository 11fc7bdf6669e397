package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve meters remove}: detaches a device from its dwelling. Its readings stay; it becomes
 * a device heard but not installed.
 */
@Command(
    name = "remove",
    description = "Remove an installed meter by its device key or its link-layer identity.")
final class MetersRemoveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  // Not mixinStandardHelpOptions: its --version would clash with the meter's --version.
  @Mixin HelpOption help;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Parameters(paramLabel = "KEY", description = "Device key, e.g. LUG-12345678-0A-07.")
    String key;

    @ArgGroup(exclusive = false)
    Identity identity;
  }

  static final class Identity {
    @Option(names = "--manufacturer", required = true, paramLabel = "MAN")
    String manufacturer;

    @Option(names = "--id", required = true, paramLabel = "ID")
    String id;

    @Option(names = "--version", required = true, paramLabel = "N")
    int version;

    @Option(names = "--type", required = true, paramLabel = "N")
    int type;
  }

  @Override
  public Integer call() throws Exception {
    DeviceIdentity identity = identity();
    boolean removed;
    try (Database db = database.open()) {
      removed = new Inventory(db).remove(identity);
    }
    if (!removed) {
      throw new CliException(ExitCodes.DATA_ERROR, "meter " + identity.key() + " is not installed");
    }
    spec.commandLine().getOut().println("removed " + identity.key());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private DeviceIdentity identity() {
    try {
      if (which.key != null) {
        return DeviceIdentity.parseKey(which.key);
      }
      Identity given = which.identity;
      return new DeviceIdentity(given.manufacturer, given.id, given.version, given.type);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
