package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.JsonNode;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.daemon.BusConnector;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.daemon.SimulatedWiredBus;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.radio.RadioFrame;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A gateway as {@code releve run} makes it, on simulated wired buses served over TCP and a radio
 * receiver the test speaks through, storing into a real SQLite file: its configuration file, its
 * daemon and its command desk.
 */
final class GatewayUnderTest implements AutoCloseable {

  /** jmbus BCDNegativeTempTest (src/test/resources/vectors/wmbus): a plain heat meter. */
  static final String RADIO_TELEGRAM =
      "2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000"
          + "F05E";

  final List<SimulatedWiredBus> buses = new ArrayList<>();
  final HandReceiver receiver = new HandReceiver("stick.hall");
  final Database database;
  final GatewayConfig config;
  final Daemon daemon;
  final CommandDesk desk;
  final LogRing ring = new LogRing(100);

  /**
   * @param busNames one simulated bus of three cold water meters per name, saved as a secondary
   *     scan would
   * @param configLines more lines of the configuration file
   */
  GatewayUnderTest(Path folder, List<String> busNames, String configLines) throws Exception {
    Clock clock = Clock.systemUTC();
    StringBuilder text =
        new StringBuilder("gateway.id = test-gw\ndatabase.path = releve.db\n")
            .append("stick.hall.type = im871a\n")
            .append("stick.hall.device = /dev/serial/by-id/usb-test-stick\n");
    int idBase = 10_000_000;
    for (String name : busNames) {
      SimulatedWiredBus bus = SimulatedWiredBus.ofWaterMeters(name, clock, idBase, 3);
      idBase += 10_000_000;
      buses.add(bus);
      text.append(bus.configBlock("1h"));
    }
    Path file = folder.resolve("releve.conf");
    Files.writeString(file, text + configLines);
    config = GatewayConfig.load(file);
    database = Database.open(config.database(), clock);
    for (SimulatedWiredBus bus : buses) {
      List<BusMeter> meters = new ArrayList<>();
      for (VirtualSlave slave : bus.bus().slaves()) {
        meters.add(
            new BusMeter(
                bus.name(),
                slave.secondaryAddress().identity(),
                BusMeter.Addressing.SECONDARY,
                slave.primaryAddress(),
                Instant.now()));
      }
      new BusMeters(database).save(meters);
    }
    daemon =
        Daemon.start(
            config,
            database,
            BusConnector.REAL,
            clock,
            () -> ClockState.SYNCHRONISED,
            report -> {},
            new Daemon.Radio(
                receiverConfig -> receiver,
                KeyLookup.NONE,
                RadioReceiver.ReceiverEvents.NONE,
                line -> {},
                Duration.ofMillis(50)));
    Map<String, Supplier<JsonNode>> parts = new LinkedHashMap<>();
    parts.put(
        "queue",
        () ->
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("depth", 7));
    desk = Diagnostics.desk(config, database, daemon, ring, Map.of(), parts);
  }

  SimulatedWiredBus bus(String name) {
    return buses.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  CommandResponse ask(Command command, Map<String, String> args) {
    return desk.answer(command, new CommandRequest(args));
  }

  static String error(CommandResponse response) {
    return response.body().get("error").asText();
  }

  /** Waits until every bus has done its first cycle. */
  void awaitFirstCycles() throws InterruptedException {
    await("the first cycle of every bus", () -> daemon.latestCycles().size() == buses.size());
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() throws Exception {
    daemon.close();
    database.close();
    for (SimulatedWiredBus bus : buses) {
      bus.close();
    }
  }

  /** A receiver that hands over the telegrams the test gives it. */
  static final class HandReceiver implements RadioReceiver {
    private final String name;
    private volatile Consumer<RadioFrame> frames;

    HandReceiver(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String describe() {
      return "test receiver " + name;
    }

    @Override
    public void start(Consumer<RadioFrame> frames, ReceiverEvents events) {
      this.frames = frames;
    }

    void hear(String hex, int rssi) throws Exception {
      frames.accept(
          new RadioFrame(
              Hex.parse(hex), Optional.of(rssi), Optional.of(LinkMode.T1), Instant.now(), name));
    }

    @Override
    public void close() {}
  }
}
