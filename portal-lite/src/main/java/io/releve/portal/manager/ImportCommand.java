package io.releve.portal.manager;

import io.releve.cloud.cli.ConfigOption;
import io.releve.cloud.cli.ExitCodes;
import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.store.Database;
import io.releve.common.cli.CliException;
import io.releve.common.text.TextTable;
import io.releve.portal.PortalConfig;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve cloud portal import --kind dwellings FILE}: the first import, before any manager
 * exists (the managers file makes them), for any site. Exits 0 when every line was accepted, 65
 * when some were refused, 66 when the file is missing, 78 on a configuration error.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a landlord's CSV file into the portal (UTF-8, ';' between fields, header line).",
      "",
      "Kinds and headers: addresses (site;street;postcode;city), dwellings"
          + " (site;dwelling;lot;client_ref), occupancies"
          + " (client_ref;last_name;first_name;email;move_in;move_out), managers"
          + " (email;last_name;first_name;sites). Good lines are stored together; bad lines are"
          + " listed with their number and reason. New managers are sent an activation link."
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description = "addresses, dwellings, occupancies or managers.")
  String kind;

  @Parameters(paramLabel = "FILE", description = "The CSV file.")
  Path file;

  @Override
  public Integer call() throws Exception {
    ImportKind importKind =
        ImportKind.parse(kind)
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCodes.USAGE,
                        "--kind must be addresses, dwellings, occupancies or managers, not ["
                            + kind
                            + "]"));
    if (!Files.isRegularFile(file)) {
      throw new CliException(ExitCodes.NO_INPUT, "there is no file at " + file);
    }
    CloudConfig cloud = config.load();
    PortalConfig portal = PortalConfig.load(config.path());
    byte[] bytes = read(file);
    Clock clock = Clock.systemUTC();
    ImportReport report;
    // closing the queue sends what waits (the activation mails) before the command ends
    try (Database database = Database.open(cloud.store(), clock);
        MailQueue mail = new MailQueue(portal.mail().open(clock))) {
      report =
          new LandlordImport(database, mail, new MailTexts(portal.baseUrl()), clock)
              .run(importKind, bytes, ImportScope.everySite(), null);
    }
    print(report, spec.commandLine().getOut());
    return report.complete() ? ExitCodes.OK : ExitCodes.DATA_ERROR;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException(ExitCodes.NO_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The count, then a table of refused lines; in English like the rest of the command line. */
  static void print(ImportReport report, PrintWriter out) {
    Messages messages = Messages.load(Lang.EN);
    out.println(
        report.kind().value()
            + ": "
            + report.accepted()
            + " accepted, "
            + report.rejected().size()
            + " rejected");
    if (!report.complete()) {
      TextTable table = new TextTable("line", "reason");
      for (ImportReport.Rejection rejection : report.rejected()) {
        table.add(rejection.line(), rejection.reason(messages));
      }
      table.print(out);
    }
    out.flush();
  }
}
