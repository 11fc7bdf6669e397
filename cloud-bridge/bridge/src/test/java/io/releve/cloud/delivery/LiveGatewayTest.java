package io.releve.cloud.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.releve.cloud.TestStores;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.diag.Answer;
import io.releve.cloud.diag.DiagClient;
import io.releve.cloud.faults.Await;
import io.releve.cloud.faults.CloudStore;
import io.releve.cloud.faults.RunningBridge;
import io.releve.cloud.store.StoreSettings;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.GatewayId;
import io.releve.testkit.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain, live: the simulated building served by one gateway CLI ({@code releve simulate
 * serve}), the daemon ({@code releve run}) polling it in another JVM with its real uplink, a real
 * Mosquitto, the real bridge on its SQLite file, and a technician asking the gateway through the
 * broker as {@code releve diag} does. The daemon is then killed with SIGKILL and started again on
 * the same database: the bridge sees it go offline and come back, and every row ends up in the
 * cloud exactly once.
 */
@Timeout(180)
class LiveGatewayTest {

  /** The tests run in {@code cloud-bridge/bridge}. */
  private static final Path BUILDING =
      Path.of("..", "..", "config", "simulated-building.conf").toAbsolutePath().normalize();

  /** What {@code simulate serve} names the gateway of the simulated building SB001. */
  private static final String GATEWAY = "simulated-sb001";

  /** The smallest bus of the building: the heat meter alone, a secondary scan of a few seconds. */
  private static final String BUS = "boiler-room";

  /** A device key no bus of the building has. */
  private static final String NO_SUCH_METER = "SEN-99999999-68-16";

  private static final Duration CHILD_START = Duration.ofSeconds(30);

  /** The longest command is the scan: a few seconds at 2400 baud for one meter. */
  private static final Duration ANSWER = Duration.ofSeconds(30);

  @TempDir Path folder;

  @Test
  void technicianAsksALiveGatewayThroughTheBroker_andAfterASigkillEveryRowIsInTheCloudOnce()
      throws Exception {
    Path config = folder.resolve("releve.conf");
    Path gatewayDb = folder.resolve("releve.db");
    StoreSettings cloudStore = TestStores.fresh(folder);
    try (MosquittoBroker broker = MosquittoBroker.start();
        RunningBridge bridge = RunningBridge.start(broker, cloudStore);
        GatewayCli building =
            GatewayCli.start(
                folder,
                "simulate-serve",
                "simulate",
                "serve",
                "--building",
                BUILDING.toString(),
                "--gateway-config",
                config.toString(),
                "--poll-interval",
                "10s")) {
      building.awaitLine("the building serving", CHILD_START, "serving until Ctrl-C"::equals);
      String written = Files.readString(config);
      assertTrue(written.contains("gateway.id = " + GATEWAY + "\n"), written);
      assertTrue(written.contains("database.path = releve.db\n"), written);
      assertTrue(written.contains("bus." + BUS + ".poll-interval = 10s\n"), written);
      Files.writeString(
          config,
          "mqtt.uri = " + broker.uri() + "\nuplink.ack-timeout = 2s\n",
          StandardOpenOption.APPEND);
      MqttSettings technician = MqttSettings.plain(broker.uri(), "technician");

      String meter;
      try (GatewayCli daemon =
          GatewayCli.start(folder, "run-1", "run", "--config", config.toString())) {
        awaitState(cloudStore, "online");
        meter = diagnose(technician, cloudStore, broker.uri());
        daemon.kill();
      }
      awaitState(cloudStore, "offline");

      try (GatewayCli daemon =
          GatewayCli.start(folder, "run-2", "run", "--config", config.toString())) {
        awaitState(cloudStore, "online");
        assertEquals(CommandResponse.OK, ask(technician, Command.PING, Map.of()).code());
        // a cycle is stored at start, the next one 10 s later: the outbox stands still meanwhile
        daemon.awaitLine(
            "a cycle of " + BUS + " after the restart",
            CHILD_START,
            line -> line.startsWith("bus " + BUS + " cycle "));
        UUID epoch = CloudStore.epoch(gatewayDb);
        Await.until(
            "the outbox drained into the cloud",
            () -> {
              long last = CloudStore.gatewayRows(gatewayDb).lastKey();
              return CloudStore.contiguous(cloudStore, GATEWAY, epoch) >= last
                  && CloudStore.gatewayRows(gatewayDb).lastKey() == last;
            });
        CloudStore.assertExactlyOnce(gatewayDb, cloudStore, GATEWAY);
        assertTrue(CloudStore.readingsOf(cloudStore, GATEWAY, meter) > 0, meter);
      }
    }
  }

