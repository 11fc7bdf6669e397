package io.releve.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.cli.CliException;
import io.releve.common.config.ConfigException;
import io.releve.common.text.TextTable;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.config.RadioConfig;
import io.releve.gateway.csv.Csv;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.radio.HeardMeter;
import io.releve.gateway.radio.HeardSession;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.radio.ReceiverFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code releve listen}: a live table of the meters the radio hears. */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Listen on the configured radio receivers and show each meter heard: id, manufacturer,"
          + " type, medium, mode, RSSI, count, last seen and whether its telegrams decode.",
      "On a terminal the table is redrawn every second until Ctrl-C; with --for, or when the"
          + " output is not a terminal, the final table is printed at the end."
    })
final class ListenCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME_OF_DAY =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String CLEAR_SCREEN = "\033[H\033[2J";
  private static final Duration REDRAW = Duration.ofSeconds(1);
  private static final Duration SHUTDOWN_PRINT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ReceiverOption receivers = new ReceiverOption();

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      converter = DurationArgument.class,
      description = "Listen this long (30s, 15m, 1h), then print the table.")
  Duration duration;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (one object per line).")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    GatewayConfig loaded = config.load();
    List<RadioConfig.Receiver> chosen = receivers.chosen(loaded);
    boolean live = System.console() != null && duration == null && format == OutputFormat.TABLE;
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch printed = new CountDownLatch(1);
    Instant started = Instant.now();
    HeardSession session = start(spec, loaded, chosen);
    // Only once the receivers run: a hook left by a failed start would hold the exit 5 s.
    Thread hook = new Thread(() -> stopAndWait(stop, printed), "listen-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      session.close(); // the JVM is already shutting down
      throw e;
    }
    try {
      Instant end = duration == null ? null : started.plus(duration);
      while (!stop.await(wait(end), TimeUnit.MILLISECONDS)) {
        if (end != null && !Instant.now().isBefore(end)) {
          break;
        }
        if (live) {
          out.print(CLEAR_SCREEN);
          print(out, session.heard().snapshot(), OutputFormat.TABLE);
          out.flush();
        }
      }
    } finally {
      session.close();
    }
    try {
      if (live) {
        out.print(CLEAR_SCREEN);
      }
      List<HeardMeter> heard = session.heard().snapshot();
      print(out, heard, format);
      out.flush();
      summary(spec, heard.size(), session, Duration.between(started, Instant.now()));
    } finally {
      printed.countDown();
      removeHook(hook);
    }
    return ExitCodes.OK;
  }

  private static long wait(Instant end) {
    if (end == null) {
      return REDRAW.toMillis();
    }
    long left = Duration.between(Instant.now(), end).toMillis();
    return Math.max(1, Math.min(left, REDRAW.toMillis()));
  }

  private static void stopAndWait(CountDownLatch stop, CountDownLatch printed) {
    stop.countDown();
    try {
      printed.await(SHUTDOWN_PRINT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook is running, nothing to remove.
    }
  }

  /** Opens the key store and starts the receivers; losses and recoveries go to stderr. */
  static HeardSession start(
      CommandSpec spec, GatewayConfig config, List<RadioConfig.Receiver> chosen)
      throws ConfigException, IOException {
    PrintWriter err = spec.commandLine().getErr();
    KeyStore keys;
    try {
      keys =
          KeyStore.open(config.keys().path(), config.keys().group(), notice -> warn(err, notice));
    } catch (KeyStore.KeyFileException e) {
      throw KeysCommand.failure(spec, e);
    }
    ReceiverFactory factory = ReceiverFactory.standard(Clock.systemUTC());
    List<RadioReceiver> opened = new ArrayList<>();
    for (RadioConfig.Receiver receiver : chosen) {
      try {
        opened.add(factory.open(receiver));
      } catch (UnsupportedOperationException e) {
        throw new CliException(ExitCodes.CONFIG, e.getMessage(), e);
      }
    }
    try {
      return HeardSession.start(
          opened,
          keys,
          config.radio().duplicateWindow(),
          Clock.systemUTC(),
          notice -> warn(err, notice));
    } catch (IOException e) {
      throw new CliException(ExitCodes.IO_ERROR, e.getMessage(), e);
    }
  }

  private static synchronized void warn(PrintWriter err, String notice) {
    err.println("releve: warning: " + notice);
    err.flush();
  }

  private static void summary(
      CommandSpec spec, int meters, HeardSession session, Duration listened) {
    long dropped =
        session.duplicates().droppedByMeter().values().stream().mapToLong(Long::longValue).sum();
    long garbage = session.garbageLines().values().stream().mapToLong(Long::longValue).sum();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "releve: "
            + meters
            + (meters == 1 ? " meter" : " meters")
            + " heard in "
            + listened.toSeconds()
            + "s; "
            + dropped
            + " duplicate "
            + (dropped == 1 ? "copy" : "copies")
            + " dropped; "
            + garbage
            + " bad "
            + (garbage == 1 ? "line" : "lines")
            + " skipped.");
    err.flush();
  }

  static void print(PrintWriter out, List<HeardMeter> heard, OutputFormat format)
      throws IOException {
    switch (format) {
      case TABLE -> table(out, heard);
      case CSV -> {
        out.println(
            Csv.line(
                List.of(
                    "id",
                    "manufacturer",
                    "version",
                    "type",
                    "medium",
                    "modes",
                    "last_rssi_dbm",
                    "best_rssi_dbm",
                    "count",
                    "last_seen",
                    "status",
                    "receivers")));
        for (HeardMeter meter : heard) {
          out.println(
              Csv.line(
                  List.of(
                      meter.identity().id(),
                      meter.identity().manufacturer(),
                      Integer.toString(meter.identity().version()),
                      Integer.toString(meter.identity().type()),
                      meter.identity().medium().label(),
                      modes(meter.modes(), " "),
                      meter.lastRssiDbm().map(String::valueOf).orElse(""),
                      meter.bestRssiDbm().map(String::valueOf).orElse(""),
                      Long.toString(meter.count()),
                      meter.lastSeen().toString(),
                      meter.status().label(),
                      String.join(" ", new java.util.TreeSet<>(meter.receivers())))));
        }
      }
      case JSON -> {
        for (HeardMeter meter : heard) {
          out.println(JsonLines.line(json(meter)));
        }
      }
    }
  }

  private static void table(PrintWriter out, List<HeardMeter> heard) {
    if (heard.isEmpty()) {
      out.println("No meter heard.");
      return;
    }
    TextTable table =
        new TextTable(
            "ID", "MAN", "TYPE", "MEDIUM", "MODE", "RSSI", "COUNT", "LAST SEEN", "STATUS");
    for (HeardMeter meter : heard) {
      table.add(
          meter.identity().id(),
          meter.identity().manufacturer(),
          String.format(Locale.ROOT, "%02X", meter.identity().type()),
          meter.identity().medium().label(),
          modes(meter.modes(), ","),
          meter.lastRssiDbm().orElse(null),
          meter.count(),
          TIME_OF_DAY.format(meter.lastSeen()),
          meter.status().label());
    }
    table.print(out);
  }

  static ObjectNode json(HeardMeter meter) {
    ObjectNode node = JsonLines.object();
    node.put("device", meter.identity().key());
    node.put("id", meter.identity().id());
    node.put("manufacturer", meter.identity().manufacturer());
    node.put("version", meter.identity().version());
    node.put("type", meter.identity().type());
    node.put("medium", meter.identity().medium().label());
    var modes = node.putArray("modes");
    meter.modes().stream().sorted().forEach(m -> modes.add(m.name()));
    meter
        .lastRssiDbm()
        .ifPresentOrElse(v -> node.put("last_rssi_dbm", v), () -> node.putNull("last_rssi_dbm"));
    meter
        .bestRssiDbm()
        .ifPresentOrElse(v -> node.put("best_rssi_dbm", v), () -> node.putNull("best_rssi_dbm"));
    node.put("count", meter.count());
    node.put("last_seen", meter.lastSeen().toString());
    node.put("status", meter.status().label());
    var receivers = node.putArray("receivers");
    meter.receivers().stream().sorted().forEach(receivers::add);
    return node;
  }

  /** {@code T1,C1}: in the enum's order. */
  static String modes(Set<LinkMode> modes, String separator) {
    return modes.stream().sorted().map(Enum::name).collect(Collectors.joining(separator));
  }
}
