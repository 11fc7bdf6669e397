package io.releve.gateway.uplink;

import io.releve.contract.Ack;
import io.releve.contract.Json;
import io.releve.contract.Sequenced;
import io.releve.contract.TopicName;
import io.releve.contract.Topics;
import io.releve.contract.UpMessage;
import io.releve.testkit.MosquittoBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The bridge's side of the contract, reduced to what the gateway's tests need: it records every up
 * message, holds the seqs of one epoch and acks the highest contiguous one after each message (from
 * {@code pending_from} when given), unless told to stay silent.
 */
final class FakeBridge implements AutoCloseable, MqttCallbackExtended {

  final List<UpMessage> messages = new CopyOnWriteArrayList<>();
  final AtomicBoolean silent = new AtomicBoolean();
  private final TreeSet<Long> held = new TreeSet<>();
  private final MqttAsyncClient client;
  private long contiguous;

  FakeBridge(MosquittoBroker broker) throws MqttException {
    client = new MqttAsyncClient(broker.uri(), "fake-bridge", new MemoryPersistence());
    client.setCallback(this);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setAutomaticReconnect(true);
    options.setConnectionTimeout(5);
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe(Topics.UP_ALL, 1).waitForCompletion(10_000);
  }

  /** Every seq received, once each. */
  synchronized TreeSet<Long> held() {
    return new TreeSet<>(held);
  }

  synchronized long contiguous() {
    return contiguous;
  }

  /** Every seq received, with repeats: a resend shows here twice. */
  List<Long> receivedWithRepeats() {
    List<Long> all = new ArrayList<>();
    for (UpMessage message : messages) {
      for (Sequenced entry : message.entries()) {
        all.add(entry.seq());
      }
    }
    return all;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws Exception {
    TopicName name = TopicName.parse(topic);
    UpMessage up = (UpMessage) Json.read(message.getPayload(), name.kind().payload());
    messages.add(up);
    if (silent.get()) {
      return;
    }
    long ack;
    synchronized (this) {
      for (Sequenced entry : up.entries()) {
        held.add(entry.seq());
      }
      if (up.pendingFrom() != null) {
        contiguous = Math.max(contiguous, up.pendingFrom() - 1);
      }
      while (held.contains(contiguous + 1)) {
        contiguous++;
      }
      ack = contiguous;
    }
    if (ack > 0) {
      ack(up.gateway().value(), up.epoch(), ack);
    }
  }

  void ack(String gateway, UUID epoch, long seq) throws MqttException {
    client.publish(
        Topics.downAck(io.releve.contract.GatewayId.of(gateway)),
        Json.write(new Ack(epoch, seq)),
        1,
        false);
  }

  MqttAsyncClient client() {
    return client;
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    if (reconnect) {
      try {
        client.subscribe(Topics.UP_ALL, 1);
      } catch (MqttException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void connectionLost(Throwable cause) {}

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(1_000);
    }
    client.close(true);
  }
}