  /**
   * The technician's round: every command of the allow-list, checked by its code and a few fields.
   *
   * @return the key of the meter the scan found
   */
  private static String diagnose(
      MqttSettings technician, StoreSettings cloudStore, String brokerUri) throws Exception {
    JsonNode pong = ok(technician, Command.PING, Map.of());
    assertTrue(pong.path("pong").isTextual(), pong::toPrettyString);
    assertFalse(pong.path("software").asText().isEmpty(), pong::toPrettyString);

    JsonNode status = ok(technician, Command.STATUS, Map.of());
    assertEquals(GATEWAY, status.path("gateway").asText(), status::toPrettyString);
    assertEquals(5, status.path("buses").size(), status::toPrettyString);
    assertTrue(status.path("uplink").path("connected").asBoolean(), status::toPrettyString);

    JsonNode scan = ok(technician, Command.SCAN, Map.of("bus", BUS));
    assertTrue(scan.path("complete").asBoolean(), scan::toPrettyString);
    assertEquals(1, scan.path("found").asInt(), scan::toPrettyString);
    assertEquals(1, scan.path("new").asInt(), scan::toPrettyString);
    String meter = scan.path("meters").path(0).path("device").asText();

    // the scan saved the meter: the daemon polls it every 10 s and the uplink delivers its readings
    Await.until(
        "readings of " + meter + " in the cloud",
        () -> CloudStore.readingsOf(cloudStore, GATEWAY, meter) > 0);

    JsonNode read = ok(technician, Command.READ, Map.of("meter", meter));
    assertEquals(meter, read.path("device").asText(), read::toPrettyString);
    assertEquals(BUS, read.path("bus").asText(), read::toPrettyString);
    assertTrue(read.path("readings").size() > 0, read::toPrettyString);

    JsonNode queue = ok(technician, Command.QUEUE, Map.of());
    assertTrue(queue.path("depth").isIntegralNumber(), queue::toPrettyString);
    assertTrue(queue.path("acked_seq").asLong() > 0, queue::toPrettyString);

    JsonNode log = ok(technician, Command.LOG_TAIL, Map.of());
    assertTrue(log.path("lines").size() > 0, log::toPrettyString);

    JsonNode uri = ok(technician, Command.CONFIG_GET, Map.of("key", "mqtt.uri"));
    assertEquals(brokerUri, uri.path("mqtt.uri").asText(), uri::toPrettyString);

    CommandResponse missing = ask(technician, Command.READ, Map.of("meter", NO_SUCH_METER));
    assertEquals(CommandResponse.NOT_FOUND, missing.code(), missing.body()::toPrettyString);
    return meter;
  }

  /** The body of a 200 answer; fails with the code and body otherwise. */
  private static JsonNode ok(MqttSettings technician, Command command, Map<String, String> args)
      throws Exception {
    CommandResponse response = ask(technician, command, args);
    assertEquals(
        CommandResponse.OK,
        response.code(),
        () -> command.wireName() + " " + args + ": " + response.body().toPrettyString());
    return response.body();
  }

  private static CommandResponse ask(
      MqttSettings technician, Command command, Map<String, String> args) throws Exception {
    Answer answer =
        DiagClient.ask(
            technician, GatewayId.of(GATEWAY), command, new CommandRequest(args), ANSWER);
    if (answer instanceof Answer.Answered answered) {
      return answered.response();
    }
    return fail(command.wireName() + " " + args + ": " + answer);
  }

  private static void awaitState(StoreSettings cloudStore, String state)
      throws InterruptedException {
    Await.until(
        "the bridge to record " + GATEWAY + " " + state,
        () -> state.equals(CloudStore.gatewayState(cloudStore, GATEWAY)));
  }
}
