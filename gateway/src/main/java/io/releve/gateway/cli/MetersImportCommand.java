package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.InventoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve meters import FILE|-}: installs every device of an installation file, all or
 * nothing. Every bad line is reported; then nothing is stored and the exit code is 65.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Install the meters of a CSV file (UTF-8), all or nothing.",
      "Header: site_code,dwelling,lot,room,medium,printed_serial,manufacturer,id,version,type"
    })
final class MetersImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Parameters(paramLabel = "FILE|-", description = "The CSV file, or - for standard input.")
  String source;

  @Override
  public Integer call() throws Exception {
    String name = InputText.STDIN.equals(source) ? "<stdin>" : source;
    InventoryCsv.Parsed parsed = InventoryCsv.parse(read(name), name);
    if (!parsed.errors().isEmpty()) {
      return refuse(name, parsed.errors());
    }
    int count;
    try (Database db = database.open()) {
      count = new Inventory(db).importAll(parsed.devices());
    } catch (InventoryException e) {
      List<String> errors =
          e.conflicts().stream()
              .map(
                  conflict ->
                      InventoryCsv.error(
                          name,
                          parsed.lines().get(conflict.index()),
                          conflict.field(),
                          conflict.value(),
                          lowerFirst(conflict.problem())))
              .toList();
      return refuse(name, errors);
    }
    spec.commandLine().getOut().println("imported " + count + " meters");
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int refuse(String name, List<String> errors) {
    PrintWriter err = spec.commandLine().getErr();
    errors.forEach(err::println);
    err.flush();
    throw new CliException(
        ExitCodes.DATA_ERROR,
        "nothing imported: "
            + errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + " in "
            + name);
  }

  private String read(String name) throws IOException {
    return InputText.read(source, name);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
