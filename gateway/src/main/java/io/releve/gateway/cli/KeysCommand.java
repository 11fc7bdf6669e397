package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.config.ConfigException;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.decode.radio.KeyStore.KeyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code releve keys …}: the radio meters' AES-128 keys. A key is read from standard input or a
 * file, never from the command line (it would stay in the shell history and show in {@code ps}),
 * and never printed: listings show a fingerprint.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Set, list, remove and import the AES-128 keys of radio meters.",
    subcommands = {
      KeysSetCommand.class,
      KeysListCommand.class,
      KeysRemoveCommand.class,
      KeysImportCommand.class,
    })
final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Unmatched List<String> unmatched;

  @Override
  public void run() {
    refuseUnmatched(spec, unmatched);
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Refuses arguments nobody asked for without echoing them (picocli's own message would quote
   * them): they may be a key typed on the command line. Every keys command captures them with
   * {@code @Unmatched} for this.
   */
  static void refuseUnmatched(CommandSpec spec, List<String> unmatched) {
    if (unmatched != null && !unmatched.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          (unmatched.size() == 1
                  ? "unexpected argument"
                  : unmatched.size() + " unexpected arguments")
              + " (not shown: a key never goes on the command line, where it would stay in the"
              + " shell history and show in ps; give it on standard input)");
    }
  }

  /**
   * The {@code --keys FILE} option shared by the subcommands, and the one place where the key file
   * is resolved: the option, else {@code keys.path} of the configuration file when there is one,
   * else {@code keys} next to the configuration file ({@code /etc/releve/keys}).
   */
  static final class Store {

    @Option(
        names = "--keys",
        paramLabel = "FILE",
        description =
            "Key file (default: keys.path of the configuration, else keys next to the"
                + " configuration file). Created with mode 0640 when missing.")
    Path keys;

    @Mixin ConfigOption config = new ConfigOption();

    /** Opens the store; notices go to stderr as warnings. */
    KeyStore open(CommandSpec spec) throws ConfigException, IOException {
      GatewayConfig.Keys settings =
          config
              .loadIfPresent()
              .map(GatewayConfig::keys)
              .orElseGet(() -> GatewayConfig.Keys.defaultsFor(config.path()));
      if (keys != null && isKey(keys.toString())) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--keys names the key file; the key itself goes on standard input.");
      }
      Path file = keys != null ? keys : settings.path();
      PrintWriter err = spec.commandLine().getErr();
      try {
        return KeyStore.open(
            file,
            settings.group(),
            notice -> {
              err.println("releve: warning: " + notice);
              err.flush();
            });
      } catch (KeyFileException e) {
        throw failure(spec, e);
      }
    }
  }

  /**
   * True when an argument meant as a file name is only hex digits (spaces and colons allowed), at
   * least sixteen: a key given in the wrong place, which must not be echoed in an error.
   */
  static boolean isKey(String text) {
    String digits = text.replaceAll("[\\s:]", "");
    return digits.length() >= 16 && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /**
   * A key file that cannot be used: bad lines on stderr, then exit 65; too open a mode is a setup
   * error, exit 78 like a bad configuration.
   */
  static CliException failure(CommandSpec spec, KeyFileException e) {
    if (e.reason() == KeyFileException.Reason.UNSAFE_PERMISSIONS) {
      return new CliException(ExitCodes.CONFIG, e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    e.problems().forEach(err::println);
    err.flush();
    return new CliException(ExitCodes.DATA_ERROR, "nothing changed: " + e.getMessage(), e);
  }
}
