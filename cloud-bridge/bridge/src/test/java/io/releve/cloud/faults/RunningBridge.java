package io.releve.cloud.faults;

import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.mqtt.Bridge;
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
    Database database = Database.open(store, Clock.systemUTC());
    Bridge bridge =
        new Bridge(
            MqttSettings.plain(broker.uri(), "bridge-under-test"),
            Topics.UP_ALL,
            new Ingest(database));
    bridge.start();
    Await.until("the bridge's subscriptions", bridge::isSubscribed);
    return new RunningBridge(database, bridge);
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
