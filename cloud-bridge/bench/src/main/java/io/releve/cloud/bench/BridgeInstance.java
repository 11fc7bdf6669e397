package io.releve.cloud.bench;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.mqtt.Bridge;
import io.releve.cloud.mqtt.Counters;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.PostgresDatabase;
import io.releve.cloud.store.StoreSettings;
import io.releve.common.config.ConfigException;
import java.time.Clock;

/**
 * One bridge instance as the benchmark runs it: the production {@link Bridge}, {@link Ingest} and
 * {@link PostgresDatabase}, with a connection pool and MQTT clients of its own, as a separate
 * process of the bridge would have, and the production default of workers ({@code bridge.workers}).
 * It opens {@link IngestBenchmark#DEFAULT_CONNECTIONS} MQTT connections ({@code
 * bridge.connections}) unless told otherwise: one connection decodes what it receives on Paho's one
 * receiver thread, about 50 000 readings a second at most, and the connections share the up topics
 * through a shared subscription (the instance's own group, or the phase's). The one place where the
 * benchmark makes a {@link Bridge}.
 */
final class BridgeInstance implements AutoCloseable {

  private final String clientId;
  private final Database database;
  private final Bridge bridge;

  private BridgeInstance(String clientId, Database database, Bridge bridge) {
    this.clientId = clientId;
    this.database = database;
    this.bridge = bridge;
  }

  /**
   * Opens the database (migrating a fresh one), makes the bridge and starts connecting; {@link
   * #isSubscribed()} says when it receives.
   *
   * @param upFilter {@code Topics.UP_ALL}, or {@code Topics.sharedUp(group)} for several instances
   * @param connections its MQTT connections, {@code bridge.connections}
   */
  static BridgeInstance start(
      String brokerUri,
      String clientId,
      String upFilter,
      int connections,
      StoreSettings.Postgres store) {
    Database database = PostgresDatabase.open(store, Clock.systemUTC());
    Bridge bridge;
    try {
      bridge =
          new Bridge(
              MqttSettings.plain(brokerUri, clientId),
              upFilter,
              new Ingest(database),
              CloudConfig.DEFAULT_WORKERS,
              connections);
    } catch (ConfigException | RuntimeException e) {
      database.close();
      throw new BenchFailedException(
          "Cannot make the bridge " + clientId + ": " + e.getMessage(), e);
    }
    bridge.start();
    return new BridgeInstance(clientId, database, bridge);
  }

  String clientId() {
    return clientId;
  }

  /** The filter its connections subscribe to for the up topics. */
  String upFilter() {
    return bridge.upFilter();
  }

  boolean isSubscribed() {
    return bridge.isSubscribed();
  }

  /**
   * MQTT messages this instance has handled. The bridge's counters have no getter for the rows it
   * stored, so the benchmark counts batches: every batch is full and, on a healthy run, received
   * once, so rows = messages × batch size.
   */
  long messages() {
    return counters().messages();
  }

  /** Batches it failed to store (database failures), 0 on a healthy run. */
  long failures() {
    return counters().failures();
  }

  /** Payloads it refused, 0 when the fleet keeps to the contract. */
  long refused() {
    return counters().refused();
  }

  /** The bridge's own summary line, for a failure's message. */
  String summary() {
    return clientId + ": " + counters().summary();
  }

  private Counters counters() {
    return bridge.counters();
  }

  /** Disconnects the bridge (it waits for its last acks), then closes the pool. */
  @Override
  public void close() {
    try {
      bridge.close();
    } finally {
      database.close();
    }
  }
}
