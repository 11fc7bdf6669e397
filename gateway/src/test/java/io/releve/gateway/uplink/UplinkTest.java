package io.releve.gateway.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.Status;
import io.releve.contract.Topics;
import io.releve.contract.UpMessage;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.GatewayEvents;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.Retention;
import io.releve.gateway.store.RetentionPolicy;
import io.releve.gateway.store.TestReadings;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.PahoPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(90)
class UplinkTest {

  private static final GatewayId GATEWAY = GatewayId.of("rl042-gw1");
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path folder;
  private MosquittoBroker broker;
  private Database database;

  @BeforeEach
  void startBroker() {
    broker = MosquittoBroker.start();
    database = Database.open(folder.resolve("releve.db"), CLOCK);
  }

  @AfterEach
  void stopBroker() {
    database.close();
    broker.close();
  }

  private UplinkConfig config(int batchSize, int window, Duration ackTimeout) {
    return new UplinkConfig(
        broker.uri(),
        "gw-test",
        null,
        null,
        null,
        null,
        null,
        batchSize,
        window,
        ackTimeout,
        Duration.ofSeconds(10),
        Duration.ofMinutes(15));
  }

  private long store(int count, Instant start) {
    return new ReadingStore(database)
        .storeBatch(TestReadings.series(TestReadings.WATER, count, start), List.of())
        .lastSeq();
  }

