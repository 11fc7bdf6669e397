package io.releve.cloud.faults;

import io.releve.contract.GatewayId;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.uplink.Uplink;
import io.releve.gateway.uplink.UplinkException;
import java.time.Clock;
import java.time.Duration;

/**
 * The gateway's real uplink as the fault tests run it: plain MQTT without a login, a short ack
 * timeout so that resends come within the test's time, a 5 s keep-alive, health reports out of the
 * way (one an hour), gateway {@link BrokerRestartFaultTest#GATEWAY}.
 */
final class TestUplinks {

  private TestUplinks() {}

  /** An uplink's settings: {@code batchSize} rows a batch, {@code window} batches unacked. */
  static UplinkConfig config(
      String brokerUri, String clientId, int batchSize, int window, Duration ackTimeout) {
    return new UplinkConfig(
        brokerUri,
        clientId,
        null,
        null,
        null,
        null,
        null,
        batchSize,
        window,
        ackTimeout,
        Duration.ofSeconds(5),
        Duration.ofHours(1));
  }

  /** Starts the uplink of {@code gateway}'s database with {@code config}. */
  static Uplink start(UplinkConfig config, Database gateway) throws UplinkException {
    return Uplink.start(
        config,
        GatewayId.of(BrokerRestartFaultTest.GATEWAY),
        gateway,
        Clock.systemUTC(),
        "releve-test",
        null);
  }
}
