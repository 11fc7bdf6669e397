package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.decode.radio.KeyFile;
import io.releve.gateway.decode.radio.KeyStore.KeyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code releve keys import FILE|-}: sets the keys of a list, all or nothing. Every bad line is
 * reported without its key; then nothing is stored and the exit code is 65.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Set the keys of a file (UTF-8), all or nothing; keys already set are replaced.",
      "One meter per line: METER KEY, or CSV meter,key (header optional); # starts a comment."
    })
final class KeysImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KeysCommand.Store store;

  @Unmatched List<String> unmatched;

  @Parameters(paramLabel = "FILE|-", description = "The file, or - for standard input.")
  String source;

  @Override
  public Integer call() throws Exception {
    KeysCommand.refuseUnmatched(spec, unmatched);
    if (KeysCommand.isKey(source)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "FILE names a file of keys, not a key.");
    }
    String name = InputText.STDIN.equals(source) ? "<stdin>" : source;
    KeyFile.Parsed parsed = KeyFile.parse(name, read(name));
    if (!parsed.problems().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      parsed.problems().forEach(err::println);
      err.flush();
      int n = parsed.problems().size();
      throw new CliException(
          ExitCodes.DATA_ERROR,
          "nothing imported: " + n + (n == 1 ? " problem" : " problems") + " in " + name);
    }
    int replaced;
    try {
      replaced = store.open(spec).putAll(parsed.entries());
    } catch (KeyFileException e) {
      throw KeysCommand.failure(spec, e);
    }
    int count = parsed.entries().size();
    spec.commandLine()
        .getOut()
        .println(
            "imported "
                + count
                + (count == 1 ? " key" : " keys")
                + (replaced == 0 ? "" : " (" + replaced + " replaced)"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private String read(String name) throws IOException {
    return InputText.read(source, name);
  }
}
