package io.releve.cloud.faults;

import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.mqtt.Bridge;
import io.releve.cloud.mqtt.Counters;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.common.config.ConfigException;
import io.releve.contract.Topics;
import io.releve.testkit.MosquittoBroker;
import java.time.Clock;

/** The real bridge in this JVM, on the given store, subscribed before it is returned. */
public final class RunningBridge implements AutoCloseable {

  private final Database database;
  private final Bridge bridge;

  private RunningBridge(Database database, Bridge bridge) {
    this.database = database;
    this.bridge = bridge;
  }

  public static RunningBridge start(MosquittoBroker broker, StoreSettings store)
      throws ConfigException, InterruptedException {
    return start(broker, Database.open(store, Clock.systemUTC()));
  }

  /** The bridge on a store the test opened itself (a short busy timeout); it closes it. */
  public static RunningBridge start(MosquittoBroker broker, Database database)
      throws ConfigException, InterruptedException {
    Bridge bridge =
        new Bridge(
            MqttSettings.plain(broker.uri(), "bridge-under-test"),
            Topics.UP_ALL,
            new Ingest(database));
    bridge.start();
    Await.until("the bridge's subscriptions", bridge::isSubscribed);
    return new RunningBridge(database, bridge);
  }

  /** What the bridge has done so far. */
  public Counters counters() {
    return bridge.counters();
  }

  /** Whether it is connected and subscribed: it receives. */
  public boolean isSubscribed() {
    return bridge.isSubscribed();
  }

  @Override
  public void close() {
    try {
      bridge.close();
    } finally {
      database.close();
    }
  }
}
