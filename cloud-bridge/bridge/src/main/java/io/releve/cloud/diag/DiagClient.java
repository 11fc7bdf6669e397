package io.releve.cloud.diag;

import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.mqtt.Connections;
import io.releve.common.config.ConfigException;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.ContractException;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.Status;
import io.releve.contract.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The technicians' client (DESIGN §3.4): one request to one gateway, one answer or a timeout. It
 * subscribes to the response topic (and to the gateway's retained status) before it publishes the
 * request, so a fast answer is never missed.
 *
 * <p>It connects under its own client id, {@code releve-diag-} and a random suffix, never the
 * bridge's: two clients with one id throw each other off the broker.
 */
public final class DiagClient {

  private DiagClient() {}

  /** A fresh correlation id: {@code diag-} and a random UUID, 41 characters of the allowed set. */
  public static String newCorrelationId() {
    return "diag-" + UUID.randomUUID();
  }

  /**
   * Asks {@code gateway} to run {@code command} and waits up to {@code timeout} for its answer.
   *
   * @throws MqttException when the broker cannot be reached or refuses the client
   * @throws ConfigException when the TLS files cannot be used
   */
  public static Answer ask(
      MqttSettings settings,
      GatewayId gateway,
      Command command,
      CommandRequest request,
      Duration timeout)
      throws MqttException, ConfigException {
    String id = newCorrelationId();
    String requestTopic = Topics.commandRequest(gateway, command, id);
    String responseTopic = Topics.commandResponse(gateway, command, id);
    String statusTopic = Topics.status(gateway);
    MqttConnectOptions options = Connections.options(settings);
    options.setAutomaticReconnect(false);
    BlockingQueue<byte[]> responses = new LinkedBlockingQueue<>();
    AtomicReference<Status> status = new AtomicReference<>();
    MqttClient client =
        new MqttClient(
            settings.uri(),
            "releve-diag-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    try {
      client.setCallback(
          new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
              if (topic.equals(responseTopic)) {
                responses.add(message.getPayload());
              } else if (topic.equals(statusTopic)) {
                try {
                  status.set(Json.read(message.getPayload(), Status.class));
                } catch (ContractException e) {
                  // a broken status says nothing about the gateway: left out of the answer
                }
              }
            }

            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
          });
      client.connect(options);
      client.subscribe(new String[] {responseTopic, statusTopic}, new int[] {1, 1});
      long start = System.nanoTime();
      client.publish(requestTopic, Json.write(request), 1, false);
      byte[] payload = responses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (payload == null) {
        return new Answer.NoAnswer(Optional.ofNullable(status.get()));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      try {
        return new Answer.Answered(Json.read(payload, CommandResponse.class), elapsed);
      } catch (ContractException e) {
        return new Answer.BadAnswer(
            "The answer on [" + responseTopic + "] is refused: " + e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.NoAnswer(Optional.ofNullable(status.get()));
    } finally {
      if (client.isConnected()) {
        client.disconnect(1_000);
      }
      client.close(true);
    }
  }
}
