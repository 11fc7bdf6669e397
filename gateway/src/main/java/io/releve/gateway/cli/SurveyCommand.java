package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.cli.CliException;
import io.releve.common.text.TextTable;
import io.releve.gateway.config.Durations;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.RadioConfig;
import io.releve.gateway.csv.Csv;
import io.releve.gateway.radio.HeardMeter;
import io.releve.gateway.radio.HeardSession;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.radio.SurveyReport;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve survey}: listens for a while, then holds the installation list against what was
 * heard and writes a commissioning report. Exit 0 when every installed meter was heard and decodes,
 * 1 otherwise.
 */
@Command(
    name = "survey",
    mixinStandardHelpOptions = true,
    description = {
      "Listen N minutes, then check every installed meter against what was heard: heard?, how"
          + " often, best RSSI and its margin over radio.sensitivity, decode status; list the"
          + " unknown meters nearby.",
      "Prints the report and writes survey-<time>.txt, .csv and .json into the report folder."
          + " Exit status 0 when every installed meter was heard and decodes, 1 otherwise."
    })
final class SurveyCommand implements Callable<Integer> {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;
  @Mixin ReceiverOption receivers = new ReceiverOption();

  @Option(
      names = "--minutes",
      paramLabel = "N",
      description = "How long to listen, in minutes (1-1440).")
  Integer minutes;

  /** Seconds for tests and quick checks; not shown in the help. */
  @Option(names = "--listen-for", hidden = true, converter = DurationArgument.class)
  Duration listenFor;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Folder for the report files (default: the current folder).")
  Path reportFolder;

