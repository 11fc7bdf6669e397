package io.releve.cloud.mqtt;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 3.1.1 broker inside the bridge's JVM (Moquette), on 127.0.0.1 only, anonymous, in memory:
 * for the demo and for a developer without Mosquitto (DESIGN §8). Production uses Mosquitto or a
 * cluster; tests use a real Mosquitto. Moquette has no shared subscriptions, so with it {@code
 * bridge.share-group} must stay empty.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

  public static final int DEFAULT_PORT = 1883;

  /** Moquette's default (8092 bytes) is smaller than a batch of readings. */
  static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  private final Server server;
  private final int port;

  private EmbeddedBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the broker on {@code 127.0.0.1:port}.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static EmbeddedBroker start(int port) {
    Properties properties = new Properties();
    properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
    properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
    properties.setProperty(
        BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
    properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    // Moquette reports usage to its authors unless told not to
    properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
    properties.setProperty(BrokerConstants.METRICS_ENABLE_PROPERTY_NAME, "false");
    properties.setProperty(BrokerConstants.BUGSNAG_ENABLE_PROPERTY_NAME, "false");
    properties.setProperty(
        BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(properties));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The embedded broker cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    log.info("Embedded MQTT broker listening on 127.0.0.1:{}", port);
    return new EmbeddedBroker(server, port);
  }

  /** {@code tcp://127.0.0.1:PORT}. */
  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
