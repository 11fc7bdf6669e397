package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.text.TextTable;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.StoredAlert;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve alerts}: the alerts of the building, as the residents' alert table shows them:
 * active ones first, then the history.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Show the alerts: active ones first (type, level, since when, total loss, average leak flow,"
          + " meter), then the closed ones. Times are UTC.",
      "Types: leak (found from the meter's flow), meter_alarm (a condition the meter reports:"
          + " leak, burst, tamper, backflow, dry, alarm) and not_heard (silent well beyond its"
          + " weekly transmit pattern)."
    })
final class AlertsCommand implements Callable<Integer> {

  static final List<String> COLUMNS =
      List.of(
          "type",
          "condition",
          "level",
          "start",
          "detected_at",
          "end",
          "total_loss_m3",
          "average_flow_lph",
          "fluid",
          "serial",
          "meter",
          "site",
          "dwelling",
          "source");

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(names = "--active", description = "Only the active alerts.")
  boolean activeOnly;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (one object per line).")
  OutputFormat format;

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Clock clock;

  AlertsCommand() {
    this(Clock.systemUTC());
  }

  AlertsCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    List<StoredAlert> alerts;
    try (Database db = database.open()) {
      alerts = Alerts.list(db, activeOnly);
    }
    new Listing<StoredAlert>(COLUMNS, AlertsCommand::cells, AlertsCommand::json)
        .print(spec.commandLine().getOut(), format, alerts, out -> printTables(out, alerts));
    return ExitCodes.OK;
  }

  private void printTables(PrintWriter out, List<StoredAlert> alerts) {
    List<StoredAlert> active = alerts.stream().filter(a -> a.alert().active()).toList();
    List<StoredAlert> closed = alerts.stream().filter(a -> !a.alert().active()).toList();
    out.println("Active alerts: " + (active.isEmpty() ? "none." : active.size()));
    if (!active.isEmpty()) {
      TextTable table =
          new TextTable(
              "TYPE",
              "LEVEL",
              "SINCE",
              "FOR",
              "LOSS_M3",
              "AVG_L/H",
              "FLUID",
              "METER",
              "DWELLING",
              "SOURCE");
      Instant now = clock.instant();
      for (StoredAlert stored : active) {
        AlertRow alert = stored.alert();
        table.add(
            kind(alert),
            alert.level(),
            minutes(alert.startedAt()),
            elapsed(alert.startedAt(), now),
            plain(alert.totalLossM3()),
            plain(alert.averageFlowLph()),
            fluid(stored),
            meter(stored),
            dwelling(stored),
            alert.source());
      }
      table.print(out);
    }
    if (activeOnly) {
      return;
    }
    out.println();
    out.println("History: " + (closed.isEmpty() ? "none." : closed.size()));
    if (!closed.isEmpty()) {
      TextTable table =
          new TextTable(
              "FROM",
              "TO",
              "FLUID",
              "TYPE",
              "LEVEL",
              "LOSS_M3",
              "AVG_L/H",
              "METER",
              "DWELLING",
              "SOURCE");
      for (StoredAlert stored : closed) {
        AlertRow alert = stored.alert();
        table.add(
            minutes(alert.startedAt()),
            minutes(alert.endedAt()),
            fluid(stored),
            kind(alert),
            alert.level(),
            plain(alert.totalLossM3()),
            plain(alert.averageFlowLph()),
            meter(stored),
            dwelling(stored),
            alert.source());
      }
      table.print(out);
    }
  }

  private static String kind(AlertRow alert) {
    return alert.condition().isEmpty() ? alert.type() : alert.type() + ":" + alert.condition();
  }

  /** {@code 3d 4h}, {@code 5h}, {@code 12m}: how long the alert has lasted. */
  static String elapsed(Instant from, Instant to) {
    Duration duration = Duration.between(from, to);
    if (duration.isNegative()) {
      return "0m";
    }
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    if (days > 0) {
      return hours == 0 ? days + "d" : days + "d " + hours + "h";
    }
    return hours > 0 ? hours + "h" : duration.toMinutesPart() + "m";
  }

  private static String minutes(Instant time) {
    return time == null ? null : MINUTES.format(time);
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String fluid(StoredAlert stored) {
    return stored.medium().replace('_', ' ');
  }

  /** The printed serial a resident reads on the meter, else the radio/bus identity. */
  private static String meter(StoredAlert stored) {
    return stored.printedSerial() != null ? stored.printedSerial() : stored.device().key();
  }

  private static String dwelling(StoredAlert stored) {
    return stored.site() == null ? null : stored.site() + " " + stored.dwelling();
  }

  private static List<String> cells(StoredAlert stored) {
    AlertRow alert = stored.alert();
    List<String> cells = new ArrayList<>();
    cells.add(alert.type());
    cells.add(alert.condition());
    cells.add(alert.level() == null ? "" : String.valueOf(alert.level()));
    cells.add(alert.startedAt().toString());
    cells.add(alert.detectedAt().toString());
    cells.add(alert.endedAt() == null ? "" : alert.endedAt().toString());
    cells.add(alert.totalLossM3() == null ? "" : alert.totalLossM3().toPlainString());
    cells.add(alert.averageFlowLph() == null ? "" : alert.averageFlowLph().toPlainString());
    cells.add(stored.medium());
    cells.add(stored.printedSerial() == null ? "" : stored.printedSerial());
    cells.add(stored.device().key());
    cells.add(stored.site() == null ? "" : stored.site());
    cells.add(stored.dwelling() == null ? "" : stored.dwelling());
    cells.add(alert.source());
    return cells;
  }

  private static ObjectNode json(StoredAlert stored) {
    AlertRow alert = stored.alert();
    ObjectNode node = JsonLines.object();
    node.put("type", alert.type());
    node.put("condition", alert.condition().isEmpty() ? null : alert.condition());
    node.put("level", alert.level());
    node.put("start", alert.startedAt().toString());
    node.put("detected_at", alert.detectedAt().toString());
    node.put("end", alert.endedAt() == null ? null : alert.endedAt().toString());
    node.put("total_loss_m3", alert.totalLossM3());
    node.put("average_flow_lph", alert.averageFlowLph());
    node.put("fluid", stored.medium());
    node.put("serial", stored.printedSerial());
    node.put("meter", stored.device().key());
    node.put("site", stored.site());
    node.put("dwelling", stored.dwelling());
    node.put("source", alert.source());
    return node;
  }
}
