package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.gateway.daemon.SimulatedWiredBus;
import io.releve.gateway.sim.BusTiming;
import io.releve.gateway.sim.PtySlave;
import io.releve.gateway.sim.SimulatedBus;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredReading;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code releve run} against simulated buses, over TCP and over a pseudo-terminal through the real
 * serial code. The hidden {@code --clock-speed} makes the 10-second minimum poll interval pass in a
 * fifth of a second.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunCommandTest {

  private static final String CYCLE =
      "bus %s cycle %d: %d/%d meters answered, %d telegrams, %d readings stored, 0 quarantined in"
          + " \\d+ ms\n";

  /** Readings in one telegram of a simulated water meter: index, time, set-day index and date. */
  private static final int READINGS_PER_METER = 4;

  @TempDir Path folder;

  private Path database() {
    return folder.resolve("releve.db");
  }

  private void saveMeters(String busName, List<VirtualSlave> slaves) {
    List<BusMeter> meters = new ArrayList<>();
    for (VirtualSlave slave : slaves) {
      meters.add(
          new BusMeter(
              busName,
              slave.secondaryAddress().identity(),
              BusMeter.Addressing.SECONDARY,
              slave.primaryAddress(),
              Instant.now()));
    }
    try (Database db = Database.open(database(), Clock.systemUTC())) {
      new BusMeters(db).save(meters);
    }
  }

  private List<StoredReading> stored() {
    try (Database db = Database.open(database(), Clock.systemUTC())) {
      return new ReadingStore(db).find(ReadingFilter.all());
    }
  }

  private static String header(Path database) {
    return "releve test-gateway: polling 1 buses and 0 radio receivers into "
        + database
        + " \\(stop with Ctrl-C or SIGTERM\\)\n";
  }

  private static void assertMatches(String regex, String actual) {
    assertTrue(actual.matches(regex), "expected /" + regex + "/ but was:\n" + actual);
  }

  @Test
  void run_twoCycles_storesEveryMetersReadingsInOneTransactionPerCycleAndPrintsALineEach()
      throws Exception {
    try (SimulatedWiredBus bus =
        SimulatedWiredBus.ofWaterMeters("stairwell-a", Clock.systemUTC(), 33_000_000, 3)) {
      Path config = GatewayFiles.config(folder, bus.configBlock("10s"));
      saveMeters("stairwell-a", bus.bus().slaves());

      CliRun run =
          CliRun.of("run", "--config", config.toString(), "--cycles", "2", "--clock-speed", "50");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("", run.err());
      int perCycle = 3 * READINGS_PER_METER;
      assertMatches(
          header(database())
              + CYCLE.formatted("stairwell-a", 1, 3, 3, 3, perCycle)
              + CYCLE.formatted("stairwell-a", 2, 3, 3, 3, perCycle)
              + "releve: stopped after 2 cycles of every bus\\.\n",
          run.out());
      List<StoredReading> readings = stored();
      assertEquals(2 * perCycle, readings.size());
      List<Long> seqs = readings.stream().map(StoredReading::seq).sorted().toList();
      assertEquals(1L, seqs.get(0));
      assertEquals(2L * perCycle, seqs.get(seqs.size() - 1));
    }
  }

  @Test
  void run_silentMeter_listsItOnStderrAndStoresTheOthers() throws Exception {
    try (SimulatedWiredBus bus =
        SimulatedWiredBus.ofWaterMeters("stairwell-a", Clock.systemUTC(), 44_000_000, 2)) {
      Path config = GatewayFiles.config(folder, bus.configBlock("10s"));
      saveMeters("stairwell-a", bus.bus().slaves());
      bus.slave(2).faults().silent(true);

      CliRun run = CliRun.of("run", "--config", config.toString(), "--cycles", "1");

      assertEquals(0, run.exitCode(), run.err());
      assertMatches(
          header(database())
              + CYCLE.formatted("stairwell-a", 1, 1, 2, 1, READINGS_PER_METER)
              + "releve: stopped after 1 cycles of every bus\\.\n",
          run.out());
      assertMatches("  stairwell-a: LUG-44000002-0A-16: .*no meter acknowledged.*\n", run.err());
      assertEquals(READINGS_PER_METER, stored().size());
    }
  }

  @Test
  void run_zeroCycles_isAUsageError() throws Exception {
    Path config = GatewayFiles.config(folder);

    assertEquals(
        new CliRun(64, "", "releve: --cycles must be at least 1, not 0.\n"),
        CliRun.of("run", "--config", config.toString(), "--cycles", "0"));
  }

  @Test
  void run_clockSpeedBelowOne_isAUsageError() throws Exception {
    Path config = GatewayFiles.config(folder);

    assertEquals(
        new CliRun(64, "", "releve: --clock-speed must lie between 1 and 10000, not 0.5.\n"),
        CliRun.of("run", "--config", config.toString(), "--clock-speed", "0.5"));
  }

  @Test
  void run_noBusNorReceiverConfigured_isAConfigurationError() throws Exception {
    Path config = GatewayFiles.config(folder);

    assertEquals(
        new CliRun(
            78,
            "",
            "releve: "
                + config
                + " configures no bus and no radio receiver: add a bus.NAME.transport block, or a"
                + " stick.NAME or rtlwmbus.NAME block (see releve.conf).\n"),
        CliRun.of("run", "--config", config.toString(), "--cycles", "1"));
  }

  @Test
  void run_serialBusOnAPseudoTerminal_readsEveryMeterThroughTheSerialCode() throws Exception {
    if (!PtySlave.socatAvailable()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("socat is missing: the serial tests need it on CI");
      }
      assumeTrue(false, "socat is missing");
    }
    List<VirtualSlave> slaves =
        List.of(
            new VirtualSlave(SimulatedWiredBus.waterMeter("55000001"), 1),
            new VirtualSlave(SimulatedWiredBus.waterMeter("55000002"), 2));
    SimulatedBus simulated =
        new SimulatedBus("basement", BusTiming.minimumDelay(9600), slaves, Clock.systemUTC());
    try (PtySlave pty = PtySlave.start(simulated)) {
      Path config =
          GatewayFiles.config(
              folder,
              "bus.basement.transport = serial\n"
                  + "bus.basement.device = "
                  + pty.gatewaySide()
                  + "\nbus.basement.baud = 9600\n");
      saveMeters("basement", slaves);

      CliRun run = CliRun.of("run", "--config", config.toString(), "--cycles", "1");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("", run.err());
      assertMatches(
          header(database())
              + CYCLE.formatted("basement", 1, 2, 2, 2, 2 * READINGS_PER_METER)
              + "releve: stopped after 1 cycles of every bus\\.\n",
          run.out());
      assertEquals(2 * READINGS_PER_METER, stored().size());
      assertTrue(stored().stream().allMatch(r -> r.reading().source().equals("basement")));
    }
  }

  /** jmbus BCDNegativeTempTest (src/test/resources/vectors/wmbus): a plain radio heat meter. */
  private static final String RADIO_TELEGRAM =
      "2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000F0";

  @Test
  void run_withAnRtlWmbusRecording_storesTheRadioReadingsBesideTheBusOnesWithTheirRssi()
      throws Exception {
    Path recording = folder.resolve("roof.txt");
    // rtl_wmbus lines: mode;crc ok;3 out of 6 ok;timestamp;packet rssi;current rssi;id;0x hex
    String line = "T1;1;1;2026-11-27 10:00:00.000;60;70;67991306;0x" + RADIO_TELEGRAM + "\n";
    java.nio.file.Files.writeString(recording, line + line);
    try (SimulatedWiredBus bus =
        SimulatedWiredBus.ofWaterMeters("stairwell-a", Clock.systemUTC(), 33_000_000, 2)) {
      Path config =
          GatewayFiles.config(
              folder,
              bus.configBlock("10s")
                  + "keys.path = "
                  + folder.resolve("keys")
                  + "\nrtlwmbus.roof.pipe = "
                  + recording
                  + "\nrtlwmbus.roof.rssi-offset = -150\n");
      saveMeters("stairwell-a", bus.bus().slaves());

      CliRun run = CliRun.of("run", "--config", config.toString(), "--cycles", "1");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("polling 1 buses and 1 radio receivers"), run.out());
      assertTrue(
          run.out().contains("radio: 1 telegrams stored (2 heard since the last batch, copies"),
          run.out());
      List<StoredReading> radio =
          stored().stream().filter(r -> r.reading().source().equals("rtlwmbus.roof")).toList();
      assertEquals(5, radio.size());
      assertTrue(radio.stream().allMatch(r -> Integer.valueOf(-90).equals(r.reading().rssiDbm())));
    }
  }
}