  private Uplink start(UplinkConfig config, Uplink.CommandAnswerer answerer) throws Exception {
    return Uplink.start(config, GATEWAY, database, CLOCK, "releve-test", answerer);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void everyRowReachesTheBridgeInOrderAndLeavesTheOutboxOnItsAck() throws Exception {
    long last = store(1_200, Instant.parse("2026-11-20T00:00:00Z"));
    long event = new GatewayEvents(database).record(Instant.now(), "health", "queue_depth=1200");
    Outbox outbox = new Outbox(database);

    try (FakeBridge bridge = new FakeBridge(broker);
        Uplink uplink = start(config(250, 2, Duration.ofSeconds(30)), null)) {
      await("the ack of every row", () -> outbox.ackedSeq() == event);

      assertEquals(
          LongStream.rangeClosed(1, event).boxed().toList(),
          List.copyOf(new TreeSet<>(bridge.receivedWithRepeats())));
      List<Long> readingsOrder =
          bridge.messages.stream()
              .filter(m -> m instanceof ReadingsMessage)
              .flatMap(m -> m.entries().stream())
              .map(e -> e.seq())
              .toList();
      assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), readingsOrder);
      assertTrue(
          bridge.messages.stream().allMatch(m -> m.entries().size() <= 250),
          "batches of at most 250 rows");
      assertEquals(0, uplink.report().outbox().depth());
      assertEquals(0, uplink.report().counters().resends());
    }
  }

  @Test
  void withoutAnAckTheRowsAreSentAgainAfterTheTimeout() throws Exception {
    store(10, Instant.parse("2026-11-20T00:00:00Z"));
    Outbox outbox = new Outbox(database);

    try (FakeBridge bridge = new FakeBridge(broker)) {
      bridge.silent.set(true);
      try (Uplink uplink = start(config(100, 4, Duration.ofSeconds(2)), null)) {
        await("a second sending", () -> bridge.receivedWithRepeats().size() >= 20);
        assertEquals(0, outbox.ackedSeq());

        bridge.silent.set(false);
        await("the ack", () -> outbox.ackedSeq() == 10);
        assertTrue(uplink.report().counters().resends() >= 1);
      }
    }
  }

  @Test
  void aLowerAckAndAnotherEpochsAckChangeNothing() throws Exception {
    store(10, Instant.parse("2026-11-20T00:00:00Z"));
    Outbox outbox = new Outbox(database);
    try (FakeBridge bridge = new FakeBridge(broker);
        Uplink uplink = start(config(100, 4, Duration.ofMinutes(5)), null)) {
      await("the ack", () -> outbox.ackedSeq() == 10);
      bridge.silent.set(true);
      long acksBefore = uplink.report().counters().acks();

      bridge.ack(GATEWAY.value(), java.util.UUID.randomUUID(), 9);
      bridge.ack(GATEWAY.value(), database.epoch(), 5);
      await("the ack of this epoch", () -> uplink.report().counters().acks() == acksBefore + 1);
      // the uplink records acks before it sends: once the next row is out, they were judged
      store(1, Instant.parse("2026-11-20T01:00:00Z"));
      await("the new row sent", () -> bridge.receivedWithRepeats().contains(11L));

      assertEquals(10, outbox.ackedSeq());
    }
  }

  @Test
  void anAckBeyondEveryRowGivenMeansARestoredCopyAndTheRowsGoOnUnderANewEpoch() throws Exception {
    store(10, Instant.parse("2026-11-20T00:00:00Z"));
    Outbox outbox = new Outbox(database);
    java.util.UUID first = database.epoch();
    try (FakeBridge bridge = new FakeBridge(broker);
        Uplink uplink = start(config(100, 4, Duration.ofMinutes(5)), null)) {
      await("the ack", () -> outbox.ackedSeq() == 10);

      // what a bridge that saw this epoch up to 1000 before the card was put back would say
      bridge.ack(GATEWAY.value(), first, 1_000);
      await("a new epoch", () -> !database.epoch().equals(first));
      store(2, Instant.parse("2026-11-20T01:00:00Z"));
      await("the new rows acknowledged", () -> outbox.ackedSeq() == 12);

      UpMessage last = bridge.messages.get(bridge.messages.size() - 1);
      assertEquals(database.epoch(), last.epoch());
      assertEquals(11L, last.pendingFrom());
      assertEquals(1, uplink.report().counters().newEpochs());
    }
  }

  @Test
  void theBirthIsRetainedOnlineAndACloseLeavesItOfflineRetained() throws Exception {
    try (Uplink uplink = start(config(100, 4, Duration.ofSeconds(30)), null)) {
      await("the connection", () -> uplink.report().connected());
      assertEquals(Status.State.ONLINE, retainedStatus().state());
    }
    Status offline = retainedStatus();
    assertEquals(Status.State.OFFLINE, offline.state());
    assertEquals(database.epoch(), offline.epoch());
  }

  @Test
  void aReannounceSendsTheBirthAgain_retained_withItsConnectionsTime() throws Exception {
    try (Uplink uplink = start(config(100, 4, Duration.ofSeconds(30)), null)) {
      await("the connection", () -> uplink.report().connected());
      try (PahoPeer peer = PahoPeer.connect(broker, "status-reader", o -> {})) {
        peer.client().subscribe(Topics.status(GATEWAY), 1);
        PahoPeer.Received birth = peer.next();

        boolean sent = uplink.reannounce();
        PahoPeer.Received again = peer.next();

        assertTrue(sent);
        assertTrue(birth.retained());
        // the same time as the birth, so that this connection's will still replaces it
        assertEquals(birth.payload(), again.payload());
        assertEquals(
            Status.State.ONLINE,
            Json.read(again.payload().getBytes(StandardCharsets.UTF_8), Status.class).state());
      }
      assertEquals(Status.State.ONLINE, retainedStatus().state());
    }
  }

  private Status retainedStatus() throws Exception {
    try (PahoPeer peer = PahoPeer.connect(broker, "status-reader", o -> {})) {
      peer.client().subscribe(Topics.status(GATEWAY), 1);
      PahoPeer.Received received = peer.next();
      assertTrue(received.retained());
      return Json.read(received.payload().getBytes(StandardCharsets.UTF_8), Status.class);
    }
  }

  @Test
  void theGatewayComesBackAfterTheBrokerIsKilledAndDeliversEverything() throws Exception {
    store(2_000, Instant.parse("2026-11-20T00:00:00Z"));
    Outbox outbox = new Outbox(database);
    try (FakeBridge bridge = new FakeBridge(broker);
        Uplink uplink = start(config(50, 2, Duration.ofSeconds(5)), null)) {
      await("some acks", () -> outbox.ackedSeq() > 0);
      broker.kill();
      broker.restart();
      await("the ack of every row", () -> outbox.ackedSeq() == 2_000);

      assertEquals(2_000, bridge.held().size());
      assertTrue(uplink.report().counters().connects() >= 2);
    }
  }

  @Test
  void retentionKeepsTheReadingsTheBridgeHasNotAcknowledged() throws Exception {
    Instant old = Instant.parse("2020-01-01T00:00:00Z");
    store(10, old);
    Outbox outbox = new Outbox(database);
    outbox.hold();
    outbox.acknowledge(4);

    new Retention(database)
        .apply(Instant.parse("2026-11-20T00:00:00Z"), RetentionPolicy.ofDays(1, 30, 1));

    assertEquals(6, outbox.state().depth());
    assertEquals(5, outbox.pendingFrom());
    outbox.release();
    new Retention(database)
        .apply(Instant.parse("2026-11-20T00:00:00Z"), RetentionPolicy.ofDays(1, 30, 1));
    assertEquals(0, outbox.state().depth());
  }

  @Test
  void rowsDeletedBeforeTheyCouldBeSentDoNotStallTheAck() throws Exception {
    store(10, Instant.parse("2020-01-01T00:00:00Z"));
    long last = store(5, Instant.parse("2026-11-19T00:00:00Z"));
    new Retention(database)
        .apply(Instant.parse("2026-11-20T00:00:00Z"), RetentionPolicy.ofDays(1, 30, 1));
    Outbox outbox = new Outbox(database);

    try (FakeBridge bridge = new FakeBridge(broker);
        Uplink uplink = start(config(100, 4, Duration.ofSeconds(30)), null)) {
      await("the ack of the rows kept", () -> outbox.ackedSeq() == last);
      UpMessage first = bridge.messages.get(0);
      assertEquals(11L, first.pendingFrom());
    }
  }

  @Test
  void aTechniciansCommandIsAnsweredOnItsResponseTopic() throws Exception {
    Uplink.CommandAnswerer answerer =
        (command, request) ->
            CommandResponse.of(
                command == Command.PING ? CommandResponse.OK : CommandResponse.NOT_FOUND,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("echo", request.args().getOrDefault("say", "")));
    try (Uplink uplink = start(config(100, 4, Duration.ofSeconds(30)), answerer);
        PahoPeer technician = PahoPeer.connect(broker, "technician", o -> {})) {
      await("the connection", () -> uplink.report().connected());
      Thread.sleep(200);
      technician.client().subscribe(Topics.commandResponse(GATEWAY, Command.PING, "t-1"), 1);
      technician
          .client()
          .publish(
              Topics.commandRequest(GATEWAY, Command.PING, "t-1"),
              Json.write(new CommandRequest(Map.of("say", "bonjour"))),
              1,
              false);

      PahoPeer.Received answer = technician.next();
      CommandResponse response =
          Json.read(answer.payload().getBytes(StandardCharsets.UTF_8), CommandResponse.class);
      assertEquals(200, response.code());
      assertEquals("bonjour", response.body().get("echo").asText());
      assertFalse(answer.retained());

      technician.client().subscribe(Topics.commandResponse(GATEWAY, Command.STATUS, "t-2"), 1);
      technician
          .client()
          .publish(
              Topics.commandRequest(GATEWAY, Command.STATUS, "t-2"),
              "{\"v\": 1, \"args\": 5}".getBytes(StandardCharsets.UTF_8),
              1,
              false);
      CommandResponse refused =
          Json.read(
              technician.next().payload().getBytes(StandardCharsets.UTF_8), CommandResponse.class);
      assertEquals(400, refused.code());
      assertNotNull(refused.body().get("error"));
    }
  }
}
