package io.releve.cloud.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.cloud.ingest.FleetStatus;
import io.releve.common.text.TextTable;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code releve cloud status}: each gateway's presence and each epoch's progress. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Each gateway's state, acked seq and rows held.",
      "",
      "The gateways as the bridge's database knows them: state and since when (their retained"
          + " status), epoch, acked seq (every row up to it is stored), rows held per kind,"
          + " payloads refused."
    })
final class StatusCommand implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table (default) or json.")
  OutputFormat format = OutputFormat.TABLE;

  @Override
  public Integer call() throws Exception {
    FleetStatus.Report report =
        StoreAccess.read(config.load(), database -> FleetStatus.read(database));
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(JSON.writeValueAsString(json(report)));
    } else if (report.lines().isEmpty() && report.refusedWithoutGateway() == 0) {
      out.println("No gateway has been heard of yet.");
    } else {
      TextTable table =
          new TextTable(
              "gateway",
              "state",
              "since",
              "epoch",
              "acked",
              "readings",
              "events",
              "inventory",
              "refused");
      for (FleetStatus.Line line : report.lines()) {
        table.add(
            line.gateway(),
            line.state(),
            line.since(),
            line.epoch(),
            line.epoch() == null ? null : line.ackedSeq(),
            line.readings(),
            line.events(),
            line.inventoryChanges(),
            line.refused());
      }
      table.print(out);
      if (report.refusedWithoutGateway() > 0) {
        out.println(
            "Refused on topics of no known gateway: " + report.refusedWithoutGateway() + ".");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static ObjectNode json(FleetStatus.Report report) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode gateways = root.putArray("gateways");
    for (FleetStatus.Line line : report.lines()) {
      ObjectNode node = gateways.addObject();
      node.put("gateway", line.gateway());
      node.put("state", line.state());
      node.put("since", text(line.since()));
      node.put("software", line.software());
      node.put("epoch", line.epoch());
      node.put("acked_seq", line.ackedSeq());
      node.put("readings", line.readings());
      node.put("events", line.events());
      node.put("inventory_changes", line.inventoryChanges());
      node.put("refused", line.refused());
      node.put("last_seen", text(line.lastSeen()));
    }
    root.put("refused_without_gateway", report.refusedWithoutGateway());
    return root;
  }

  private static String text(Instant time) {
    return time == null ? null : time.toString();
  }
}
