package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.text.TextTable;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.Value;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.SiteCode;
import io.releve.gateway.store.StoredReading;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code releve readings}: the stored readings, by meter or dwelling and time. */
@Command(
    name = "readings",
    mixinStandardHelpOptions = true,
    description = "Show stored readings, earliest first. Times are UTC unless an offset is given.")
final class ReadingsCommand implements Callable<Integer> {

  static final List<String> COLUMNS =
      List.of(
          "seq",
          "received_at",
          "device",
          "medium",
          "quantity",
          "value",
          "unit",
          "storage",
          "tariff",
          "subunit",
          "function",
          "meter_time",
          "clock_state",
          "source",
          "rssi",
          "status");

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--meter",
      paramLabel = "KEY",
      description = "Device key, e.g. LUG-12345678-0A-07.")
  String meter;

  @Option(names = "--site", paramLabel = "CODE", description = "Site code; with --dwelling.")
  String site;

  @Option(names = "--dwelling", paramLabel = "LABEL", description = "Dwelling; with --site.")
  String dwelling;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "Received at or after (ISO date or date-time).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "Received before this date-time, or up to the end of this date.")
  String to;

  @Option(names = "--limit", paramLabel = "N", description = "At most N readings.")
  Integer limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (one object per line).")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    ReadingFilter filter = filter();
    List<StoredReading> readings;
    try (Database db = database.open()) {
      readings = new ReadingStore(db).find(filter);
    }
    new Listing<StoredReading>(COLUMNS, ReadingsCommand::cells, ReadingsCommand::json)
        .print(spec.commandLine().getOut(), format, readings, out -> printTable(out, readings));
    return ExitCodes.OK;
  }

  private ReadingFilter filter() {
    String option = "--meter";
    try {
      ReadingFilter filter = ReadingFilter.all();
      if (meter != null) {
        if (site != null || dwelling != null) {
          throw new IllegalArgumentException("use either --meter or --site with --dwelling");
        }
        filter = filter.device(DeviceIdentity.parseKey(meter));
      }
      option = "--site and --dwelling";
      if ((site == null) != (dwelling == null)) {
        throw new IllegalArgumentException("give both or neither");
      }
      if (site != null) {
        filter = filter.dwelling(SiteCode.of(site), dwelling);
      }
      option = "--from";
      Instant start = from == null ? null : TimeArgument.start(from);
      option = "--to";
      Instant end = to == null ? null : TimeArgument.end(to);
      option = "--from and --to";
      filter = filter.between(start, end);
      option = "--limit";
      return limit == null ? filter : filter.limit(limit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for " + option + ": " + e.getMessage(), e);
    }
  }

  private static void printTable(PrintWriter out, List<StoredReading> readings) {
    if (readings.isEmpty()) {
      out.println("No readings.");
      return;
    }
    TextTable table =
        new TextTable(
            "SEQ",
            "RECEIVED",
            "DEVICE",
            "QUANTITY",
            "VALUE",
            "UNIT",
            "STORAGE",
            "FUNCTION",
            "CLOCK",
            "SOURCE");
    for (StoredReading stored : readings) {
      Reading reading = stored.reading();
      table.add(
          stored.seq(),
          reading.receivedAt(),
          reading.device().key(),
          reading.quantity().label(),
          reading.value().text(),
          reading.unit().symbol(),
          reading.storage(),
          reading.function().label(),
          clockState(reading),
          reading.source());
    }
    table.print(out);
  }

  private static List<String> cells(StoredReading stored) {
    Reading reading = stored.reading();
    List<String> cells = new ArrayList<>();
    cells.add(String.valueOf(stored.seq()));
    cells.add(reading.receivedAt().toString());
    cells.add(reading.device().key());
    cells.add(reading.medium().label());
    cells.add(reading.quantity().label());
    cells.add(reading.value().text());
    cells.add(reading.unit().symbol());
    cells.add(String.valueOf(reading.storage()));
    cells.add(String.valueOf(reading.tariff()));
    cells.add(String.valueOf(reading.subunit()));
    cells.add(reading.function().label());
    cells.add(reading.meterTime() == null ? "" : reading.meterTime().toString());
    cells.add(clockState(reading));
    cells.add(reading.source());
    cells.add(reading.rssiDbm() == null ? "" : String.valueOf(reading.rssiDbm()));
    cells.add(String.valueOf(reading.status()));
    return cells;
  }

  private static ObjectNode json(StoredReading stored) {
    Reading reading = stored.reading();
    ObjectNode node = JsonLines.object();
    node.put("seq", stored.seq());
    node.put("received_at", reading.receivedAt().toString());
    node.put("device", reading.device().key());
    node.put("medium", reading.medium().label());
    node.put("quantity", reading.quantity().label());
    if (reading.value() instanceof Value.Number number) {
      node.put("value", number.amount());
    } else {
      node.put("value", reading.value().text());
    }
    node.put("unit", reading.unit().symbol());
    node.put("storage", reading.storage());
    node.put("tariff", reading.tariff());
    node.put("subunit", reading.subunit());
    node.put("function", reading.function().label());
    if (reading.meterTime() == null) {
      node.putNull("meter_time");
    } else {
      node.put("meter_time", reading.meterTime().toString());
    }
    node.put("clock_state", clockState(reading));
    node.put("source", reading.source());
    if (reading.rssiDbm() == null) {
      node.putNull("rssi");
    } else {
      node.put("rssi", reading.rssiDbm());
    }
    node.put("status", reading.status());
    return node;
  }

  private static String clockState(Reading reading) {
    return reading.clockState().name().toLowerCase(Locale.ROOT);
  }
}
