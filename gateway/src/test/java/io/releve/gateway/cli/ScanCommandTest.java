package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.daemon.SimulatedWiredBus;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.SecondaryAddress;
import io.releve.gateway.sim.SimulatedMeter;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code releve scan} against a simulated bus behind a TCP serial server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScanCommandTest {

  @TempDir Path folder;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private SimulatedWiredBus serve(List<VirtualSlave> slaves) throws Exception {
    SimulatedWiredBus bus = SimulatedWiredBus.start("stairwell-a", Clock.systemUTC(), slaves);
    open.add(bus);
    return bus;
  }

  /** Meters whose ids differ in their first digit, so that the wildcard search stays short. */
  private SimulatedWiredBus threeMeters() throws Exception {
    return serve(
        List.of(
            new VirtualSlave(SimulatedWiredBus.waterMeter("11000001"), 1),
            new VirtualSlave(SimulatedWiredBus.waterMeter("22000002"), 2),
            new VirtualSlave(SimulatedWiredBus.waterMeter("33000003"), 3)));
  }

  private CliRun scan(SimulatedWiredBus bus, String... options) throws Exception {
    // No retries: a wildcard search waits out a reply window for every empty branch.
    Path config =
        GatewayFiles.config(folder, bus.configBlock("15m") + "bus.stairwell-a.retries = 0\n");
    List<String> args = new ArrayList<>(List.of("scan", "--config", config.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<BusMeter> saved() {
    try (Database db = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      return new BusMeters(db).all();
    }
  }

  private static final String TABLE =
      "PRIMARY  SECONDARY ADDRESS   MEDIUM      TELEGRAMS  STATUS\n"
          + "1        11000001.LUG.0A.16  cold_water  1          %s\n"
          + "2        22000002.LUG.0A.16  cold_water  1          %s\n"
          + "3        33000003.LUG.0A.16  cold_water  1          %s\n";

  @Test
  void scan_secondaryByDefault_findsAndSavesTheMetersAndASecondScanKnowsThem() throws Exception {
    SimulatedWiredBus bus = threeMeters();

    CliRun first = scan(bus);
    CliRun second = scan(bus);

    assertEquals(0, first.exitCode(), first.err());
    assertEquals(
        TABLE.formatted("new", "new", "new")
            + "3 meters found on bus stairwell-a, 3 new; saved for polling by secondary address.\n",
        first.out());
    assertEquals(
        "[##############################] 100% 15/15  done  3 found",
        GatewayFiles.lastProgress(first.err()));
    assertEquals(
        new CliRun(
            0,
            TABLE.formatted("known", "known", "known")
                + "3 meters found on bus stairwell-a, 0 new; saved for polling by secondary"
                + " address.\n",
            second.err()),
        second);
    List<BusMeter> saved = saved();
    assertEquals(3, saved.size());
    for (int i = 0; i < 3; i++) {
      BusMeter meter = saved.get(i);
      assertEquals("stairwell-a", meter.bus());
      assertEquals(BusMeter.Addressing.SECONDARY, meter.addressing());
      assertEquals(i + 1, meter.primaryAddress());
      assertEquals(bus.slave(i + 1).secondaryAddress().identity(), meter.identity());
    }
  }

  @Test
  void scan_primaryFromTo_asksOnlyThoseAddressesAndSavesByPrimaryAddress() throws Exception {
    SimulatedWiredBus bus =
        serve(
            List.of(
                new VirtualSlave(SimulatedWiredBus.waterMeter("11000001"), 1),
                new VirtualSlave(SimulatedWiredBus.waterMeter("33000003"), 3),
                new VirtualSlave(SimulatedWiredBus.waterMeter("99000009"), 9)));

    CliRun run = scan(bus, "--primary", "--from", "1", "--to", "6");

    assertEquals(
        "PRIMARY  SECONDARY ADDRESS   MEDIUM      TELEGRAMS  STATUS\n"
            + "1        11000001.LUG.0A.16  cold_water  1          new\n"
            + "3        33000003.LUG.0A.16  cold_water  1          new\n"
            + "2 meters found on bus stairwell-a, 2 new; saved for polling by primary address.\n",
        run.out());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(GatewayFiles.lastProgress(run.err()).contains("100% 6/6"), run.err());
    assertEquals(List.of(1, 3), saved().stream().map(BusMeter::primaryAddress).toList(), "saved");
    assertTrue(
        saved().stream().allMatch(m -> m.addressing() == BusMeter.Addressing.PRIMARY),
        "by primary");
  }

  @Test
  void scan_primaryMeterWithoutLongHeader_isNamedOnStderrAndNotSaved() throws Exception {
    // CI 0x78: variable data without a header, then volume 100 L (DIF 04, VIF 13)
    SimulatedMeter anonymous =
        new SimulatedMeter() {
          @Override
          public SecondaryAddress address() {
            return new SecondaryAddress(new DeviceIdentity("LUG", "44000004", 10, 0x16));
          }

          @Override
          public List<byte[]> readout(Instant now) {
            return List.of(new byte[] {0x78, 0x04, 0x13, 100, 0, 0, 0});
          }
        };
    SimulatedWiredBus bus =
        serve(
            List.of(
                new VirtualSlave(SimulatedWiredBus.waterMeter("11000001"), 1),
                new VirtualSlave(anonymous, 2)));

    CliRun run = scan(bus, "--primary", "--from", "1", "--to", "2");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .endsWith(
                "1 meters found on bus stairwell-a, 1 new; saved for polling by"
                    + " primary address.\n"),
        run.out());
    assertTrue(run.err().contains("Primary address 2 answered without a long header"), run.err());
    assertEquals(List.of(1), saved().stream().map(BusMeter::primaryAddress).toList());
  }

  @Test
  void scan_noSave_printsTheMetersAndLeavesTheDatabaseAlone() throws Exception {
    SimulatedWiredBus bus = threeMeters();

    CliRun run = scan(bus, "--no-save");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        TABLE.formatted("new", "new", "new") + "3 meters found on bus stairwell-a; not saved.\n",
        run.out());
    assertFalse(Files.exists(folder.resolve("releve.db")), "the database was created");

    try (Database db = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      List<BusMeter> meters = new ArrayList<>();
      for (VirtualSlave slave : bus.bus().slaves()) {
        meters.add(
            new BusMeter(
                "stairwell-a",
                slave.secondaryAddress().identity(),
                BusMeter.Addressing.SECONDARY,
                slave.primaryAddress(),
                java.time.Instant.now()));
      }
      new BusMeters(db).save(meters);
    }
    CliRun again = scan(bus, "--no-save");
    assertEquals(
        TABLE.formatted("known", "known", "known")
            + "3 meters found on bus stairwell-a; not saved.\n",
        again.out());
  }

  @Test
  void scan_twoMetersWithTheSameFullId_reportsTheUnresolvedCollisionAndExits1() throws Exception {
    // Two meters sharing a whole secondary address (a cloned meter, a wrong factory id): only
    // their primary addresses tell them apart. The search narrows the id digit by digit (about
    // 15 s of empty branches at 9600 baud) and gives up once the id is complete.
    SimulatedWiredBus bus =
        serve(
            List.of(
                new VirtualSlave(SimulatedWiredBus.waterMeter("12345678"), 1),
                new VirtualSlave(SimulatedWiredBus.waterMeter("12345678"), 2)));

    CliRun run = scan(bus);

    assertEquals(
        new CliRun(
            1,
            "No meter answered on bus stairwell-a.\n",
            run.err().substring(0, run.err().lastIndexOf('\n', run.err().length() - 2) + 1)
                + "Collision not resolved at 12345678.FFFF.FF.FF: several meters answer to the"
                + " same complete id; read them by primary address.\n"),
        run);
    assertEquals(List.of(), saved());
  }

  @Test
  void scan_fromAfterTo_isAUsageErrorThatNamesTheRange() throws Exception {
    SimulatedWiredBus bus = threeMeters();

    CliRun run = scan(bus, "--primary", "--from", "7", "--to", "3");

    assertEquals(
        new CliRun(64, "", "releve: --from 7 --to 3: primary addresses lie between 0 and 250.\n"),
        run);
  }

  @Test
  void scan_unknownBus_namesTheConfiguredBuses() throws Exception {
    SimulatedWiredBus bus = threeMeters();
    Path config = GatewayFiles.config(folder, bus.configBlock("15m"));

    CliRun run = CliRun.of("scan", "--config", config.toString(), "--bus", "cellar");

    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Bus [cellar] is not in "
                + config
                + "; the configured buses are: stairwell-a.\n"),
        run);
  }
}