  @Override
  public Integer call() throws Exception {
    Duration listening = listening();
    GatewayConfig config = database.config.load();
    List<RadioConfig.Receiver> chosen = receivers.chosen(config);
    Files.createDirectories(reportFolder);
    List<InstalledDevice> installed;
    try (Database db = database.open()) {
      installed = new Inventory(db).list();
    }
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HeardSession session = ListenCommand.start(spec, config, chosen);
    try {
      Thread.sleep(listening.toMillis());
    } finally {
      session.close();
    }
    Set<LinkMode> modes = EnumSet.noneOf(LinkMode.class);
    chosen.forEach(r -> modes.addAll(r.modes().linkModes()));
    SurveyReport report =
        SurveyReport.of(
            started,
            listening,
            modes,
            chosen.stream().map(RadioConfig.Receiver::name).toList(),
            config.radio().sensitivityDbm(),
            installed,
            session.heard().snapshot());
    String text = text(report);
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    Path base = reportFolder.resolve("survey-" + FILE_TIME.format(started));
    write(Path.of(base + ".txt"), text);
    write(Path.of(base + ".csv"), csv(report));
    write(Path.of(base + ".json"), JsonLines.line(json(report)) + "\n");
    PrintWriter err = spec.commandLine().getErr();
    err.println("releve: wrote " + base + ".txt, .csv and .json");
    err.flush();
    return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private Duration listening() {
    if (listenFor != null) {
      return listenFor;
    }
    if (minutes == null) {
      throw new CliException(ExitCodes.USAGE, "--minutes is required: how long to listen.");
    }
    if (minutes < 1 || minutes > 1440) {
      throw new CliException(
          ExitCodes.USAGE, "--minutes must lie between 1 and 1440, not " + minutes + ".");
    }
    return Duration.ofMinutes(minutes);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static String text(SurveyReport report) {
    StringWriter buffer = new StringWriter();
    PrintWriter out = new PrintWriter(buffer);
    out.println(
        "Radio survey "
            + report.startedAt()
            + ": listened "
            + Durations.describe(report.listened())
            + " in "
            + ListenCommand.modes(report.modes(), ", ")
            + " on "
            + String.join(", ", report.receivers())
            + "; margins over "
            + report.sensitivityDbm()
            + " dBm.");
    out.println();
    out.println("Installed meters");
    if (report.expected().isEmpty()) {
      out.println("None in the inventory.");
    } else {
      TextTable table =
          new TextTable(
              "SITE",
              "DWELLING",
              "ROOM",
              "SERIAL",
              "DEVICE",
              "MEDIUM",
              "HEARD",
              "COUNT",
              "BEST RSSI",
              "MARGIN",
              "STATUS");
      for (SurveyReport.Expected line : report.expected()) {
        InstalledDevice device = line.device();
        Optional<HeardMeter> heard = line.heard();
        table.add(
            device.site(),
            device.dwelling().label(),
            device.room(),
            device.printedSerial(),
            device.identity().key(),
            device.medium().label(),
            heard.isPresent() ? "yes" : "no",
            heard.map(HeardMeter::count).orElse(null),
            heard.flatMap(HeardMeter::bestRssiDbm).orElse(null),
            heard.flatMap(report::marginDb).orElse(null),
            heard.map(h -> h.status().label()).orElse(null));
      }
      table.print(out);
    }
    out.println();
    out.println("Unknown meters nearby");
    if (report.unknown().isEmpty()) {
      out.println("None.");
    } else {
      TextTable table =
          new TextTable("DEVICE", "MEDIUM", "MODE", "BEST RSSI", "MARGIN", "COUNT", "STATUS");
      for (HeardMeter meter : report.unknown()) {
        table.add(
            meter.identity().key(),
            meter.identity().medium().label(),
            ListenCommand.modes(meter.modes(), ","),
            meter.bestRssiDbm().orElse(null),
            report.marginDb(meter).orElse(null),
            meter.count(),
            meter.status().label());
      }
      table.print(out);
    }
    out.println();
    out.println(summary(report));
    out.flush();
    return buffer.toString();
  }

  static String summary(SurveyReport report) {
    int expected = report.expected().size();
    int unknown = report.unknown().size();
    return report.heardCount()
        + " of "
        + expected
        + " installed meters heard in "
        + ListenCommand.modes(report.modes(), ", ")
        + ", "
        + report.goodCount()
        + " decoded; "
        + unknown
        + " unknown "
        + (unknown == 1 ? "meter" : "meters")
        + " nearby. "
        + (report.passed() ? "PASSED" : "FAILED")
        + ".";
  }

  private static final List<String> CSV_HEADER =
      List.of(
          "installed",
          "site_code",
          "dwelling",
          "room",
          "printed_serial",
          "device",
          "medium",
          "heard",
          "count",
          "best_rssi_dbm",
          "margin_db",
          "modes",
          "status");

  static String csv(SurveyReport report) {
    StringBuilder text = new StringBuilder(Csv.line(CSV_HEADER)).append('\n');
    for (SurveyReport.Expected line : report.expected()) {
      InstalledDevice device = line.device();
      Optional<HeardMeter> heard = line.heard();
      text.append(
              Csv.line(
                  List.of(
                      "yes",
                      device.site().toString(),
                      device.dwelling().label(),
                      orEmpty(device.room()),
                      device.printedSerial() == null ? "" : device.printedSerial().toString(),
                      device.identity().key(),
                      device.medium().label(),
                      heard.isPresent() ? "yes" : "no",
                      heard.map(h -> Long.toString(h.count())).orElse("0"),
                      heard.flatMap(HeardMeter::bestRssiDbm).map(String::valueOf).orElse(""),
                      heard.flatMap(report::marginDb).map(String::valueOf).orElse(""),
                      heard.map(h -> ListenCommand.modes(h.modes(), " ")).orElse(""),
                      heard.map(h -> h.status().label()).orElse(""))))
          .append('\n');
    }
    for (HeardMeter meter : report.unknown()) {
      text.append(
              Csv.line(
                  List.of(
                      "no",
                      "",
                      "",
                      "",
                      "",
                      meter.identity().key(),
                      meter.identity().medium().label(),
                      "yes",
                      Long.toString(meter.count()),
                      meter.bestRssiDbm().map(String::valueOf).orElse(""),
                      report.marginDb(meter).map(String::valueOf).orElse(""),
                      ListenCommand.modes(meter.modes(), " "),
                      meter.status().label())))
          .append('\n');
    }
    return text.toString();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  static ObjectNode json(SurveyReport report) {
    ObjectNode node = JsonLines.object();
    node.put("started_at", report.startedAt().toString());
    node.put("listened_seconds", report.listened().toSeconds());
    ArrayNode modes = node.putArray("modes");
    report.modes().stream().sorted().forEach(m -> modes.add(m.name()));
    ArrayNode receivers = node.putArray("receivers");
    report.receivers().forEach(receivers::add);
    node.put("sensitivity_dbm", report.sensitivityDbm());
    node.put("installed", report.expected().size());
    node.put("heard", report.heardCount());
    node.put("decoded", report.goodCount());
    node.put("passed", report.passed());
    ArrayNode meters = node.putArray("meters");
    for (SurveyReport.Expected line : report.expected()) {
      InstalledDevice device = line.device();
      ObjectNode meter = meters.addObject();
      meter.put("site_code", device.site().toString());
      meter.put("dwelling", device.dwelling().label());
      meter.put("room", device.room());
      meter.put(
          "printed_serial",
          device.printedSerial() == null ? null : device.printedSerial().toString());
      meter.put("device", device.identity().key());
      meter.put("medium", device.medium().label());
      meter.put("heard", line.heard().isPresent());
      line.heard().ifPresent(h -> heardFields(meter, h, report));
    }
    ArrayNode unknown = node.putArray("unknown");
    for (HeardMeter meter : report.unknown()) {
      ObjectNode item = unknown.addObject();
      item.put("device", meter.identity().key());
      item.put("medium", meter.identity().medium().label());
      heardFields(item, meter, report);
    }
    return node;
  }

  private static void heardFields(ObjectNode node, HeardMeter meter, SurveyReport report) {
    node.put("count", meter.count());
    node.put("best_rssi_dbm", meter.bestRssiDbm().orElse(null));
    node.put("margin_db", report.marginDb(meter).orElse(null));
    ArrayNode modes = node.putArray("modes");
    meter.modes().stream().sorted().forEach(m -> modes.add(m.name()));
    node.put("status", meter.status().label());
  }
}
