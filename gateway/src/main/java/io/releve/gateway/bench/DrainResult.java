package io.releve.gateway.bench;

import java.util.List;
import java.util.Locale;

/**
 * What {@code bench drain} measured.
 *
 * @param meters meters of the backlog
 * @param days days of the outage
 * @param readings readings in the backlog, all delivered
 * @param broker {@code local-mosquitto}, or the URI of the broker given
 * @param batchSize the uplink's rows per batch
 * @param window the uplink's batches awaiting an ack
 * @param backlogNanos time to store the backlog: setup, not measured
 * @param drainNanos from the uplink's start to the last seq acknowledged and stored
 * @param batches batches the uplink published (resends included)
 * @param resends restarts from the acknowledged seq after an ack timeout (0 on a healthy run)
 * @param bridgeReadings readings the bridge holds for the benchmark gateway's epoch
 */
public record DrainResult(
    int meters,
    int days,
    long readings,
    String broker,
    int batchSize,
    int window,
    long backlogNanos,
    long drainNanos,
    long batches,
    long resends,
    long bridgeReadings) {

  public double drainSeconds() {
    return drainNanos / 1e9;
  }

  public double readingsPerSecond() {
    return readings / drainSeconds();
  }

  /** Drain time over the target (60 s): at most 1.0 meets DESIGN §9. */
  public double ratio() {
    return drainNanos / (double) DrainBenchmark.TARGET.toNanos();
  }

  /** The report, one {@code key=value} a line, the ratio last but one and the target last. */
  public List<String> lines() {
    return List.of(
        "meters=" + meters,
        "days=" + days,
        "readings=" + readings,
        String.format(Locale.ROOT, "backlog_s=%.3f", backlogNanos / 1e9),
        "broker=" + broker,
        "batch_size=" + batchSize,
        "window=" + window,
        "batches=" + batches,
        "resends=" + resends,
        "bridge_readings=" + bridgeReadings,
        String.format(Locale.ROOT, "drain_s=%.3f", drainSeconds()),
        String.format(Locale.ROOT, "readings_per_s=%.0f", readingsPerSecond()),
        String.format(Locale.ROOT, "ratio=%.3f", ratio()),
        "target_s=" + DrainBenchmark.TARGET.toSeconds());
  }
}
