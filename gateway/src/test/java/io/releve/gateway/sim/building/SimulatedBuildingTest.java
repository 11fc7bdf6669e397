package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.link.LinkSettings;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.sim.PtySlave;
import io.releve.gateway.transport.SerialByteStream;
import io.releve.gateway.transport.TcpByteStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedBuildingTest {

  private static final Instant NOON = Instant.parse("2026-01-15T12:00:00Z");

  @TempDir Path folder;

  private Building building;

  @BeforeEach
  void load() throws Exception {
    Path file = folder.resolve("small.conf");
    Files.writeString(
        file,
        "site.code = TS003\nsite.stairwells = 1\nsite.dwellings-per-stairwell = 1\n"
            + "site.radiators.min = 1\nsite.radiators.max = 1\nbus.baud = 9600\n",
        StandardCharsets.UTF_8);
    building = Building.load(file, NOON);
  }

  @Test
  void start_tcp_servesEveryPlanAndItsConfigBlockNamesThePort() throws Exception {
    try (SimulatedBuilding running =
        SimulatedBuilding.start(
            building, Clock.fixed(NOON, ZoneOffset.UTC), SimulatedBuilding.Line.TCP)) {
      assertEquals(building.plans().size(), running.buses().size());
      SimulatedBuilding.RunningBus boiler = running.bus(Building.BOILER_ROOM_BUS);
      assertEquals(
          "bus.boiler-room.transport = tcp\nbus.boiler-room.host = 127.0.0.1\n"
              + "bus.boiler-room.port = "
              + boiler.port()
              + "\nbus.boiler-room.baud = 9600\n",
          boiler.configBlock());

      try (MBusMaster master =
          new MBusMaster(
              TcpByteStream.open("127.0.0.1", boiler.port(), 9600, Duration.ofSeconds(5)),
              LinkSettings.DEFAULTS)) {
        Readout readout = master.readPrimary(1);

        assertEquals(2, readout.telegrams().size(), "the heat meter answers in two telegrams");
        DecodedFrame first = new WiredFrameDecoder().decode(readout.telegrams().get(0));
        assertEquals("KAM", first.device().manufacturer());
      }
    }
  }

  @Test
  void start_pty_letsTheSerialCodeReadAMeterAtTheSimulatedInstant() throws Exception {
    if (!PtySlave.socatAvailable()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("socat is missing; .ci/run installs it");
      }
      assumeTrue(false, "socat is not installed");
    }
    try (SimulatedBuilding running =
        SimulatedBuilding.start(
            building, Clock.fixed(NOON, ZoneOffset.UTC), SimulatedBuilding.Line.PTY)) {
      SimulatedBuilding.RunningBus stairwell = running.bus("stairwell-a");
      String device = stairwell.device().orElseThrow();
      assertTrue(stairwell.configBlock().contains("bus.stairwell-a.device = " + device + "\n"));

      try (MBusMaster master =
          new MBusMaster(new SerialByteStream(device, 9600), LinkSettings.DEFAULTS)) {
        Readout readout = master.readPrimary(1);

        DecodedFrame frame = new WiredFrameDecoder().decode(readout.telegrams().get(0));
        assertTrue(
            frame.records().stream().anyMatch(r -> r.value().text().startsWith("2026-01-15T13:00")),
            "the meter's clock reads the simulated instant: " + frame.records());
      }
    }
  }

  @Test
  void bus_unknownName_isRefusedNamingIt() throws Exception {
    try (SimulatedBuilding running =
        SimulatedBuilding.start(building, Clock.systemUTC(), SimulatedBuilding.Line.TCP)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> running.bus("attic"));
      assertTrue(e.getMessage().contains("[attic]"), e.getMessage());
    }
  }
}
