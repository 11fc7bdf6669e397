package io.releve.cloud.mqtt;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.ingest.Outcome;
import io.releve.cloud.store.StoreException;
import io.releve.common.concurrent.Tickers;
import io.releve.common.config.ConfigException;
import io.releve.contract.Json;
import io.releve.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
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
 * The running bridge: one or more MQTT connections ({@code bridge.connections}) whose messages a
 * pool of workers hands to {@link Ingest}, each publishing the ack after the commit.
 *
 * <ul>
 *   <li>Clean session and {@link MemoryPersistence}: nothing is kept on disk by Paho; the gateways'
 *       outboxes are the source of truth and they resend what is not acked.
 *   <li>On every (re)connect it subscribes again, QoS 1: the up filter (plain or shared, one
 *       client-wide callback either way: Paho never calls per-subscription listeners for {@code
 *       $share}) and {@link Topics#STATUS_ALL}, always plain so that retained statuses arrive.
 *   <li>Acks go to {@link Topics#downAck} with QoS 1, not retained, after every batch committed,
 *       duplicates included: a gateway that resends after its ack timeout needs the ack again.
 *   <li>Manual acknowledgements: the broker gets its PUBACK for a message only once the worker has
 *       committed it and published its ack, on the connection that delivered it. A message whose
 *       connection is gone by then is not acknowledged at all; its id would mean another message on
 *       a new connection.
 *   <li>A database failure drops the connection that delivered the message, from a thread of the
 *       bridge's own, and reconnects with backoff (1 s doubling to 60 s). Nothing was committed, no
 *       ack was sent, no PUBACK either: the gateway resends. Messages of that connection still
 *       waiting in the queue are dropped unhandled, for the same reason.
 *   <li>Every connection, the first and those after a loss, is retried with the same backoff until
 *       it succeeds or the bridge is closed.
 * </ul>
 *
 * <p>Paho's callback thread only queues each message for {@code bridge.workers} threads (a queue of
 * two messages per worker). When the queue is full the callback thread waits, Paho stops reading
 * the socket, and a slow database holds the broker back instead of filling the memory. Messages are
 * handled concurrently, in no particular order, even those of one gateway. Nothing needs the order:
 * rows are inserted once on (gateway, epoch, seq), and each commit computes the epoch's contiguous
 * seq from what the database holds, so whichever batch commits last acks all of them (acks may
 * reach a gateway out of order; the highest counts). Statuses keep the newest by their own time,
 * and registry changes apply in (epoch, seq) order whatever the arrival order. The one-by-one
 * alternative waits for each commit on the callback thread and caps the bridge at one transaction's
 * round trip per message.
 *
 * <p>Several connections. Paho 1.2.5 decodes every incoming PUBLISH on the client's one receiver
 * thread, copying its bytes twice a byte at a time through synchronized reads: about 10 ms of CPU
 * for a batch of 500 readings, so one connection cannot receive much more than 50 000 readings a
 * second whatever the database does. With {@code bridge.connections} above 1 the bridge opens that
 * many connections, each a client (and receiver thread) of its own, all feeding the same workers.
 * Each connection keeps everything above for itself: its own fresh client after every loss, its own
 * backoff and CONNACK deadline, and it is the only one dropped when a message it delivered meets a
 * database failure. The up topics are dealt out among the connections by a shared subscription: the
 * configured share group when there is one (so several instances × several connections share one
 * group), otherwise a group of the instance's own, {@code releve-<client id>}, that nothing else
 * joins. The first connection uses the configured client id and also subscribes to the statuses
 * (retained: read once per instance); the others use {@code <client id>-2}, {@code -3}… and
 * subscribe to the up topics only. An ack goes out on the connection that delivered the batch, or
 * on another one when that one is down: any connection reaches the gateway. With one connection the
 * up filter is left as given.
 */
public final class Bridge implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Bridge.class);

  /** A summary line every so many messages, and at least once a minute when anything happened. */
  static final long LOG_EVERY_MESSAGES = 10_000;

  static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
  private static final long DISCONNECT_TIMEOUT_MS = 5_000;

  /** How long {@link #close()} waits for the workers to finish the messages in hand. */
  static final long WORKERS_STOP_MS = 5_000;

  /** Messages waiting for a worker, per worker: enough to keep them busy, no more. */
  private static final int QUEUED_PER_WORKER = 2;

  /** How often a waiting worker or a callback waiting for room looks at the bridge's state. */
  private static final long POLL_MS = 100;

  /** How long a connection dropped after a failure may take to tell the broker nothing. */
  private static final long DROP_TIMEOUT_MS = 500;

  /** SUBACK's return code for a refused subscription (MQTT 3.1.1, 3.9.3). */
  private static final int SUBSCRIPTION_REFUSED = 0x80;

  /** A connection counts as healthy once it has held this long after its subscriptions. */
  private static final long HEALTHY_NANOS = TimeUnit.SECONDS.toNanos(30);

  /**
   * A connection the broker or the network lost sooner than this after its subscriptions was thrown
   * off rather than lost (another client with the same id takes it over each time).
   */
  private static final long BRIEF_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** The longest wait before reconnecting after connections thrown off one after the other. */
  private static final long BROKER_LOSS_MAX_DELAY_MS = 8_000;

  /** How long a connection attempt may wait for the broker's CONNACK. */
  private static final long CONNECT_DEADLINE_MS = 15_000;

  private final MqttSettings settings;
  private final String upFilter;
  private final Ingest ingest;
  private final Counters counters = new Counters();
  private final BlockingQueue<Delivery> queue;
  private final List<Thread> workers = new ArrayList<>();

  /** The connections; the first also reads the statuses. */
  private final List<Link> links = new ArrayList<>();

  private final MqttConnectOptions options;
  private final ScheduledExecutorService timer;
  private long loggedMessages;
  private volatile boolean closed;

  /**
   * A bridge with {@link CloudConfig#DEFAULT_WORKERS} workers and one connection, not yet
   * connected.
   *
   * @param upFilter {@link Topics#UP_ALL} or {@link Topics#sharedUp}
   * @throws ConfigException when the TLS files cannot be used
   */
  public Bridge(MqttSettings settings, String upFilter, Ingest ingest) throws ConfigException {
    this(settings, upFilter, ingest, CloudConfig.DEFAULT_WORKERS);
  }

  /**
   * A bridge with one connection, not yet connected.
   *
   * @param upFilter {@link Topics#UP_ALL} or {@link Topics#sharedUp}
   * @param workers the threads that run {@link Ingest#handle}, {@code bridge.workers}: 1 to {@link
   *     CloudConfig#MAX_WORKERS}
   * @throws ConfigException when the TLS files cannot be used
   */
  public Bridge(MqttSettings settings, String upFilter, Ingest ingest, int workers)
      throws ConfigException {
    this(settings, upFilter, ingest, workers, 1);
  }

  /**
   * A bridge, not yet connected.
   *
   * @param upFilter {@link Topics#UP_ALL} (this instance alone) or {@link Topics#sharedUp} (shared
   *     with other instances); with several connections {@link Topics#UP_ALL} becomes the
   *     instance's own share group (see {@link #upFilter()})
   * @param workers the threads that run {@link Ingest#handle}, {@code bridge.workers}: 1 to {@link
   *     CloudConfig#MAX_WORKERS}
   * @param connections the MQTT connections, {@code bridge.connections}: 1 to {@link
   *     CloudConfig#MAX_CONNECTIONS}
   * @throws ConfigException when the TLS files cannot be used
   * @throws IllegalArgumentException when a count is out of range, or several connections are asked
   *     for with a plain filter other than {@link Topics#UP_ALL}
   */
  public Bridge(MqttSettings settings, String upFilter, Ingest ingest, int workers, int connections)
      throws ConfigException {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ingest = Objects.requireNonNull(ingest, "ingest");
    if (workers < 1 || workers > CloudConfig.MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers must lie between 1 and " + CloudConfig.MAX_WORKERS + ", not " + workers);
    }
    if (connections < 1 || connections > CloudConfig.MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "connections must lie between 1 and "
              + CloudConfig.MAX_CONNECTIONS
              + ", not "
              + connections);
    }
    this.upFilter =
        upFilterFor(Objects.requireNonNull(upFilter, "upFilter"), settings.clientId(), connections);
    this.options = Connections.options(settings);
    try {
      for (int i = 0; i < connections; i++) {
        links.add(
            i == 0
                ? new Link(0, settings.clientId(), Topics.STATUS_ALL, this.upFilter)
                : new Link(i, settings.clientId() + "-" + (i + 1), this.upFilter));
      }
    } catch (MqttException e) {
      links.forEach(Link::closeQuietly);
      throw new ConfigException("mqtt.uri [" + settings.uri() + "] cannot be used: " + e, e);
    }
    this.timer = Tickers.daemon("bridge-timer");
    this.queue = new ArrayBlockingQueue<>(workers * QUEUED_PER_WORKER);
    for (int i = 1; i <= workers; i++) {
      Thread worker = new Thread(this::work, "bridge-worker-" + i);
      worker.setDaemon(true);
      this.workers.add(worker);
    }
  }

  /**
   * The filter the connections subscribe to for the up topics: {@code upFilter} itself with one
   * connection or a shared filter; with several connections and {@link Topics#UP_ALL}, the shared
   * filter of a group of the instance's own, so that its connections split the load and nothing
   * else joins them. A plain filter would bring every message to every connection.
   */
  static String upFilterFor(String upFilter, String clientId, int connections) {
    if (connections == 1 || upFilter.startsWith("$share/")) {
      return upFilter;
    }
    if (upFilter.equals(Topics.UP_ALL)) {
      return Topics.sharedUp("releve-" + clientId.replaceAll("[^A-Za-z0-9._-]", "-"));
    }
    throw new IllegalArgumentException(
        "Several connections need "
            + Topics.UP_ALL
            + " or a shared filter ($share/...), not "
            + upFilter
            + ": a plain filter would bring every message to every connection");
  }

  /** Starts connecting and returns at once; {@link #isSubscribed()} says when it receives. */
  public void start() {
    log.info(
        "Connecting to {} as {}; up topics through {}; {} workers",
        settings.uri(),
        links.size() == 1
            ? settings.clientId()
            : String.join(", ", links.stream().map(link -> link.clientId).toList())
                + " ("
                + links.size()
                + " connections)",
        upFilter,
        workers.size());
    workers.forEach(Thread::start);
    timer.scheduleAtFixedRate(
        this::logSummary, LOG_INTERVAL.toMillis(), LOG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    links.forEach(link -> link.connect(1_000));
  }

  /** The filter of the up topics the connections subscribe to: see {@link #upFilterFor}. */
  public String upFilter() {
    return upFilter;
  }

  /** How many MQTT connections it keeps, {@code bridge.connections}. */
  public int connections() {
    return links.size();
  }

  /** Whether every connection is up. */
  public boolean isConnected() {
    return links.stream().allMatch(Link::isConnected);
  }

  /** Whether every connection is up and the broker granted its subscriptions: it receives. */
  public boolean isSubscribed() {
    return links.stream().allMatch(Link::isSubscribed);
  }

  /** What it has done so far. */
  public Counters counters() {
    return counters;
  }

  /**
   * The messages each connection has received since start, the first connection's first: how the
   * broker dealt them out.
   */
  public List<Long> messagesPerConnection() {
    return links.stream().map(link -> link.messages.get()).toList();
  }

  /**
   * How many times each connection has been subscribed since start: 1 until it is lost or dropped
   * and comes back.
   */
  List<Long> sessionsPerConnection() {
    return links.stream().map(link -> link.sessions.get()).toList();
  }

  /** A worker's loop: one message after the other until the bridge is closed. */
  private void work() {
    while (!closed) {
      Delivery delivery;
      try {
        delivery = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (delivery != null && !closed) {
        try {
          handle(delivery);
        } catch (RuntimeException e) {
          // after the commit (the ack, the PUBACK, the summary): the worker must live on, or once
          // every worker is gone the bridge would stop receiving without a word
          log.error("Unexpected failure after storing a message from {}", delivery.topic(), e);
        }
      }
    }
  }

  private void handle(Delivery delivery) {
    if (delivery.from().isGone()) {
      // no PUBACK can be sent for it any more: the broker forgot it, the gateway resends
      return;
    }
    String topic = delivery.topic();
    Outcome outcome;
    try {
      outcome = ingest.handle(topic, delivery.message().getPayload());
    } catch (RuntimeException e) {
      // a database failure, or a bug: nothing was committed, so nothing is acknowledged
      counters.failures.incrementAndGet();
      log.error(
          "{} on a message from {}; not acknowledged, the connection {} is dropped and the gateway"
              + " will send it again: {}",
          e instanceof StoreException ? "Database failure" : "Unexpected failure",
          topic,
          delivery.from().link.clientId,
          e.getMessage(),
          e);
      delivery.from().fail();
      return;
    }
    if (outcome instanceof Outcome.Acked acked) {
      counters.rowsAdded.addAndGet(acked.added());
      counters.duplicates.addAndGet(acked.duplicates());
      publishAck(acked, delivery.from().link);
    } else if (outcome instanceof Outcome.NothingToAck waiting) {
      counters.rowsAdded.addAndGet(waiting.added());
      counters.duplicates.addAndGet(waiting.duplicates());
      log.debug("Stored a batch from {}; seq 1 of its epoch is still missing, no ack", topic);
    } else if (outcome instanceof Outcome.StatusSeen seen) {
      counters.statuses.incrementAndGet();
      log.info(
          "{} is {} (status of {}){}",
          seen.status().gateway(),
          seen.status().state().wireName(),
          seen.status().at(),
          seen.applied() ? "" : "; older than the one held, ignored");
    } else {
      counters.refused.incrementAndGet();
    }
    delivery.from().complete(delivery.message());
    if (delivery.number() % LOG_EVERY_MESSAGES == 0) {
      logSummary();
    }
  }

  private void publishAck(Outcome.Acked acked, Link delivering) {
    String topic = Topics.downAck(acked.gateway());
    try {
      ackCarrier(delivering).publish(topic, Json.write(acked.ack()), 1, false);
      counters.acks.incrementAndGet();
    } catch (MqttException e) {
      // the rows are committed; the gateway resends after its ack timeout and gets a new ack
      log.warn("Cannot publish the ack {} to {}: {}", acked.ack().ackedSeq(), topic, e.toString());
    }
  }

  /**
   * The client of the connection that delivered the batch while it is up, else that of any other
   * connection that is: every connection reaches the gateway, and an ack needs no PUBACK.
   */
  private MqttAsyncClient ackCarrier(Link delivering) {
    MqttAsyncClient own = delivering.client;
    if (own.isConnected()) {
      return own;
    }
    for (Link link : links) {
      MqttAsyncClient other = link.client;
      if (other.isConnected()) {
        return other;
      }
    }
    return own;
  }

  private synchronized void logSummary() {
    long messages = counters.messages.get();
    if (messages != loggedMessages) {
      loggedMessages = messages;
      if (links.size() == 1) {
        log.info("Since start: {}", counters.summary());
      } else {
        log.info(
            "Since start: {}; messages per connection {}",
            counters.summary(),
            messagesPerConnection());
      }
    }
  }

  /**
   * Stops taking messages, lets the workers finish those in hand (up to 5 s), then disconnects
   * every connection (waiting up to 5 s for in-flight acks) and stops reconnecting. Messages still
   * queued get no PUBACK: the gateways send them again.
   */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    stopWorkers();
    List<IMqttToken> disconnections = new ArrayList<>();
    for (Link link : links) {
      disconnections.add(link.startDisconnect());
    }
    for (int i = 0; i < links.size(); i++) {
      links.get(i).finishClose(disconnections.get(i));
    }
    logSummary();
  }

  private void stopWorkers() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WORKERS_STOP_MS);
    for (Thread worker : workers) {
      long left = deadline - System.nanoTime();
      try {
        worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Thread worker : workers) {
      if (worker.isAlive()) {
        log.warn(
            "{} is still at a message after {} s; interrupting it",
            worker.getName(),
            WORKERS_STOP_MS / 1000);
        worker.interrupt();
      }
    }
    queue.clear();
  }

  /** A message as it came, with the client that brought it and its number since start. */
  private record Delivery(Forwarder from, String topic, MqttMessage message, long number) {}

  /**
   * One MQTT connection of the bridge: its current client, replaced by a fresh one after every loss
   * (see {@link #replaceClient}), its subscriptions, and its own reconnection with backoff.
   */
  private final class Link {
    private final int index;
    private final String clientId;
    private final String[] filters;
    private final int[] qos;

    /** Messages it received since start. */
    private final AtomicLong messages = new AtomicLong();

    /** How many times the broker granted its subscriptions. */
    private final AtomicLong sessions = new AtomicLong();

    /** Replaced by a fresh one after every lost connection (see {@link #replaceClient}). */
    private volatile MqttAsyncClient client;

    /**
     * The delay before reconnecting after a lost connection: 1 s; after a connection the bridge
     * dropped itself because the database failed, doubled each time until a connection has been
     * healthy (subscribed) for a while, so that a database that keeps failing does not make it
     * reconnect every second. A connection lost to the broker or the network (a broker restart) is
     * made again after 1 s: the connection attempts back off on their own while the broker is away
     * ({@code retry}). Guarded by this link.
     */
    private long reconnectDelayMs = 1_000;

    private volatile long healthySinceNanos;
    private volatile boolean subscribed;

    Link(int index, String clientId, String... filters) throws MqttException {
      this.index = index;
      this.clientId = clientId;
      this.filters = filters.clone();
      this.qos = new int[filters.length];
      Arrays.fill(qos, 1);
      this.client = newClient();
    }

    private MqttAsyncClient newClient() throws MqttException {
      // MemoryPersistence: Paho's default file persistence writes into the working directory.
      MqttAsyncClient fresh =
          new MqttAsyncClient(settings.uri(), clientId, new MemoryPersistence());
      // PUBACK only after the commit: see messageArrivedComplete in Forwarder.complete
      fresh.setManualAcks(true);
      fresh.setCallback(new Forwarder(this, fresh));
      return fresh;
    }

    /**
     * Paho 1.2.5 can hang for good when a client that lost its connection connects again (its
     * connect thread waits in {@code CommsSender.start} for a sender thread that never runs; seen
     * after a broker was killed while acks were being published). A fresh client for each new
     * connection never carries the old one's threads.
     */
    private void replaceClient() {
      MqttAsyncClient old = client;
      try {
        old.disconnectForcibly(0, 500, false);
      } catch (MqttException e) {
        log.debug("The lost client {} would not disconnect: {}", clientId, e.toString());
      }
      try {
        old.close(true);
      } catch (MqttException e) {
        log.debug("The lost client {} would not close: {}", clientId, e.toString());
      }
      try {
        client = newClient();
      } catch (MqttException e) {
        // the URI was accepted once; nothing else can fail here
        throw new IllegalStateException("Cannot make a new MQTT client: " + e, e);
      }
    }

    private void reconnect() {
      if (closed) {
        return;
      }
      replaceClient();
      connect(1_000);
    }

    void connect(long retryDelayMs) {
      if (closed) {
        return;
      }
      MqttAsyncClient current = client;
      try {
        IMqttToken attempt =
            current.connect(
                options,
                null,
                new IMqttActionListener() {
                  @Override
                  public void onSuccess(IMqttToken token) {}

                  @Override
                  public void onFailure(IMqttToken token, Throwable failure) {
                    if (current == client) {
                      retry(retryDelayMs, failure);
                    }
                  }
                });
        timer.schedule(
            () -> abandonIfStuck(current, attempt), CONNECT_DEADLINE_MS, TimeUnit.MILLISECONDS);
      } catch (MqttException e) {
        retry(retryDelayMs, e);
      } catch (RejectedExecutionException e) {
        // closed meanwhile
      }
    }

    /**
     * Paho's connection timeout covers the TCP connection only: a broker that takes the connection
     * but never answers CONNECT (seen right after a broker restart) would hold the attempt until
     * the socket dies, a minute and more. Past the deadline the attempt is dropped, which fails it
     * and so schedules the next one.
     */
    private void abandonIfStuck(MqttAsyncClient attempted, IMqttToken attempt) {
      if (closed || attempted != client || attempt.isComplete()) {
        return;
      }
      log.warn(
          "No answer to CONNECT from {} for {} within {} s; dropping the attempt",
          settings.uri(),
          clientId,
          CONNECT_DEADLINE_MS / 1000);
      reconnect();
    }

    private void retry(long delayMs, Throwable failure) {
      if (closed) {
        return;
      }
      log.warn(
          "{} cannot connect to {}: {}; trying again in {} s",
          clientId,
          settings.uri(),
          failure.getMessage(),
          delayMs / 1000);
      long next = Math.min(delayMs * 2, Connections.MAX_RECONNECT_DELAY_MS);
      try {
        timer.schedule(() -> connect(next), delayMs, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closed meanwhile
      }
    }

    boolean isConnected() {
      return client.isConnected();
    }

    boolean isSubscribed() {
      return subscribed && client.isConnected();
    }

    private void connectComplete(MqttAsyncClient owner, boolean reconnect, String serverUri) {
      if (closed) {
        return;
      }
      log.info("{} {} to {}", clientId, reconnect ? "reconnected" : "connected", serverUri);
      String wanted = String.join(" and ", filters);
      try {
        // clean session: the broker forgot our subscriptions, so make them again every time
        owner.subscribe(
            filters,
            qos,
            null,
            new IMqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                // Paho's async client reports a refused subscription (SUBACK 0x80) as a success
                for (int granted : token.getGrantedQos()) {
                  if (granted == SUBSCRIPTION_REFUSED) {
                    log.error(
                        "The broker refused the subscription of {} to {} (SUBACK 0x80): check the"
                            + " bridge user's ACL; nothing will be received",
                        clientId,
                        wanted);
                    return;
                  }
                }
                if (owner == client) {
                  subscribed = true;
                  sessions.incrementAndGet();
                  healthySinceNanos = System.nanoTime();
                }
              }

              @Override
              public void onFailure(IMqttToken token, Throwable failure) {
                log.error(
                    "The broker refused the subscriptions of {} to {}: {}",
                    clientId,
                    wanted,
                    String.valueOf(failure));
              }
            });
      } catch (MqttException e) {
        log.error("{} cannot subscribe to {}: {}", clientId, wanted, e.toString(), e);
      }
    }

    /**
     * Called once per client, from Paho's threads or from {@link #drop}.
     *
     * @param afterFailure whether the bridge dropped the connection itself after a database failure
     */
    private synchronized void connectionLost(String why, boolean afterFailure) {
      subscribed = false;
      if (!closed) {
        log.warn("Connection {} to {} lost: {}; reconnecting", clientId, settings.uri(), why);
        // not at once: a connect made while Paho still tears the lost connection down was seen to
        // hang for a minute and a half
        long since = healthySinceNanos;
        long held = since == 0 ? 0 : System.nanoTime() - since;
        if (afterFailure) {
          reconnectDelayMs =
              held >= HEALTHY_NANOS
                  ? 1_000
                  : Math.min(reconnectDelayMs * 2, Connections.MAX_RECONNECT_DELAY_MS);
        } else {
          // lost to the broker or the network: at once again after a broker restart, but a
          // connection thrown off as soon as it is made (another client with the same id) backs off
          reconnectDelayMs =
              held >= BRIEF_NANOS
                  ? 1_000
                  : Math.min(reconnectDelayMs * 2, BROKER_LOSS_MAX_DELAY_MS);
        }
        healthySinceNanos = 0;
        try {
          timer.schedule(this::reconnect, reconnectDelayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
          // closed meanwhile
        }
      }
    }

    /**
     * Drops the connection after a failure. Paho reports no loss for a disconnection it was asked
     * for, so the loss is reported here, once the connection is down.
     */
    private void drop(MqttAsyncClient failed) {
      try {
        failed.disconnectForcibly(0, DROP_TIMEOUT_MS, false);
      } catch (MqttException e) {
        log.debug("The failed connection {} would not disconnect: {}", clientId, e.toString());
      }
      if (failed == client) {
        connectionLost("dropped after the failure above", true);
      }
    }

    /** Starts disconnecting when connected; the token to wait for, or null. */
    IMqttToken startDisconnect() {
      MqttAsyncClient current = client;
      try {
        if (current.isConnected()) {
          return current.disconnect(DISCONNECT_TIMEOUT_MS);
        }
      } catch (MqttException e) {
        log.warn("Disconnecting {} from {} failed: {}", clientId, settings.uri(), e.toString());
      }
      return null;
    }

    /** Waits (up to 5 s) for the disconnection started by {@link #startDisconnect}, then closes. */
    void finishClose(IMqttToken disconnection) {
      try {
        if (disconnection != null) {
          disconnection.waitForCompletion(DISCONNECT_TIMEOUT_MS);
        }
      } catch (MqttException e) {
        log.warn("Disconnecting {} from {} failed: {}", clientId, settings.uri(), e.toString());
      } finally {
        MqttAsyncClient last = client;
        if (!last.isConnected()) {
          // an attempt may still wait for its CONNACK: Paho refuses to close such a client
          // ("Connect already in progress") and its threads would live on, and could connect later
          try {
            last.disconnectForcibly(0, DROP_TIMEOUT_MS, false);
          } catch (MqttException e) {
            log.debug("The MQTT client {} would not disconnect: {}", clientId, e.toString());
          }
        }
        try {
          last.close(true);
        } catch (MqttException e) {
          log.warn("Closing the MQTT client {} failed: {}", clientId, e.toString());
        }
      }
    }

    /** Closes a client that never connected, when the bridge cannot be made. */
    void closeQuietly() {
      try {
        client.close(true);
      } catch (MqttException e) {
        log.debug("Closing the MQTT client {} failed: {}", clientId, e.toString());
      }
    }

    @Override
    public String toString() {
      return "connection " + (index + 1) + " (" + clientId + ")";
    }
  }

  /**
   * One client's callbacks: its messages go to the workers, but only the current client's
   * connection events count, so a replaced client's late loss starts nothing. It also answers for
   * the PUBACKs of its messages, which only its own connection may carry.
   */
  private final class Forwarder implements MqttCallbackExtended {
    private final Link link;
    private final MqttAsyncClient owner;

    /** Set once, when its connection is lost or dropped: the loss is reported only once. */
    private final AtomicBoolean lost = new AtomicBoolean();

    Forwarder(Link link, MqttAsyncClient owner) {
      this.link = link;
      this.owner = owner;
    }

    /** Whether its connection is lost, dropped or replaced: its messages can get no PUBACK. */
    boolean isGone() {
      return lost.get() || owner != link.client;
    }

    /** The PUBACK, on the connection that delivered the message, while it is still up. */
    void complete(MqttMessage message) {
      if (isGone()) {
        return;
      }
      try {
        owner.messageArrivedComplete(message.getId(), message.getQos());
      } catch (MqttException | RuntimeException e) {
        // the connection went down meanwhile: the broker forgets the message, the gateway resends
        log.debug("No PUBACK for message {}: {}", message.getId(), e.toString());
      }
    }

    /**
     * Drops the connection after a failure, once, from the timer thread: Paho's disconnection waits
     * for its callback thread, which may be waiting for room in the queue (it stops waiting once
     * {@link #isGone()}). The bridge's other connections are left alone.
     */
    void fail() {
      if (!lost.compareAndSet(false, true)) {
        return;
      }
      try {
        timer.execute(() -> link.drop(owner));
      } catch (RejectedExecutionException e) {
        // closed meanwhile: the client is closed with the bridge
      }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (owner == link.client) {
        link.connectComplete(owner, reconnect, serverUri);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      if (lost.compareAndSet(false, true) && owner == link.client) {
        link.connectionLost(String.valueOf(cause), false);
      }
    }

    /**
     * Queues the message for the workers, waiting while the queue is full: Paho reads no more from
     * the socket meanwhile. No PUBACK goes out here (manual acknowledgements).
     */
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      long number = counters.messages.incrementAndGet();
      link.messages.incrementAndGet();
      Delivery delivery = new Delivery(this, topic, message, number);
      try {
        while (!queue.offer(delivery, POLL_MS, TimeUnit.MILLISECONDS)) {
          if (closed || isGone()) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
