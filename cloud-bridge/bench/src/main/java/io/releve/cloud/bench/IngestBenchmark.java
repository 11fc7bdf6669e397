package io.releve.cloud.bench;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.Secret;
import io.releve.cloud.store.StoreSettings;
import io.releve.contract.Topics;
import io.releve.testkit.MosquittoBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The bridge's ingest (DESIGN §9: at least 50 000 readings a second for one instance into
 * PostgreSQL; two instances split the load evenly, each 40–60 %, with nothing lost), measured with
 * the production code in one JVM: {@link SyntheticFleet}'s gateways publish through a real
 * Mosquitto ({@link MosquittoBroker}, or a given broker) with {@link FleetPublisher}, and one or
 * two {@link BridgeInstance}s store the batches in PostgreSQL ({@link BenchPostgres}) and
 * acknowledge them after the commit.
 *
 * <p>Each instance opens {@link Settings#connections()} MQTT connections (by default {@value
 * #DEFAULT_CONNECTIONS}), each with Paho's receiver thread of its own: one connection cannot decode
 * much more than 50 000 readings a second.
 *
 * <ul>
 *   <li>Phase {@code one}: one instance on {@link Topics#UP_ALL} (shared among its own connections
 *       when it has several), an empty database. The clock runs from the first publish to the ack
 *       of every gateway's last seq; then the database must hold exactly the fleet's readings.
 *   <li>Phase {@code two}: two instances in the share group {@value #SHARE_GROUP}, another empty
 *       database, the same load. Each instance must have handled 40–60 % of the batches, and the
 *       database must hold exactly the fleet's readings.
 * </ul>
 *
 * <p>The payloads are written once before the first phase; the broker and the server are started
 * once and stopped at the end, with the temp folder.
 */
public final class IngestBenchmark {

  /** DESIGN §9, for one instance. */
  public static final long TARGET_READINGS_PER_SECOND = 50_000;

  /** DESIGN §9: each of two instances handles 40–60 % of the load. */
  public static final double MIN_SHARE = 0.40;

  public static final double MAX_SHARE = 0.60;

  /** The MQTT connections of each instance when not told otherwise ({@code bridge.connections}). */
  public static final int DEFAULT_CONNECTIONS = 4;

  /** The share group of phase two's instances. */
  static final String SHARE_GROUP = "bench";

  /**
   * Batches that may wait for one bridge at the broker at once: Mosquitto's default {@code
   * max_queued_messages} for a client, which the bridge's clean session is. Past it, Mosquitto
   * drops QoS 1 messages for that client without a word, so the fleet's windows must stay below.
   */
  public static final int MAX_BATCHES_IN_FLIGHT = 1000;

  private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(15);

  /** Which phases to run. */
  public enum Phases {
    ONE,
    TWO,
    BOTH;

    boolean one() {
      return this != TWO;
    }

    boolean two() {
      return this != ONE;
    }
  }

  /**
   * @param gateways gateways of the fleet, 1–999
   * @param batches batches per gateway, at least 1
   * @param batchSize readings per batch, at least 1
   * @param window each gateway's batches awaiting an ack; {@code gateways × window} at most {@link
   *     #MAX_BATCHES_IN_FLIGHT}
   * @param timeout the longest a phase's delivery may take
   * @param brokerUri a running broker to use, null to start a Mosquitto
   * @param databaseUrl an existing PostgreSQL database to use (a new schema per phase), null to
   *     start a server
   * @param databaseUser the role for {@code databaseUrl}
   * @param databasePassword its password, or null
   * @param phases which phases to run
   * @param connections each instance's MQTT connections, 1 to {@link CloudConfig#MAX_CONNECTIONS}
   */
  public record Settings(
      int gateways,
      int batches,
      int batchSize,
      int window,
      Duration timeout,
      String brokerUri,
      String databaseUrl,
      String databaseUser,
      Secret databasePassword,
      Phases phases,
      int connections) {

    public Settings {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(phases, "phases");
      if (gateways < 1 || gateways > 999 || batches < 1 || batchSize < 1 || window < 1) {
        throw new IllegalArgumentException(
            "Gateways (1–999), batches, batch size and window (at least 1): "
                + List.of(gateways, batches, batchSize, window)
                + ".");
      }
      if ((long) gateways * window > MAX_BATCHES_IN_FLIGHT) {
        throw new IllegalArgumentException(
            "Gateways × window must be at most " + MAX_BATCHES_IN_FLIGHT + ".");
      }
      if (connections < 1 || connections > CloudConfig.MAX_CONNECTIONS) {
        throw new IllegalArgumentException(
            "Connections must lie between 1 and " + CloudConfig.MAX_CONNECTIONS + ".");
      }
      if ((databaseUrl == null) != (databaseUser == null)) {
        throw new IllegalArgumentException("The database's URL and user go together.");
      }
    }

    /** Readings a phase delivers. */
    public long readings() {
      return (long) gateways * batches * batchSize;
    }
  }

  private final Settings settings;

  public IngestBenchmark(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the phases; the broker, the server and the bridges are stopped whatever happens.
   *
   * @param progress one line per step, for the user's console
   * @throws BenchFailedException when the broker or the server does not start, or a phase's batches
   *     are not all acknowledged within the timeout; failed checks are not thrown but reported by
   *     {@link IngestResult#problems()}
   */
  public IngestResult run(Consumer<String> progress) {
    long started = System.nanoTime();
    SyntheticFleet fleet =
        SyntheticFleet.build(settings.gateways(), settings.batches(), settings.batchSize());
    progress.accept(
        String.format(
            Locale.ROOT,
            "wrote %d batches of %d readings for %d gateways (%.1f MiB of JSON) in %.1f s, not"
                + " measured",
            (long) settings.gateways() * settings.batches(),
            settings.batchSize(),
            settings.gateways(),
            fleet.payloadBytes() / 1048576.0,
            (System.nanoTime() - started) / 1e9));
    Path folder;
    try {
      folder = Files.createTempDirectory("releve-ingest-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the benchmark's temp folder", e);
    }
    try (MosquittoBroker local = settings.brokerUri() == null ? startMosquitto() : null) {
      String uri = local == null ? settings.brokerUri() : local.uri();
      progress.accept((local == null ? "broker " : "Mosquitto started on ") + uri);
      try (BenchPostgres postgres = openPostgres(folder.resolve("postgresql"))) {
        progress.accept(
            settings.databaseUrl() == null
                ? "PostgreSQL started (fsync and synchronous commits on), a new database per phase"
                : "PostgreSQL at "
                    + settings.databaseUrl()
                    + " as "
                    + settings.databaseUser()
                    + ", a new schema per phase, dropped at the end");
        List<IngestResult.Phase> phases = new ArrayList<>();
        if (settings.phases().one()) {
          phases.add(phase("one", 1, Topics.UP_ALL, fleet, uri, postgres, progress));
        }
        if (settings.phases().two()) {
          phases.add(phase("two", 2, Topics.sharedUp(SHARE_GROUP), fleet, uri, postgres, progress));
        }
        return new IngestResult(
            settings,
            fleet.readings(),
            fleet.payloadBytes(),
            local == null ? uri : "local-mosquitto",
            postgres.describe(),
            phases);
      }
    } finally {
      deleteTree(folder);
    }
  }

  private static MosquittoBroker startMosquitto() {
    if (!Files.isExecutable(MosquittoBroker.BINARY)
        || !Files.isExecutable(MosquittoBroker.PASSWD)) {
      throw new MissingPieceException(
          "Mosquitto is not installed ("
              + MosquittoBroker.BINARY
              + "): apt-get install mosquitto, or give a running broker with --broker URI.");
    }
    try {
      return MosquittoBroker.start();
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new BenchFailedException("Mosquitto did not start: " + e.getMessage(), e);
    }
  }

  private BenchPostgres openPostgres(Path folder) {
    if (settings.databaseUrl() != null) {
      return BenchPostgres.existing(
          settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    }
    try {
      return BenchPostgres.local(folder);
    } catch (RuntimeException e) {
      throw new BenchFailedException("PostgreSQL did not start: " + e.getMessage(), e);
    }
  }

  private IngestResult.Phase phase(
      String name,
      int instances,
      String upFilter,
      SyntheticFleet fleet,
      String uri,
      BenchPostgres postgres,
      Consumer<String> progress) {
    StoreSettings.Postgres store = postgres.fresh(name);
    List<BridgeInstance> bridges = new ArrayList<>();
    FleetPublisher.Delivery delivery;
    try {
      for (int i = 0; i < instances; i++) {
        bridges.add(
            BridgeInstance.start(
                uri,
                "releve-bench-" + name + "-" + IngestResult.instance(i),
                upFilter,
                settings.connections(),
                store));
      }
      awaitSubscribed(bridges);
      progress.accept(
          "phase "
              + name
              + ": "
              + instances
              + (instances == 1 ? " bridge instance (" : " bridge instances (")
              + settings.connections()
              + (settings.connections() == 1 ? " connection" : " connections")
              + (instances == 1 ? ") on " : " each) sharing ")
              + bridges.get(0).upFilter()
              + "; publishing "
              + fleet.readings()
              + " readings");
      try (FleetPublisher publisher = FleetPublisher.connect(uri, fleet, settings.window())) {
        delivery = publisher.deliver(settings.timeout());
      } catch (MqttException e) {
        throw new BenchFailedException("The fleet could not connect to " + uri + ": " + e, e);
      } catch (BenchFailedException e) {
        throw new BenchFailedException(
            "Phase " + name + ": " + e.getMessage() + "; " + summaries(bridges), e);
      }
    } catch (RuntimeException e) {
      closeAll(bridges, e);
      throw e;
    }
    closeAll(bridges, null);
    long stored = postgres.countReadings(store);
    IngestResult.Phase phase =
        new IngestResult.Phase(
            name,
            delivery.nanos(),
            stored,
            bridges.stream().map(BridgeInstance::messages).toList(),
            bridges.stream().mapToLong(BridgeInstance::failures).sum(),
            bridges.stream().mapToLong(BridgeInstance::refused).sum(),
            delivery.published());
    progress.accept(
        String.format(
            Locale.ROOT,
            "phase %s: %.3f s, %.0f readings/s, %d stored%s",
            name,
            phase.seconds(),
            fleet.readings() / phase.seconds(),
            stored,
            instances == 1 ? "" : ", batches per instance " + phase.messages()));
    return phase;
  }

  private static void awaitSubscribed(List<BridgeInstance> bridges) {
    long deadline = System.nanoTime() + SUBSCRIBE_WAIT.toNanos();
    for (BridgeInstance bridge : bridges) {
      while (!bridge.isSubscribed()) {
        if (System.nanoTime() > deadline) {
          throw new BenchFailedException(
              "The bridge "
                  + bridge.clientId()
                  + " was not subscribed within "
                  + SUBSCRIBE_WAIT.toSeconds()
                  + " s (see its log above)");
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BenchFailedException("Interrupted while the bridges connected", e);
        }
      }
    }
  }

  private static String summaries(List<BridgeInstance> bridges) {
    return String.join("; ", bridges.stream().map(BridgeInstance::summary).toList());
  }

  /** Closes every bridge; a failure is added to {@code pending} when there is one, else thrown. */
  private static void closeAll(List<BridgeInstance> bridges, RuntimeException pending) {
    RuntimeException failure = pending;
    for (BridgeInstance bridge : bridges) {
      try {
        bridge.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (pending == null && failure != null) {
      throw failure;
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the benchmark's folder " + folder, e);
    }
  }
}
