package io.releve.gateway.diag;

import static io.releve.gateway.diag.GatewayUnderTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.releve.contract.Command;
import io.releve.contract.CommandResponse;
import io.releve.gateway.daemon.SimulatedWiredBus;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk of a running daemon, answering on simulated buses served over TCP by the real link
 * layer, a radio receiver and a real SQLite file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiagnosticsTest {

  @TempDir Path folder;

  private GatewayUnderTest gateway;

  private GatewayUnderTest start(String... buses) throws Exception {
    gateway = new GatewayUnderTest(folder, List.of(buses), "");
    return gateway;
  }

  @AfterEach
  void stop() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static DeviceIdentity meterOf(SimulatedWiredBus bus, int primary) {
    return bus.slave(primary).secondaryAddress().identity();
  }

  @Test
  void ping_answersPongWithTheTimeAndTheSoftwareVersion() throws Exception {
    start("east");
    Instant before = Instant.now();
    CommandResponse response = gateway.ask(Command.PING, Map.of());

    assertEquals(200, response.code());
    Instant pong = Instant.parse(response.body().get("pong").asText());
    assertFalse(pong.isBefore(before));
    assertEquals("development", response.body().get("software").asText());
  }

  @Test
  void status_afterTheFirstCycles_reportsEachBusEachReceiverTheEpochAndTheExtraParts()
      throws Exception {
    start("east", "west");
    gateway.awaitFirstCycles();
    gateway.receiver.hear(GatewayUnderTest.RADIO_TELEGRAM, -71);

    CommandResponse response = gateway.ask(Command.STATUS, Map.of());

    assertEquals(200, response.code());
    JsonNode body = response.body();
    assertEquals("test-gw", body.get("gateway").asText());
    assertEquals(gateway.database.epoch().toString(), body.get("epoch").asText());
    assertTrue(body.get("uptime_s").asLong() >= 0);
    assertEquals(0, body.get("active_alerts").asInt());
    assertEquals(7, body.get("queue").get("depth").asInt());
    JsonNode east = body.get("buses").get(0);
    assertEquals("east", east.get("bus").asText());
    assertTrue(east.get("polling").asBoolean());
    assertEquals(0, east.get("consecutive_failures").asInt());
    JsonNode cycle = east.get("last_cycle");
    assertEquals(3, cycle.get("meters").asInt());
    assertEquals(3, cycle.get("read").asInt());
    assertEquals(0, cycle.get("failed").asInt());
    assertEquals(3, cycle.get("frames").asInt());
    assertTrue(east.get("link").get("requests").asLong() >= 6, east.toString());
    assertEquals("west", body.get("buses").get(1).get("bus").asText());
    JsonNode stick = body.get("receivers").get(0);
    assertEquals("stick.hall", stick.get("receiver").asText());
    assertEquals("open", stick.get("state").asText());
    assertEquals(1, stick.get("telegrams").asLong());
    assertEquals(0, stick.get("bad_frames").asLong());
    assertFalse(stick.get("last_telegram").isNull());
  }

  @Test
  void read_aWiredMeterByKey_readsItOnItsBusThreadStoresItsReadingsAndAnswersThem()
      throws Exception {
    start("east");
    gateway.awaitFirstCycles();
    DeviceIdentity meter = meterOf(gateway.bus("east"), 2);
    ReadingStore store = new ReadingStore(gateway.database);
    int before = store.find(ReadingFilter.all().device(meter)).size();

    CommandResponse response = gateway.ask(Command.READ, Map.of("meter", meter.key()));

    assertEquals(200, response.code(), response.body().toString());
    JsonNode body = response.body();
    assertEquals(meter.key(), body.get("device").asText());
    assertEquals("east", body.get("bus").asText());
    assertEquals(1, body.get("telegrams").asInt());
    JsonNode first = body.get("readings").get(0);
    assertEquals("volume", first.get("quantity").asText());
    assertEquals("m3", first.get("unit").asText());
    int stored = body.get("stored").asInt();
    assertTrue(stored > 0);
    assertEquals(body.get("readings").size(), stored);
    assertEquals(before + stored, store.find(ReadingFilter.all().device(meter)).size());
  }

  @Test
  void read_badArguments_answerWhatIsWrong() throws Exception {
    start("east", "west");
    DeviceIdentity east = meterOf(gateway.bus("east"), 1);

    CommandResponse noMeter = gateway.ask(Command.READ, Map.of());
    CommandResponse unknownArg = gateway.ask(Command.READ, Map.of("meter", "x", "address", "3"));
    CommandResponse notAKey = gateway.ask(Command.READ, Map.of("meter", "#?"));
    CommandResponse unknownBus =
        gateway.ask(Command.READ, Map.of("meter", east.key(), "bus", "north"));
    CommandResponse otherBus =
        gateway.ask(Command.READ, Map.of("meter", east.key(), "bus", "west"));

    assertEquals(400, noMeter.code());
    assertEquals("Argument [meter] is required.", error(noMeter));
    assertEquals(400, unknownArg.code());
    assertEquals("Unknown argument [address] for read; it accepts: bus, meter.", error(unknownArg));
    assertEquals(400, notAKey.code());
    assertEquals(
        "Argument [meter] must be a device key such as SEN-12345601-68-16 or a printed serial,"
            + " found [#?].",
        error(notAKey));
    assertEquals(404, unknownBus.code());
    assertEquals("No bus [north] on this gateway; its buses: east, west.", error(unknownBus));
    assertEquals(404, otherBus.code());
    assertEquals(
        "Meter " + east.key() + " is not on bus west (it is on bus east).", error(otherBus));
  }

  @Test
  void read_anUnknownMeter_answers404() throws Exception {
    start("east");

    CommandResponse byKey = gateway.ask(Command.READ, Map.of("meter", "SEN-99999999-68-16"));
    CommandResponse bySerial = gateway.ask(Command.READ, Map.of("meter", "H8CA029620"));

    assertEquals(404, byKey.code());
    assertEquals(
        "No meter SEN-99999999-68-16 on this gateway's buses, and none heard by radio.",
        error(byKey));
    assertEquals(404, bySerial.code());
    assertEquals(
        "No meter with printed serial [H8CA029620] in this gateway's inventory.", error(bySerial));
  }

  @Test
  void read_aRadioMeter_answers400WithWhenItWasLastHeard() throws Exception {
    start("east");
    gateway.receiver.hear(GatewayUnderTest.RADIO_TELEGRAM, -71);
    ReadingStore store = new ReadingStore(gateway.database);
    GatewayUnderTest.await(
        "the radio telegram stored",
        () ->
            store.find(ReadingFilter.all()).stream()
                .anyMatch(r -> r.reading().source().equals("stick.hall")));
    var heard =
        store.find(ReadingFilter.all()).stream()
            .filter(r -> r.reading().source().equals("stick.hall"))
            .findFirst()
            .orElseThrow()
            .reading();

    CommandResponse response =
        gateway.ask(Command.READ, Map.of("meter", heard.device().key().toLowerCase()));

    assertEquals(400, response.code());
    assertEquals(
        "Meter "
            + heard.device().key()
            + " is a radio meter: it cannot be read on demand. Last telegram at "
            + heard.receivedAt()
            + " from stick.hall.",
        error(response));
  }

  @Test
  void scan_secondary_findsTheBusMetersAndSavesThemAsKnown() throws Exception {
    start("east");
    gateway.awaitFirstCycles();

    CommandResponse response = gateway.ask(Command.SCAN, Map.of("bus", "east"));

    assertEquals(200, response.code(), response.body().toString());
    JsonNode body = response.body();
    assertEquals("secondary", body.get("mode").asText());
    assertTrue(body.get("complete").asBoolean());
    assertEquals(3, body.get("found").asInt());
    assertEquals(0, body.get("new").asInt(), "the fixture saved them before");
    JsonNode first = body.get("meters").get(0);
    assertEquals("known", first.get("status").asText());
    assertEquals("cold_water", first.get("medium").asText());
  }

  @Test
  void scan_badArguments_answerWhatIsWrong() throws Exception {
    start("east", "west");

    CommandResponse noBus = gateway.ask(Command.SCAN, Map.of());
    CommandResponse badMode = gateway.ask(Command.SCAN, Map.of("bus", "east", "mode", "all"));
    CommandResponse badTimeout =
        gateway.ask(Command.SCAN, Map.of("bus", "east", "timeout", "3600"));
    CommandResponse unknownBus = gateway.ask(Command.SCAN, Map.of("bus", "north"));

    assertEquals(400, noBus.code());
    assertEquals("Argument [bus] is required: this gateway has buses east, west.", error(noBus));
    assertEquals(400, badMode.code());
    assertEquals("Argument [mode] must be one of primary, secondary, found [all].", error(badMode));
    assertEquals(400, badTimeout.code());
    assertEquals(
        "Argument [timeout] must be a whole number between 1 and 1800, found [3600].",
        error(badTimeout));
    assertEquals(404, unknownBus.code());
  }

  @Test
  void scan_pastItsTimeout_stopsAndAnswersWhatItFoundMarkedIncomplete_othersBusyMeanwhile()
      throws Exception {
    start("east", "west");
    gateway.awaitFirstCycles();
    DeviceIdentity west = meterOf(gateway.bus("west"), 1);

    long requestsBefore = requestsOn("east");
    // a primary scan of 0-250 takes half a minute on this bus: 3 s are not enough
    CompletableFuture<CommandResponse> scan =
        CompletableFuture.supplyAsync(
            () ->
                gateway.ask(
                    Command.SCAN, Map.of("bus", "east", "mode", "primary", "timeout", "3")));
    GatewayUnderTest.await(
        "the scan under way on bus east", () -> requestsOn("east") > requestsBefore + 3);
    CommandResponse busy = gateway.ask(Command.READ, Map.of("meter", west.key()));
    CommandResponse secondScan = gateway.ask(Command.SCAN, Map.of("bus", "west"));
    CommandResponse ping = gateway.ask(Command.PING, Map.of());
    CommandResponse response = scan.get(50, TimeUnit.SECONDS);

    assertEquals(503, busy.code());
    assertTrue(
        error(busy).matches("busy: primary scan of bus east running since \\S+Z\\."), error(busy));
    assertEquals(503, secondScan.code());
    assertEquals(200, ping.code(), "short commands are answered meanwhile");
    assertEquals(200, response.code(), response.body().toString());
    assertFalse(response.body().get("complete").asBoolean());
    assertEquals("primary", response.body().get("mode").asText());
    assertTrue(response.body().get("found").asInt() >= 1, response.body().toString());
    assertEquals(200, gateway.ask(Command.READ, Map.of("meter", west.key())).code(), "free again");
  }

  @Test
  void readAndScan_onABusThatIsStopping_answer503() throws Exception {
    start("east");
    gateway.daemon.close();
    DeviceIdentity meter = meterOf(gateway.bus("east"), 1);

    CommandResponse read = gateway.ask(Command.READ, Map.of("meter", meter.key()));
    CommandResponse scan = gateway.ask(Command.SCAN, Map.of());

    assertEquals(503, read.code());
    assertEquals("Bus east is not polling right now.", error(read));
    assertEquals(503, scan.code());
  }

  @Test
  void logTailAndConfigGet_areRegisteredByTheFactory() throws Exception {
    start("east");
    gateway.ring.add(Instant.now(), ch.qos.logback.classic.Level.WARN, "bus east: lost");

    CommandResponse tail = gateway.ask(Command.LOG_TAIL, Map.of());
    CommandResponse config = gateway.ask(Command.CONFIG_GET, Map.of("key", "bus.east.baud"));
    CommandResponse queue = gateway.ask(Command.QUEUE, Map.of());

    assertEquals(List.of("bus east: lost"), texts(tail.body().get("lines")));
    assertEquals("9600", config.body().get("bus.east.baud").asText());
    assertEquals(503, queue.code(), "the uplink registers queue");
    assertEquals("Command [queue] is not available on this gateway.", error(queue));
  }

  /** Requests the link layer of {@code bus} wrote, as status reports them. */
  private long requestsOn(String bus) {
    for (JsonNode node : gateway.ask(Command.STATUS, Map.of()).body().get("buses")) {
      if (node.get("bus").asText().equals(bus)) {
        return node.get("link").get("requests").asLong();
      }
    }
    throw new AssertionError("no bus " + bus);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
