package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.decode.radio.KeyFile;
import io.releve.gateway.decode.radio.KeyFile.Meter;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.decode.radio.KeyStore.KeyFileException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code releve keys set METER}: sets one meter's key, read from standard input (without echo on a
 * terminal) or from {@code --from FILE}. A key on the command line is refused, exit 64, without
 * being echoed.
 */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Set the AES-128 key of a meter: 32 hex digits on one line of standard input, or --from FILE.",
      "A key is never taken from the command line: it would stay in the shell history."
    })
final class KeysSetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KeysCommand.Store store;

  @Parameters(
      index = "0",
      paramLabel = "METER",
      description = "e.g. LUG-12345678-0A-07, or LUG-12345678 for every version and type.")
  String meter;

  // Caught so that a key typed after the meter is refused without picocli echoing it.
  @Parameters(index = "1..*", arity = "0..*", hidden = true)
  List<String> commandLineKey;

  @Unmatched List<String> unmatched;

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "Read the key from this file (its first line) instead of standard input.")
  Path from;

  @Override
  public Integer call() throws Exception {
    if (commandLineKey != null && !commandLineKey.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "a key is never taken from the command line (it would stay in the shell history and"
              + " show in ps): give it on standard input, e.g. releve keys set METER < key.txt,"
              + " or with --from FILE");
    }
    KeysCommand.refuseUnmatched(spec, unmatched);
    if (from != null && KeysCommand.isKey(from.toString())) {
      throw new ParameterException(
          spec.commandLine(), "--from names a file; the key itself goes on standard input.");
    }
    Meter chosen;
    try {
      chosen = Meter.parse(meter);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for METER: " + e.getMessage(), e);
    }
    byte[] key;
    try {
      key = KeyFile.parseKey(readKey(chosen), chosen);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.DATA_ERROR, e.getMessage(), e);
    }
    Optional<String> replaced;
    KeyStore keys = store.open(spec);
    try {
      replaced = keys.put(chosen, key);
    } catch (KeyFileException e) {
      throw KeysCommand.failure(spec, e);
    }
    String fingerprint = KeyFile.fingerprint(key);
    spec.commandLine()
        .getOut()
        .println(
            replaced
                .map(old -> "replaced key of " + chosen + " (" + old + " -> " + fingerprint + ")")
                .orElse("set key of " + chosen + " (" + fingerprint + ")"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The first line of the file, of the terminal (not echoed) or of standard input. */
  private String readKey(Meter chosen) throws IOException {
    String line;
    if (from != null) {
      try (BufferedReader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
        line = reader.readLine();
      } catch (NoSuchFileException e) {
        throw new CliException(ExitCodes.NO_INPUT, "cannot read " + from + ": no such file", e);
      }
    } else {
      Console console = System.console();
      if (console != null) {
        char[] typed = console.readPassword("Key of %s (32 hex digits): ", chosen);
        line = typed == null ? null : new String(typed);
        if (typed != null) {
          java.util.Arrays.fill(typed, '\0');
        }
      } else {
        line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
    }
    if (line == null || line.isBlank()) {
      String where = from != null ? from.toString() : "standard input";
      throw new CliException(
          ExitCodes.DATA_ERROR,
          "no key for " + chosen + " on " + where + ": expected one line of 32 hex digits");
    }
    return line;
  }
}
