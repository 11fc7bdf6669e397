package io.releve.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho client for tests, with what it received and when it (re)connected; {@link #next()} and
 * {@link #nextConnect()} wait up to 10 s and fail with the broker's log.
 */
public final class PahoPeer implements AutoCloseable, MqttCallbackExtended {
  private static final long WAIT_SECONDS = 10;

  /**
   * Paho's blocking publish may return before its in-flight count falls (paho.mqtt.java issue 551),
   * so a test publishing in a loop could hit the default limit of 10 with nothing in flight.
   */
  private static final int MAX_IN_FLIGHT = 1000;

  private final MqttClient client;
  private final MosquittoBroker broker;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> connects = new LinkedBlockingQueue<>();

  /** One message as a subscriber saw it. */
  public record Received(String topic, String payload, int qos, boolean retained) {}

  private PahoPeer(MosquittoBroker broker, String clientId) throws MqttException {
    this.broker = broker;
    // MemoryPersistence: the default file persistence writes into the working directory.
    this.client = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
    client.setCallback(this);
  }

  /**
   * A connected client; {@code tune} sets options over a 5 s connection timeout and a window of
   * {@value #MAX_IN_FLIGHT} publishes.
   *
   * @throws MqttSecurityException when the broker refuses the client's credentials
   */
  public static PahoPeer connect(
      MosquittoBroker broker, String clientId, Consumer<MqttConnectOptions> tune)
      throws MqttException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setConnectionTimeout(5);
    options.setMaxInflight(MAX_IN_FLIGHT);
    tune.accept(options);
    PahoPeer peer = new PahoPeer(broker, clientId);
    try {
      peer.client.connect(options);
      return peer;
    } catch (MqttException e) {
      peer.client.close(true);
      throw e;
    }
  }

  /** Paho's own client, to subscribe, publish and disconnect with. */
  public MqttClient client() {
    return client;
  }

  /** The next message received, in order. */
  public Received next() throws InterruptedException {
    Received message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (message == null) {
      fail("no message within " + WAIT_SECONDS + " s; Mosquitto's log: " + broker.log());
    }
    return message;
  }

  /** Whether the next completed connection was an automatic reconnection. */
  public boolean nextConnect() throws InterruptedException {
    Boolean reconnect = connects.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (reconnect == null) {
      fail("no connection within " + WAIT_SECONDS + " s; Mosquitto's log: " + broker.log());
    }
    return reconnect;
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    connects.add(reconnect);
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    received.add(
        new Received(
            topic,
            new String(message.getPayload(), UTF_8),
            message.getQos(),
            message.isRetained()));
  }

  @Override
  public void connectionLost(Throwable cause) {
    // Nothing to do: the tests that lose connections wait for the will or the reconnection.
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(1_000);
    }
    client.close(true);
  }
}
