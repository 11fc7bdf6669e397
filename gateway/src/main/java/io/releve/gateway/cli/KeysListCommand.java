package io.releve.gateway.cli;

import io.releve.common.text.TextTable;
import io.releve.gateway.decode.radio.KeyStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code releve keys list}: the meters with a key and each key's fingerprint, never the key. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List the meters that have a key, with its fingerprint (never the key).",
      "The fingerprint is the first 8 hex digits of the key's SHA-256:"
          + " echo KEY | xxd -r -p | sha256sum | cut -c1-8"
    })
final class KeysListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KeysCommand.Store store;

  @Unmatched List<String> unmatched;

  @Override
  public Integer call() throws Exception {
    KeysCommand.refuseUnmatched(spec, unmatched);
    List<KeyStore.Listed> listed = store.open(spec).list();
    PrintWriter out = spec.commandLine().getOut();
    if (listed.isEmpty()) {
      out.println("No keys.");
    } else {
      TextTable table = new TextTable("METER", "FINGERPRINT");
      listed.forEach(entry -> table.add(entry.meter(), entry.fingerprint()));
      table.print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
