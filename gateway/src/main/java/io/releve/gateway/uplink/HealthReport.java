package io.releve.gateway.uplink;

import io.releve.gateway.store.OutboxState;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A health report: one line of {@code name=value} pairs, read by people in a log and by programs in
 * the cloud. It says how far behind the outbox is (rows waiting, age of the oldest unsent reading),
 * how the uplink fares, how full the disk is, how hot the CPU runs where the board says so, and
 * what the buses and receivers report (their parts are given by the daemon).
 */
public final class HealthReport {

  /** The event type in the outbox and on {@code up/events}. */
  public static final String TYPE = "health";

  /** Where Linux boards give the SoC temperature, in thousandths of a degree Celsius. */
  static final Path CPU_TEMPERATURE = Path.of("/sys/class/thermal/thermal_zone0/temp");

  /** The contract caps an event's detail at 1024 characters. */
  static final int MAX_LENGTH = 1024;

  private HealthReport() {}

  /**
   * Writes the report.
   *
   * @param parts more pairs, such as {@code bus.east.failed=0}, in the order given
   */
  public static String describe(
      Instant now,
      UplinkReport uplink,
      Path database,
      OptionalDouble cpuCelsius,
      Map<String, String> parts) {
    Map<String, String> pairs = new LinkedHashMap<>();
    OutboxState outbox = uplink.outbox();
    pairs.put("queue_depth", Long.toString(outbox.depth()));
    pairs.put(
        "oldest_unsent_s",
        outbox.oldestUnsentReading() == null
            ? "0"
            : Long.toString(
                Math.max(0, Duration.between(outbox.oldestUnsentReading(), now).toSeconds())));
    pairs.put("acked_seq", Long.toString(outbox.ackedSeq()));
    pairs.put("uplink", uplink.connected() ? "connected" : "disconnected");
    pairs.put("resends", Long.toString(uplink.counters().resends()));
    disk(database, pairs);
    cpuCelsius.ifPresent(c -> pairs.put("cpu_temp_c", String.format(Locale.ROOT, "%.1f", c)));
    pairs.putAll(parts);
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      String next = pair.getKey() + "=" + pair.getValue().replace(' ', '_');
      if (line.length() + 1 + next.length() > MAX_LENGTH) {
        break;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(next);
    }
    return line.toString();
  }

  private static void disk(Path database, Map<String, String> pairs) {
    try {
      FileStore store = Files.getFileStore(database.toAbsolutePath().getParent());
      long total = store.getTotalSpace();
      long free = store.getUsableSpace();
      pairs.put("disk_free_mb", Long.toString(free / (1024 * 1024)));
      pairs.put("disk_total_mb", Long.toString(total / (1024 * 1024)));
    } catch (IOException e) {
      pairs.put("disk", "unknown");
    }
  }

  /** The CPU temperature where the board gives it (a Raspberry Pi does); empty elsewhere. */
  public static OptionalDouble cpuCelsius(Path source) {
    try {
      String text = Files.readString(source).strip();
      return OptionalDouble.of(Long.parseLong(text) / 1000.0);
    } catch (IOException | NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
