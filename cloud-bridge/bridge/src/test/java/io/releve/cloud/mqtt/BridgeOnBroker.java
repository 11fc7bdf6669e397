package io.releve.cloud.mqtt;

import static io.releve.cloud.Batches.GATEWAY;

import io.releve.cloud.Batches;
import io.releve.cloud.Poll;
import io.releve.cloud.TestStores;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.FleetStatus;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.contract.GatewayId;
import io.releve.contract.Status;
import io.releve.contract.Topics;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.PahoPeer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bridge's MQTT tests share: a real Mosquitto of their own, a gateway's client listening
 * to its acks, and the bridge under test as {@code bridge-test} on an empty store of the run's
 * engine, started by each test with the settings it needs.
 */
abstract class BridgeOnBroker {

  @TempDir Path folder;
  MosquittoBroker broker;
  StoreSettings store;
  Database database;
  Bridge bridge;
  PahoPeer gateway;

  @BeforeEach
  void startBrokerAndGateway() throws Exception {
    broker = MosquittoBroker.start();
    gateway = PahoPeer.connect(broker, "gw-rl042-gw1", options -> {});
    gateway.client().subscribe(Topics.downAck(GATEWAY), 1);
  }

  /**
   * Starts the bridge and waits for its subscriptions.
   *
   * @param busyTimeout how long a SQLite write waits for a lock another connection holds
   */
  void startBridge(Duration busyTimeout, int workers, int connections) throws Exception {
    store = TestStores.fresh(folder);
    database = TestStores.open(store, Clock.systemUTC(), busyTimeout);
    bridge =
        new Bridge(
            MqttSettings.plain(broker.uri(), "bridge-test"),
            Topics.UP_ALL,
            new Ingest(database),
            workers,
            connections);
    bridge.start();
    Poll.until(bridge::isSubscribed, () -> "the bridge's subscriptions; " + broker.log());
  }

  /**
   * A gateway's client publishes its retained birth, then drops so that the broker publishes its
   * will; returns once the bridge has recorded each.
   */
  void birthThenWill() throws Exception {
    Instant session = Instant.parse("2026-11-24T06:12:09.481Z");
    PahoPeer device =
        PahoPeer.connect(
            broker,
            "gw-with-will",
            options ->
                options.setWill(
                    Topics.status(GATEWAY),
                    Batches.status(Status.State.OFFLINE, session),
                    1,
                    true));
    device
        .client()
        .publish(Topics.status(GATEWAY), Batches.status(Status.State.ONLINE, session), 1, true);
    Poll.until(() -> "online".equals(state(GATEWAY)), () -> "the birth");
    device.client().disconnectForcibly(0, 1000, false);
    Poll.until(() -> "offline".equals(state(GATEWAY)), () -> "the will; " + broker.log());
    device.close();
  }

  /** The gateway's state as the bridge recorded it, or null before any status. */
  String state(GatewayId id) {
    return FleetStatus.read(database).lines().stream()
        .filter(line -> line.gateway().equals(id.toString()))
        .map(FleetStatus.Line::state)
        .findFirst()
        .orElse(null);
  }

  @AfterEach
  void stopAll() throws Exception {
    if (bridge != null) {
      bridge.close();
    }
    if (database != null) {
      database.close();
    }
    gateway.close();
    broker.close();
  }
}
