package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.RadioConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The {@code --receiver} option of the commands that listen on the radio, and its resolution. */
final class ReceiverOption {

  @Option(
      names = "--receiver",
      paramLabel = "NAME",
      description = "Only this receiver (stick.NAME, rtlwmbus.NAME or NAME); repeatable.")
  List<String> names = new ArrayList<>();

  /** The configured receivers, or those named by {@code --receiver}. */
  List<RadioConfig.Receiver> chosen(GatewayConfig config) {
    List<RadioConfig.Receiver> all = config.radio().receivers();
    if (all.isEmpty()) {
      throw new CliException(
          ExitCodes.CONFIG,
          config.file()
              + ": no radio receiver is configured (stick.NAME.* or rtlwmbus.NAME.*, see"
              + " config/releve.conf).");
    }
    if (names.isEmpty()) {
      return all;
    }
    List<RadioConfig.Receiver> chosen = new ArrayList<>();
    for (String name : names) {
      Optional<RadioConfig.Receiver> match =
          all.stream()
              .filter(r -> r.name().equals(name) || r.name().endsWith("." + name))
              .findFirst();
      if (match.isEmpty()) {
        throw new CliException(
            ExitCodes.USAGE,
            "--receiver ["
                + name
                + "] is not configured; configured: "
                + all.stream().map(RadioConfig.Receiver::name).collect(Collectors.joining(", "))
                + ".");
      }
      chosen.add(match.get());
    }
    return chosen;
  }
}
