package io.releve.gateway.bench;

import java.util.List;
import java.util.Locale;

/**
 * What {@code bench footprint} measured.
 *
 * @param meters meters the daemon polls
 * @param buses the buses they are on
 * @param days days of backlog
 * @param backlogReadings readings in the backlog, none acknowledged
 * @param backlogNanos time to store the backlog: setup, not measured
 * @param cycles poll cycles every bus did before the memory was read
 * @param answered meters that answered in the last cycle of every bus
 * @param firstPollNanos from spawning the daemon to its first request on a bus
 * @param firstCycleNanos from spawning the daemon to its first cycle line (a bus read and stored)
 * @param everyBusNanos from spawning the daemon to the first cycle line of its last bus
 * @param peakKb the daemon's peak resident set ({@code VmHWM}), in kB
 * @param currentKb its resident set ({@code VmRSS}) then, in kB
 * @param exitCode the daemon's exit code after SIGTERM
 */
public record FootprintResult(
    int meters,
    int buses,
    int days,
    long backlogReadings,
    long backlogNanos,
    long cycles,
    int answered,
    long firstPollNanos,
    long firstCycleNanos,
    long everyBusNanos,
    long peakKb,
    long currentKb,
    int exitCode) {

  static final double KB_PER_MB = 1024;

  public double peakRssMb() {
    return peakKb / KB_PER_MB;
  }

  /** Peak RSS over the target (96 MB): at most 1.0 meets DESIGN §9. */
  public double rssRatio() {
    return peakRssMb() / FootprintBenchmark.TARGET_RSS_MB;
  }

  /** Start to first poll over the target (2 s): at most 1.0 meets DESIGN §9. */
  public double firstPollRatio() {
    return firstPollNanos / (double) FootprintBenchmark.TARGET_FIRST_POLL.toNanos();
  }

  /** The report, one {@code key=value} a line; each ratio is followed by its target. */
  public List<String> lines() {
    return List.of(
        "meters=" + meters,
        "buses=" + buses,
        "days=" + days,
        "backlog_readings=" + backlogReadings,
        String.format(Locale.ROOT, "backlog_s=%.3f", backlogNanos / 1e9),
        "jvm_flags=" + String.join(" ", ShippedFlags.GATEWAY),
        "cycles=" + cycles,
        "answered=" + answered,
        String.format(Locale.ROOT, "first_poll_s=%.3f", firstPollNanos / 1e9),
        String.format(Locale.ROOT, "first_cycle_s=%.3f", firstCycleNanos / 1e9),
        String.format(Locale.ROOT, "every_bus_s=%.3f", everyBusNanos / 1e9),
        String.format(Locale.ROOT, "rss_mb=%.1f", currentKb / KB_PER_MB),
        String.format(Locale.ROOT, "peak_rss_mb=%.1f", peakRssMb()),
        "daemon_exit=" + exitCode,
        String.format(Locale.ROOT, "ratio=%.3f", rssRatio()),
        "target_rss_mb=" + FootprintBenchmark.TARGET_RSS_MB,
        String.format(Locale.ROOT, "ratio=%.3f", firstPollRatio()),
        "target_first_poll_s=" + FootprintBenchmark.TARGET_FIRST_POLL.toSeconds());
  }
}
