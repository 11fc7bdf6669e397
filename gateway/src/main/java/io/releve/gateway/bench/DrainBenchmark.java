package io.releve.gateway.bench;

import io.releve.contract.GatewayId;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.uplink.Uplink;
import io.releve.gateway.uplink.UplinkException;
import io.releve.gateway.uplink.UplinkReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The outbox drain after an outage (DESIGN §9: 336 000 readings in at most 60 s to a local
 * Mosquitto, acks included), measured with the production topology: a gateway database holding
 * {@link DrainBacklog}, a Mosquitto ({@link LocalMosquitto}, or a given broker), the real cloud
 * bridge as a child process ({@link CloudBridgeProcess}) and the gateway's real {@link Uplink} in
 * this JVM. The clock runs from {@link Uplink#start} until the outbox's acknowledged seq is the
 * backlog's last: every reading published, committed by the bridge, acknowledged, and the ack
 * stored durably on the gateway. Then the bridge's database must hold exactly the backlog.
 *
 * <p>Everything lives in a temp folder, deleted at the end unless {@link Settings#keep()}.
 */
public final class DrainBenchmark {

  /** DESIGN §9. */
  public static final Duration TARGET = Duration.ofSeconds(60);

  /** The benchmark gateway's id, and its MQTT client id. */
  static final String GATEWAY = "bench-drain";

  private static final Duration POLL = Duration.ofMillis(10);

  private final Settings settings;

  /**
   * @param meters meters of the backlog, at least 1
   * @param days days of the outage, at least 1
   * @param batchSize the uplink's rows per batch ({@code uplink.batch-size})
   * @param window the uplink's batches awaiting an ack ({@code uplink.window})
   * @param timeout the longest the drain may take before the benchmark gives up
   * @param brokerUri a running broker to use, null to start a local Mosquitto
   * @param cloudJar the cloud bridge's jar ({@link CloudJar#locate})
   * @param keep whether to keep the temp folder (databases, configurations, logs)
   */
  public record Settings(
      int meters,
      int days,
      int batchSize,
      int window,
      Duration timeout,
      String brokerUri,
      Path cloudJar,
      boolean keep) {

    public Settings {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(cloudJar, "cloudJar");
      if (meters < 1 || days < 1 || batchSize < 1 || window < 1) {
        throw new IllegalArgumentException(
            "Meters, days, batch size and window must be at least 1: "
                + List.of(meters, days, batchSize, window)
                + ".");
      }
    }
  }

  public DrainBenchmark(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the benchmark; the child processes are stopped whatever happens.
   *
   * @param progress one line per step, for the user's console
   * @throws MissingPieceException when Mosquitto is not installed (and no broker was given)
   * @throws DrainFailedException when a process does not start, the drain times out, or the bridge
   *     holds other readings than the gateway sent
   */
  public DrainResult run(Consumer<String> progress) {
    Path folder;
    try {
      folder = Files.createTempDirectory("releve-drain-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the benchmark's temp folder", e);
    }
    try (Database database = Database.open(folder.resolve("gateway.db"), Clock.systemUTC())) {
      return run(folder, database, progress);
    } finally {
      if (settings.keep()) {
        progress.accept("kept " + folder);
      } else {
        BenchFiles.deleteTree(folder);
      }
    }
  }

  private DrainResult run(Path folder, Database database, Consumer<String> progress) {
    long started = System.nanoTime();
    long lastSeq = DrainBacklog.store(database, settings.meters(), settings.days(), Instant.now());
    long backlogNanos = System.nanoTime() - started;
    SeqTally sent = database.read("count the backlog", SeqTally::ofGateway);
    progress.accept(
        String.format(
            Locale.ROOT,
            "stored %d readings (%d meters, %d days) in %.1f s, not measured",
            sent.count(),
            settings.meters(),
            settings.days(),
            backlogNanos / 1e9));
    try (LocalMosquitto local =
        settings.brokerUri() == null ? LocalMosquitto.start(folder) : null) {
      String uri = local == null ? settings.brokerUri() : local.uri();
      progress.accept((local == null ? "broker " : "Mosquitto started on ") + uri);
      try (CloudBridgeProcess bridge = CloudBridgeProcess.start(settings.cloudJar(), folder, uri)) {
        progress.accept("cloud bridge receiving; draining the outbox");
        Drain drain = drain(database, uri, lastSeq);
        SeqTally held = bridgeTally(bridge, database);
        List<String> differences = held.differencesFrom(sent);
        if (!differences.isEmpty()) {
          throw new DrainFailedException(
              "The bridge does not hold the backlog once each: "
                  + String.join(", ", differences)
                  + " (bridge database "
                  + bridge.database()
                  + ").");
        }
        return new DrainResult(
            settings.meters(),
            settings.days(),
            sent.count(),
            local == null ? uri : "local-mosquitto",
            settings.batchSize(),
            settings.window(),
            backlogNanos,
            drain.nanos(),
            drain.counters().batches(),
            drain.counters().resends(),
            held.count());
      }
    }
  }

  private record Drain(long nanos, UplinkReport.Counters counters) {}

  private Drain drain(Database database, String uri, long lastSeq) {
    UplinkConfig config =
        new UplinkConfig(
            uri,
            GATEWAY,
            null,
            null,
            null,
            null,
            null,
            settings.batchSize(),
            settings.window(),
            UplinkConfig.DEFAULT_ACK_TIMEOUT,
            UplinkConfig.DEFAULT_KEEP_ALIVE,
            UplinkConfig.DEFAULT_HEALTH_INTERVAL);
    Outbox outbox = new Outbox(database);
    long deadline = settings.timeout().toNanos();
    long start = System.nanoTime();
    try (Uplink uplink =
        Uplink.start(
            config, GatewayId.of(GATEWAY), database, Clock.systemUTC(), "releve-bench", null)) {
      long acked;
      while ((acked = outbox.ackedSeq()) < lastSeq) {
        if (System.nanoTime() - start > deadline) {
          throw timedOut(acked, lastSeq, uplink.report());
        }
        Thread.sleep(POLL.toMillis());
      }
      return new Drain(System.nanoTime() - start, uplink.report().counters());
    } catch (UplinkException e) {
      throw new DrainFailedException("The uplink could not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DrainFailedException("Interrupted while draining the outbox", e);
    }
  }

  private DrainFailedException timedOut(long acked, long lastSeq, UplinkReport report) {
    return new DrainFailedException(
        "The drain did not finish within "
            + settings.timeout().toSeconds()
            + " s: the bridge acknowledged seq "
            + acked
            + " of "
            + lastSeq
            + "; the uplink is "
            + (report.connected() ? "connected" : "not connected")
            + ", sent through seq "
            + report.sentThrough()
            + " in "
            + report.counters().batches()
            + " batches, "
            + report.counters().acks()
            + " acks, "
            + report.counters().resends()
            + " resends, "
            + report.counters().failures()
            + " failures.");
  }

  private static SeqTally bridgeTally(CloudBridgeProcess bridge, Database database) {
    try {
      return SeqTally.ofBridge(bridge.database(), GATEWAY, database.epoch());
    } catch (SQLException e) {
      throw new DrainFailedException(
          "Cannot read the bridge's database " + bridge.database() + ": " + e.getMessage(), e);
    }
  }
}
