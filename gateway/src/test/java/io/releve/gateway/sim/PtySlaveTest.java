package io.releve.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.gateway.link.LinkSettings;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.transport.SerialByteStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The virtual slaves on a pseudo-terminal, read by the real master through jSerialComm. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PtySlaveTest {
  private static final int BAUD = 2400;

  @BeforeAll
  static void needSocat() {
    if (PtySlave.socatAvailable()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("socat is missing; .ci/run installs it, and CI must run the serial tests");
    }
    assumeTrue(false, "socat is not installed: the pty tests are skipped outside CI");
  }

  @Test
  void readPrimary_overSerialByteStream_readsEveryTelegram() throws IOException {
    TestMeter meter = new TestMeter("12345678", 2, 100);
    VirtualSlave slave = new VirtualSlave(meter, 5);
    SimulatedBus bus = new SimulatedBus("pty-test", BusTiming.minimumDelay(BAUD), List.of(slave));
    try (PtySlave pty = PtySlave.start(bus);
        MBusMaster master =
            new MBusMaster(new SerialByteStream(pty.gatewaySide(), BAUD), LinkSettings.DEFAULTS)) {
      slave.faults().dropNext(1);

      Readout readout = master.readPrimary(5);

      assertEquals(List.of(100, 101), TcpSlaveServerTest.litres(readout));
      assertEquals(1, master.counters().retries(), "the dropped telegram was asked again");
      assertEquals(0, pty.failures());
    }
  }

  @Test
  void close_stopsSocatAndRemovesTheLinks() throws IOException {
    SimulatedBus bus = new SimulatedBus("pty-close", BusTiming.minimumDelay(BAUD), List.of());
    PtySlave pty = PtySlave.start(bus);
    Path device = Path.of(pty.gatewaySide());
    assertTrue(Files.exists(device));

    pty.close();

    assertFalse(Files.exists(device), "socat gone, its pseudo-terminal is gone too");
  }
}
