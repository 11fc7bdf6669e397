package io.releve.cloud.bench;

import io.releve.contract.Ack;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.TopicName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The fleet's side of a phase: a few Paho clients, each publishing for its share of the gateways
 * with QoS 1 and subscribed to their ack topics. Each gateway behaves as the real uplink does with
 * its window: at most {@code window} batches published and not yet covered by an ack; an ack that
 * covers a batch lets the next one go, from the client's callback thread. An ack only ever moves a
 * gateway forward; one for another epoch is counted and ignored.
 *
 * <p>{@link #deliver} starts the clock just before the first publish and stops it when the ack of
 * the last gateway's last seq arrives.
 */
final class FleetPublisher implements AutoCloseable {

  /** Paho clients the gateways are spread over. */
  static final int CLIENTS = 4;

  private static final long CONNECT_WAIT_MS = 15_000;
  private static final long DISCONNECT_WAIT_MS = 5_000;

  private final int window;
  private final List<MqttAsyncClient> clients = new ArrayList<>();
  private final Map<GatewayId, Flow> flows = new ConcurrentHashMap<>();
  private final AtomicInteger unfinished;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong acks = new AtomicLong();
  private final AtomicLong foreignAcks = new AtomicLong();
  private volatile long finishedNanos;

  /** What one phase's delivery measured. */
  record Delivery(long nanos, long published, long acks, long foreignAcks) {}

  private FleetPublisher(SyntheticFleet fleet, int window) {
    this.window = window;
    this.unfinished = new AtomicInteger(fleet.gateways().size());
  }

  /**
   * Connects the clients (clean sessions, client ids {@code releve-bench-fleet-N}) and subscribes
   * each to its gateways' ack topics.
   *
   * @throws MqttException when the broker cannot be reached or refuses a client
   */
  static FleetPublisher connect(String uri, SyntheticFleet fleet, int window) throws MqttException {
    FleetPublisher publisher = new FleetPublisher(fleet, window);
    try {
      publisher.connectClients(uri, fleet);
      return publisher;
    } catch (MqttException | RuntimeException e) {
      publisher.close();
      throw e;
    }
  }

  private void connectClients(String uri, SyntheticFleet fleet) throws MqttException {
    int count = Math.min(CLIENTS, fleet.gateways().size());
    List<List<SyntheticFleet.Gateway>> shares = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shares.add(new ArrayList<>());
    }
    for (int g = 0; g < fleet.gateways().size(); g++) {
      shares.get(g % count).add(fleet.gateways().get(g));
    }
    for (int i = 0; i < count; i++) {
      List<SyntheticFleet.Gateway> share = shares.get(i);
      MqttAsyncClient client =
          new MqttAsyncClient(uri, "releve-bench-fleet-" + (i + 1), new MemoryPersistence());
      clients.add(client);
      client.setCallback(new Callback());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      options.setCleanSession(true);
      options.setAutomaticReconnect(false);
      options.setKeepAliveInterval(30);
      // every gateway's whole window may wait for its PUBACK at once
      options.setMaxInflight(share.size() * window + 16);
      client.connect(options).waitForCompletion(CONNECT_WAIT_MS);
      String[] topics = new String[share.size()];
      int[] qos = new int[share.size()];
      for (int g = 0; g < share.size(); g++) {
        SyntheticFleet.Gateway gateway = share.get(g);
        flows.put(gateway.id(), new Flow(client, gateway));
        topics[g] = gateway.ackTopic();
        qos[g] = 1;
      }
      client.subscribe(topics, qos).waitForCompletion(CONNECT_WAIT_MS);
    }
  }

  /**
   * Publishes every gateway's batches, window by window, until every gateway's last seq is
   * acknowledged.
   *
   * @throws BenchFailedException when that takes longer than {@code timeout}, a publish fails or a
   *     client loses its connection; the message says how far it got
   */
  Delivery deliver(Duration timeout) {
    long start = System.nanoTime();
    for (Flow flow : flows.values()) {
      flow.pump();
    }
    boolean finished;
    try {
      finished = done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailedException("Interrupted while the fleet published", e);
    }
    if (failure.get() != null) {
      throw new BenchFailedException(failure.get() + "; " + progress());
    }
    if (!finished) {
      throw new BenchFailedException(
          "Not every batch was acknowledged within " + timeout.toSeconds() + " s: " + progress());
    }
    return new Delivery(finishedNanos - start, published.get(), acks.get(), foreignAcks.get());
  }

  /** How far the delivery got, for a failure's message. */
  private String progress() {
    long acked = 0;
    long total = 0;
    for (Flow flow : flows.values()) {
      acked += flow.ackedSeq();
      total += flow.gateway.lastSeq();
    }
    return (flows.size() - unfinished.get())
        + " of "
        + flows.size()
        + " gateways fully acknowledged, "
        + acked
        + " of "
        + total
        + " readings acknowledged, "
        + published.get()
        + " batches published, "
        + acks.get()
        + " acks received";
  }

  private void fail(String reason) {
    failure.compareAndSet(null, reason);
    done.countDown();
  }

  /** Disconnects every client. */
  @Override
  public void close() {
    for (MqttAsyncClient client : clients) {
      try {
        if (client.isConnected()) {
          client.disconnect(DISCONNECT_WAIT_MS).waitForCompletion(DISCONNECT_WAIT_MS);
        }
      } catch (MqttException e) {
        // the broker may be gone already; nothing is waiting for this client
      }
      try {
        client.close(true);
      } catch (MqttException e) {
        // as above
      }
    }
  }

  /** One gateway's window. */
  private final class Flow {
    private final MqttAsyncClient client;
    private final SyntheticFleet.Gateway gateway;
    private int next;
    private long ackedSeq;
    private boolean finished;

    Flow(MqttAsyncClient client, SyntheticFleet.Gateway gateway) {
      this.client = client;
      this.gateway = gateway;
    }

    /** Publishes while the window has room. */
    synchronized void pump() {
      int covered = (int) (ackedSeq / gateway.batchSize());
      while (next < gateway.batches().size() && next - covered < window) {
        try {
          client.publish(gateway.upTopic(), gateway.batches().get(next), 1, false);
        } catch (MqttException e) {
          fail("Publishing batch " + (next + 1) + " of " + gateway.id() + " failed: " + e);
          return;
        }
        next++;
        published.incrementAndGet();
      }
    }

    synchronized long ackedSeq() {
      return ackedSeq;
    }

    void acked(Ack ack) {
      acks.incrementAndGet();
      if (!ack.epoch().equals(gateway.epoch())) {
        foreignAcks.incrementAndGet();
        return;
      }
      synchronized (this) {
        if (ack.ackedSeq() <= ackedSeq) {
          return;
        }
        ackedSeq = ack.ackedSeq();
        if (ackedSeq >= gateway.lastSeq()) {
          if (!finished) {
            finished = true;
            if (unfinished.decrementAndGet() == 0) {
              finishedNanos = System.nanoTime();
              done.countDown();
            }
          }
          return;
        }
      }
      pump();
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        Flow flow = flows.get(TopicName.parse(topic).gateway());
        if (flow == null) {
          fail("An ack arrived on " + topic + ", a topic of no gateway of the fleet");
          return;
        }
        flow.acked(Json.read(message.getPayload(), Ack.class));
      } catch (RuntimeException e) {
        fail("The ack on " + topic + " could not be read: " + e.getMessage());
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      fail("A fleet client lost its connection to the broker: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
