package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.config.ConfigException;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The {@code --bus} option of the commands that talk to one wired bus of the configuration. */
public final class BusOption {

  @Option(
      names = "--bus",
      paramLabel = "NAME",
      description = "The bus of the configuration (bus.NAME.*); may be left out when there is one.")
  String name;

  /**
   * The bus named by {@code --bus}, or the only one.
   *
   * @throws CliException (usage, 64) when the name is unknown or needed and missing, naming the
   *     buses there are
   */
  BusConfig select(GatewayConfig config) throws ConfigException {
    String known = config.buses().stream().map(BusConfig::name).collect(Collectors.joining(", "));
    if (config.buses().isEmpty()) {
      throw new CliException(
          ExitCodes.CONFIG,
          config.file() + " configures no bus: add a bus.NAME.transport block (see releve.conf).");
    }
    if (name == null) {
      if (config.buses().size() == 1) {
        return config.buses().get(0);
      }
      throw new CliException(
          ExitCodes.USAGE, "Several buses are configured (" + known + "): choose one with --bus.");
    }
    return config.buses().stream()
        .filter(bus -> bus.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    ExitCodes.USAGE,
                    "Bus ["
                        + name
                        + "] is not in "
                        + config.file()
                        + "; the configured buses are: "
                        + known
                        + "."));
  }
}
