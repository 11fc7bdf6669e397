package io.releve.cloud.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bench ingest} measured.
 *
 * @param settings what was run
 * @param readings readings per phase
 * @param payloadBytes bytes of every payload of a phase
 * @param broker {@code local-mosquitto}, or the URI of the broker given
 * @param database {@code local-postgresql}, or the URL of the database given
 * @param phases the phases run, in order
 */
public record IngestResult(
    IngestBenchmark.Settings settings,
    long readings,
    long payloadBytes,
    String broker,
    String database,
    List<Phase> phases) {

  public IngestResult {
    phases = List.copyOf(phases);
  }

  /**
   * One phase.
   *
   * @param name {@code one} (one instance) or {@code two} (two instances in a share group)
   * @param nanos from the first publish to the ack of every gateway's last seq
   * @param stored readings the database holds afterwards
   * @param messages batches each instance handled, in the order of their client ids
   * @param failures database failures over the instances (0 on a healthy run)
   * @param refused payloads refused over the instances (0 on a healthy run)
   * @param published batches the fleet published
   */
  public record Phase(
      String name,
      long nanos,
      long stored,
      List<Long> messages,
      long failures,
      long refused,
      long published) {

    public Phase {
      messages = List.copyOf(messages);
    }

    public double seconds() {
      return nanos / 1e9;
    }

    /** Each instance's share of the batches it handled, in the order of {@link #messages}. */
    public List<Double> shares() {
      long total = messages.stream().mapToLong(Long::longValue).sum();
      return messages.stream().map(m -> total == 0 ? 0.0 : m / (double) total).toList();
    }
  }

  /** Readings per second of {@code phase}. */
  public double readingsPerSecond(Phase phase) {
    return readings / phase.seconds();
  }

  /**
   * One instance's readings per second over the target (DESIGN §9: 50 000 a second); at least 1.0
   * meets it. Null when phase one was not run.
   */
  public Double ratio() {
    return phases.stream()
        .filter(p -> p.messages().size() == 1)
        .findFirst()
        .map(p -> readingsPerSecond(p) / IngestBenchmark.TARGET_READINGS_PER_SECOND)
        .orElse(null);
  }

  /** What fails a check, one sentence each; empty when every check passed. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Phase phase : phases) {
      if (phase.stored() != readings) {
        problems.add(
            "Phase "
                + phase.name()
                + ": the database holds "
                + phase.stored()
                + " readings instead of "
                + readings
                + ".");
      }
      if (phase.failures() != 0 || phase.refused() != 0) {
        problems.add(
            "Phase "
                + phase.name()
                + ": the bridge had "
                + phase.failures()
                + " database failures and refused "
                + phase.refused()
                + " payloads.");
      }
      if (phase.messages().size() > 1) {
        List<Double> shares = phase.shares();
        for (int i = 0; i < shares.size(); i++) {
          double share = shares.get(i);
          if (share < IngestBenchmark.MIN_SHARE || share > IngestBenchmark.MAX_SHARE) {
            problems.add(
                String.format(
                    Locale.ROOT,
                    "Phase %s: instance %s handled %.1f %% of the batches, outside %.0f–%.0f %%.",
                    phase.name(),
                    instance(i),
                    share * 100,
                    IngestBenchmark.MIN_SHARE * 100,
                    IngestBenchmark.MAX_SHARE * 100));
          }
        }
      }
    }
    return problems;
  }

  /** Instance names in the report: a, b… */
  static String instance(int index) {
    return String.valueOf((char) ('a' + index));
  }

  /**
   * The report, one {@code key=value} a line: the run, each phase's lines prefixed with its name,
   * {@code checks=passed} or {@code checks=failed}, then {@code ratio=} (when phase one ran) and
   * the target last.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("gateways=" + settings.gateways());
    lines.add("batches_per_gateway=" + settings.batches());
    lines.add("batch_size=" + settings.batchSize());
    lines.add("window=" + settings.window());
    lines.add("readings=" + readings);
    lines.add(String.format(Locale.ROOT, "payload_mib=%.1f", payloadBytes / 1048576.0));
    lines.add("broker=" + broker);
    lines.add("database=" + database);
    lines.add("connections_per_instance=" + settings.connections());
    for (Phase phase : phases) {
      String p = phase.name() + "_";
      lines.add(p + "instances=" + phase.messages().size());
      lines.add(String.format(Locale.ROOT, "%ss=%.3f", p, phase.seconds()));
      lines.add(String.format(Locale.ROOT, "%sreadings_per_s=%.0f", p, readingsPerSecond(phase)));
      lines.add(p + "stored=" + phase.stored());
      if (phase.messages().size() > 1) {
        List<Double> shares = phase.shares();
        for (int i = 0; i < shares.size(); i++) {
          lines.add(p + "batches_" + instance(i) + "=" + phase.messages().get(i));
          lines.add(String.format(Locale.ROOT, "%sshare_%s=%.3f", p, instance(i), shares.get(i)));
        }
      }
    }
    lines.add("checks=" + (problems().isEmpty() ? "passed" : "failed"));
    Double ratio = ratio();
    if (ratio != null) {
      lines.add(String.format(Locale.ROOT, "ratio=%.3f", ratio));
    }
    lines.add("target_readings_per_s=" + IngestBenchmark.TARGET_READINGS_PER_SECOND);
    return lines;
  }
}
