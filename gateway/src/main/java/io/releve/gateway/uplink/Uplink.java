package io.releve.gateway.uplink;

import io.releve.contract.Ack;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.ContractException;
import io.releve.contract.EventsMessage;
import io.releve.contract.GatewayId;
import io.releve.contract.InventoryMessage;
import io.releve.contract.Json;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.Status;
import io.releve.contract.TopicName;
import io.releve.contract.Topics;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.store.OutboxBatch;
import io.releve.gateway.store.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to the bridge (DESIGN §3.4): rows in seq order, in batches of at most one
 * message per up topic, QoS 1, with at most {@link UplinkConfig#window()} batches awaiting the
 * bridge's ack. A PUBACK only says the broker has a message; rows count as delivered when the
 * bridge's {@link Ack} says it committed them, and that seq is stored durably. Without an ack for
 * {@link UplinkConfig#ackTimeout()} (doubling while the bridge stays silent), and after every
 * reconnection, sending starts again after the acknowledged seq: the bridge is idempotent on {@code
 * (gateway, epoch, seq)}.
 *
 * <p>One thread, {@code uplink}, connects, publishes and records acks; Paho's thread only hands
 * acks and commands over. Paho keeps its in-flight messages in memory ({@link MemoryPersistence}):
 * the outbox is the only store of what must not be lost, and its file persistence would write to
 * the working directory. The birth status ({@code online}) is published retained after every
 * connection; the will ({@code offline}, retained) is published by the broker when the connection
 * drops, and by {@link #close()} itself.
 */
public final class Uplink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);

  /** Paho's own limit on QoS 1 messages without a PUBACK; above our window's three topics. */
  private static final int PAHO_IN_FLIGHT_MARGIN = 16;

  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofMinutes(1);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration IDLE_POLL = Duration.ofMillis(500);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * While the bridge stays silent, the ack timeout doubles up to this many times the setting, and
   * only one batch is sent again each time (a probe) until an ack comes: a bridge down for hours
   * costs little, and one that comes back is served within a few timeouts.
   */
  private static final int MAX_TIMEOUT_FACTOR = 4;

  private final UplinkConfig config;
  private final GatewayId gateway;
  private final Outbox outbox;
  private final Clock clock;
  private final String software;
  private final Database database;
  private volatile java.util.UUID epoch;

  /** A fresh one for every connection: see {@link #freshClient()}. */
  private volatile MqttAsyncClient client;

  /** Whether {@link #client} has been used for a connection attempt already. */
  private boolean clientUsed;

  private final MqttConnectOptions options;
  private final CommandDispatch commands;
  private final Thread thread;
  private final Object wake = new Object();
  private final AtomicLong ackHeard = new AtomicLong();
  private final UplinkCounters counters = new UplinkCounters();
  private volatile boolean running = true;

  /** Connected, subscribed and born on the current client: only then is it used to publish. */
  private volatile boolean ready;

  /** The time of the current connection's birth and will, null before the first connection. */
  private volatile Instant session;

  // owned by the uplink thread
  private final Deque<InFlight> inFlight = new ArrayDeque<>();
  private long acked;
  private long sentThrough;
  private long pendingFrom;
  private int silentTimeouts;
  private boolean probing;

  /** A batch published and not yet acknowledged: its last seq and when it was sent (nanoTime). */
  private record InFlight(long lastSeq, long sentNanos) {}

  private Uplink(
      UplinkConfig config,
      GatewayId gateway,
      Database database,
      Clock clock,
      String software,
      CommandAnswerer answerer)
      throws UplinkException {
    this.config = Objects.requireNonNull(config, "config");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.outbox = new Outbox(database);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.software = Objects.requireNonNull(software, "software");
    this.database = database;
    this.epoch = database.epoch();
    this.options = options();
    try {
      this.client = newClient();
    } catch (MqttException e) {
      throw new UplinkException("Cannot make an MQTT client for " + config.uri() + ": " + e, e);
    }
    this.commands = new CommandDispatch(gateway, () -> client, answerer, counters);
    this.thread = new Thread(this::run, "uplink");
  }

  /**
   * Holds the outbox (retention then spares unacknowledged readings) and starts delivering it.
   *
   * @param answerer answers technicians' commands; see {@link CommandAnswerer}
   * @throws UplinkException when a password or certificate file cannot be read
   */
  public static Uplink start(
      UplinkConfig config,
      GatewayId gateway,
      Database database,
      Clock clock,
      String software,
      CommandAnswerer answerer)
      throws UplinkException {
    Uplink uplink = new Uplink(config, gateway, database, clock, software, answerer);
    uplink.outbox.hold();
    uplink.thread.start();
    LOG.info("uplink: {} as {} to {}", gateway, config.clientId(), config.uri());
    return uplink;
  }

  /** Whether the client is connected to the broker now. */
  public boolean connected() {
    return client.isConnected();
  }

  /** What the uplink has done so far, and where the outbox stands. */
  public UplinkReport report() {
    return new UplinkReport(
        client.isConnected(),
        outbox.state(),
        sentThroughSnapshot,
        inFlightSnapshot,
        counters.snapshot());
  }

  private volatile long sentThroughSnapshot;
  private volatile int inFlightSnapshot;

  private MqttConnectOptions options() throws UplinkException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    // the outbox is the session: nothing is left for the broker to keep across connections
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval((int) config.keepAlive().toSeconds());
    o.setConnectionTimeout((int) CONNECT_TIMEOUT.toSeconds());
    o.setMaxInflight(config.window() * 3 + PAHO_IN_FLIGHT_MARGIN);
    if (config.username() != null) {
      o.setUserName(config.username());
      try {
        String password = TlsSockets.Secrets.read(config.passwordFile());
        if (password != null) {
          o.setPassword(password.toCharArray());
        }
      } catch (IOException e) {
        throw new UplinkException(
            "Cannot read the MQTT password file [" + config.passwordFile() + "]: " + e, e);
      }
    }
    if (config.tls()) {
      o.setSocketFactory(TlsSockets.of(config));
    }
    return o;
  }

  private byte[] status(Status.State state, Instant at) {
    return Json.write(new Status(gateway, state, epoch, at, software));
  }

  private void run() {
    Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY);
    boolean failing = false;
    while (running) {
      try {
        if (!ready || !client.isConnected()) {
          connect();
          backoff.reset();
          failing = false;
          restartFromAcked();
          probing = false;
        }
        recordAck();
        checkAckTimeout();
        fillWindow();
        sentThroughSnapshot = sentThrough;
        inFlightSnapshot = inFlight.size();
        pause(IDLE_POLL);
      } catch (MqttException | StoreException e) {
        if (!running) {
          break;
        }
        Duration delay = backoff.next();
        if (!failing) {
          LOG.warn("uplink: {}; trying again in {} s and on", describe(e), delay.toSeconds());
          failing = true;
        } else {
          LOG.debug("uplink: {}", describe(e));
        }
        counters.failures.incrementAndGet();
        pause(delay);
      } catch (RuntimeException e) {
        // a bug must not stop delivery for good: say it, wait, and start over from the ack
        LOG.error("uplink: unexpected failure, starting again from the last ack", e);
        counters.failures.incrementAndGet();
        pause(backoff.next());
        inFlight.clear();
        sentThrough = acked;
      }
    }
  }

  private static String describe(Exception e) {
    return e instanceof MqttException m
        ? "broker: " + m.getMessage() + " (reason " + m.getReasonCode() + ")"
        : e.getMessage();
  }

  /**
   * Connects with a will and then a birth of the same time: the bridge keeps the latest status, and
   * between two of the same time the offline one, so a session's will always ends its birth while
   * an older session's late will never hides a newer birth.
   */
  private MqttAsyncClient newClient() throws MqttException {
    MqttAsyncClient fresh =
        new MqttAsyncClient(config.uri(), config.clientId(), new MemoryPersistence());
    fresh.setCallback(new Callback(fresh));
    return fresh;
  }

  /**
   * Paho 1.2.5 can hang for good when a client that lost its connection connects again (its connect
   * thread waits in {@code CommsSender.start} for a sender thread that never runs; seen after a
   * broker was killed). So each connection attempt after the first gets a fresh client, the old one
   * being closed forcibly.
   */
  private void freshClient() throws MqttException {
    if (!clientUsed) {
      clientUsed = true;
      return;
    }
    MqttAsyncClient old = client;
    client = newClient();
    try {
      old.disconnectForcibly(0, 500, false);
    } catch (MqttException e) {
      LOG.debug("uplink: the old client would not disconnect: {}", e.toString());
    }
    try {
      old.close(true);
    } catch (MqttException e) {
      LOG.debug("uplink: the old client would not close: {}", e.toString());
    }
  }

  private void connect() throws MqttException {
    ready = false;
    freshClient();
    Instant session = clock.instant();
    this.session = session;
    options.setWill(Topics.status(gateway), status(Status.State.OFFLINE, session), 1, true);
    client.connect(options).waitForCompletion(CONNECT_TIMEOUT.toMillis() * 2);
    stopIfClosing();
    IMqttToken subscription =
        client.subscribe(
            new String[] {Topics.downAck(gateway), Topics.commandRequests(gateway)},
            new int[] {1, 1});
    subscription.waitForCompletion(CONNECT_TIMEOUT.toMillis());
    for (int granted : subscription.getGrantedQos()) {
      // Paho's async client reports a refused subscription (SUBACK 0x80) as a success
      if (granted == SUBSCRIPTION_REFUSED) {
        throw new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
      }
    }
    stopIfClosing();
    client.publish(Topics.status(gateway), status(Status.State.ONLINE, session), 1, true);
    ready = true;
    counters.connects.incrementAndGet();
    LOG.info("uplink: connected to {}", config.uri());
  }

  /**
   * Publishes the birth status again (a long press on the service button): retained, of the current
   * connection's time, so the will of this connection still replaces it.
   *
   * @return false when not connected (the next connection announces the gateway anyway)
   */
  public boolean reannounce() {
    Instant at = session;
    MqttAsyncClient current = client;
    if (!ready || at == null) {
      LOG.info("uplink: not connected; the gateway is announced at the next connection");
      return false;
    }
    try {
      current.publish(Topics.status(gateway), status(Status.State.ONLINE, at), 1, true);
      LOG.info("uplink: gateway announced again");
      return true;
    } catch (MqttException e) {
      LOG.warn("uplink: cannot announce the gateway again: {}", e.toString());
      return false;
    }
  }

  /** SUBACK's return code for a refused subscription (MQTT 3.1.1, 3.9.3). */
  private static final int SUBSCRIPTION_REFUSED = 0x80;

  private void stopIfClosing() throws MqttException {
    if (!running) {
      throw new MqttException(MqttException.REASON_CODE_CLIENT_CLOSED);
    }
  }

  /** From the acknowledged seq on, everything is sent again: after a connection or a timeout. */
  private void restartFromAcked() {
    acked = Math.max(acked, outbox.ackedSeq());
    sentThrough = acked;
    inFlight.clear();
    pendingFrom = outbox.pendingFrom();
  }

  private void recordAck() {
    long heard = ackHeard.get();
    if (heard <= acked) {
      return;
    }
    try {
      outbox.acknowledge(heard);
    } catch (Outbox.AckBeyondOutboxException e) {
      java.util.UUID old = epoch;
      epoch = database.renewEpoch();
      LOG.error(
          "uplink: the bridge acknowledged seq {} of epoch {}, beyond every seq this database has"
              + " given: it is an older copy put back. Its rows go on under a new epoch, {}, so"
              + " that none is taken for another the cloud already holds.",
          heard,
          old,
          epoch);
      counters.epochs.incrementAndGet();
      ackHeard.set(acked);
      restartFromAcked();
      return;
    }
    acked = heard;
    silentTimeouts = 0;
    probing = false;
    while (!inFlight.isEmpty() && inFlight.peekFirst().lastSeq() <= acked) {
      inFlight.removeFirst();
    }
    if (sentThrough < acked) {
      sentThrough = acked;
    }
  }

  private void checkAckTimeout() {
    InFlight oldest = inFlight.peekFirst();
    if (oldest == null) {
      return;
    }
    long factor = Math.min(1L << Math.min(silentTimeouts, 30), MAX_TIMEOUT_FACTOR);
    long timeout = config.ackTimeout().toNanos() * factor;
    if (System.nanoTime() - oldest.sentNanos() < timeout) {
      return;
    }
    silentTimeouts++;
    counters.resends.incrementAndGet();
    probing = true;
    LOG.warn(
        "uplink: no ack from the bridge within {} s; sending again after seq {}",
        TimeUnit.NANOSECONDS.toSeconds(timeout),
        acked);
    restartFromAcked();
  }

  private void fillWindow() throws MqttException {
    int window = probing ? 1 : config.window();
    while (running && inFlight.size() < window) {
      OutboxBatch batch = outbox.after(sentThrough, config.batchSize());
      if (batch.isEmpty()) {
        return;
      }
      publish(batch);
      inFlight.addLast(new InFlight(batch.lastSeq(), System.nanoTime()));
      sentThrough = batch.lastSeq();
      counters.batches.incrementAndGet();
      counters.rows.addAndGet(batch.size());
    }
  }

  private void publish(OutboxBatch batch) throws MqttException {
    // pendingFrom is never above the first row of any batch sent after it was read
    if (!batch.inventory().isEmpty()) {
      send(
          Topics.upInventory(gateway),
          new InventoryMessage(gateway, epoch, batch.inventory(), pendingFrom));
    }
    if (!batch.readings().isEmpty()) {
      send(
          Topics.upReadings(gateway),
          new ReadingsMessage(gateway, epoch, batch.readings(), pendingFrom));
    }
    if (!batch.events().isEmpty()) {
      send(
          Topics.upEvents(gateway), new EventsMessage(gateway, epoch, batch.events(), pendingFrom));
    }
  }

  private void send(String topic, Object message) throws MqttException {
    byte[] payload = Json.write(message);
    while (true) {
      try {
        client.publish(topic, payload, 1, false);
        return;
      } catch (MqttException e) {
        // Paho refuses past its in-flight limit instead of waiting: wait for PUBACKs and retry
        if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || !running) {
          throw e;
        }
        pause(Duration.ofMillis(20));
      }
    }
  }

  private void pause(Duration delay) {
    synchronized (wake) {
      try {
        wake.wait(Math.max(1, delay.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void wakeUp() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /**
   * Stops delivering: the uplink thread ends, the {@code offline} status is published (retained)
   * and the connection closed. Rows not acknowledged stay in the outbox for the next start.
   */
  @Override
  public void close() {
    running = false;
    wakeUp();
    try {
      thread.join(CLOSE_TIMEOUT.toMillis() * 2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commands.close();
    try {
      if (client.isConnected()) {
        client
            .publish(Topics.status(gateway), status(Status.State.OFFLINE, clock.instant()), 1, true)
            .waitForCompletion(CLOSE_TIMEOUT.toMillis());
        client.disconnect().waitForCompletion(CLOSE_TIMEOUT.toMillis());
      }
    } catch (MqttException e) {
      LOG.warn("uplink: could not say offline before closing: {}", describe(e));
      try {
        client.disconnectForcibly(0, CLOSE_TIMEOUT.toMillis(), false);
      } catch (MqttException ignored) {
        LOG.debug("uplink: forced disconnection failed too", ignored);
      }
    } finally {
      try {
        client.close();
      } catch (MqttException e) {
        LOG.warn("uplink: could not close the MQTT client: {}", describe(e));
      }
    }
  }

  /** One client's callbacks; a replaced client's late events are ignored. */
  private final class Callback implements MqttCallbackExtended {

    private final MqttAsyncClient owner;

    Callback(MqttAsyncClient owner) {
      this.owner = owner;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      wakeUp();
    }

    @Override
    public void connectionLost(Throwable cause) {
      if (owner == client) {
        ready = false;
        LOG.warn("uplink: connection to {} lost: {}", config.uri(), cause.toString());
      }
      wakeUp();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        TopicName name = TopicName.parse(topic);
        if (name.kind() == TopicName.Kind.DOWN_ACK) {
          ackArrived(Json.read(message.getPayload(), Ack.class));
        } else if (name.kind() == TopicName.Kind.COMMAND_REQUEST) {
          commands.submit(name, message.getPayload());
        } else {
          LOG.warn("uplink: ignored a message on {}", topic);
        }
      } catch (ContractException e) {
        counters.refused.incrementAndGet();
        LOG.warn("uplink: refused a message on {}: {}", topic, e.getMessage());
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // a PUBACK: the broker has the message; delivery counts only with the bridge's ack
    }
  }

  private void ackArrived(Ack ack) {
    if (!epoch.equals(ack.epoch())) {
      LOG.debug("uplink: ignored an ack for epoch {}", ack.epoch());
      return;
    }
    counters.acks.incrementAndGet();
    counters.lastAckAt = clock.instant();
    ackHeard.accumulateAndGet(ack.ackedSeq(), Math::max);
    wakeUp();
  }

  /**
   * Answers a technician's command; called on the uplink's command threads, up to {@value
   * CommandDispatch#THREADS} at once.
   */
  @FunctionalInterface
  public interface CommandAnswerer {
    CommandResponse answer(io.releve.contract.Command command, CommandRequest request);
  }
}
