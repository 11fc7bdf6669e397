package io.releve.gateway.sim.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.sim.PtySlave;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.SimulationClock;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The virtual stick over TCP and over a pseudo-terminal, read as a driver reads it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VirtualStickTest {
  static final HexFormat HEX = HexFormat.of().withUpperCase();

  static RadioMeter meter(LinkMode mode, Duration interval) {
    return new RadioMeter(
        RadioMeterTest.COLD,
        new WaterRecords(
            ConsumptionModel.water(120, 7, RadioMeterTest.PARIS, 250), RadioMeterTest.SET_DAY),
        RadioProfile.of(mode, SecurityMode.NONE, TransmitSchedule.every(interval)),
        null);
  }

  static byte[] readExactly(InputStream in, int n) throws IOException {
    // read() in a loop: readNBytes seeks on some JDKs, which a pty refuses
    byte[] b = new byte[n];
    int got = 0;
    while (got < n) {
      int r = in.read(b, got, n - got);
      if (r < 0) {
        fail("the stick closed the line after " + got + " of " + n + " bytes");
      }
      got += r;
    }
    return b;
  }

  @Test
  void im871aOverTcp_answersPingAndHandsOverATelegramAsAnIndication() throws IOException {
    RadioMeter meter = meter(LinkMode.T1, Duration.ofHours(4));
    try (VirtualStick stick =
            VirtualStick.overTcp(VirtualStick.Kind.IM871A, Clock.systemUTC(), LinkMode.T1);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
      stick.addMeter(meter, -70);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();

      out.write(HEX.parseHex("A5010100"));
      assertEquals("A5010200", HEX.formatHex(readExactly(in, 4)));

      byte[] telegram = awaitSent(() -> stick.transmitNow(meter));
      byte[] frame = readExactly(in, 4 + telegram.length - 1 + 1);

      byte[] expected =
          new Im871aProtocol(0).indication(telegram, -70, 0, new StickSettings(LinkMode.T1));
      assertArrayEquals(expected, frame);
      assertEquals(1, stick.delivered());
    }
  }

  @Test
  void amberOverTcp_setToS1_doesNotHearAT1Meter() throws IOException {
    RadioMeter meter = meter(LinkMode.T1, Duration.ofHours(4));
    try (VirtualStick stick =
            VirtualStick.overTcp(VirtualStick.Kind.AMBER, Clock.systemUTC(), LinkMode.T1);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
      stick.addMeter(meter, -80);
      socket.getOutputStream().write(HEX.parseHex("FF040103F9"));
      assertEquals("FF8401007A", HEX.formatHex(readExactly(socket.getInputStream(), 5)));

      assertEquals(Optional.empty(), stick.transmitNow(meter));
      assertEquals(LinkMode.S1, stick.linkMode());
    }
  }

  @Test
  void aStalledStick_answersNothing_andUnstalledItAnswersAgain() throws IOException {
    try (VirtualStick stick =
            VirtualStick.overTcp(VirtualStick.Kind.IM871A, Clock.systemUTC(), LinkMode.T1);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
      socket.setSoTimeout(300);
      stick.stall(true);
      socket.getOutputStream().write(HEX.parseHex("A5010100"));
      assertThrowsTimeout(socket.getInputStream());

      stick.stall(false);
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(HEX.parseHex("A5010100"));
      assertEquals("A5010200", HEX.formatHex(readExactly(socket.getInputStream(), 4)));
    }
  }

  @Test
  void unpluggedOverTcp_theConnectionDrops_andAfterReplugANewOneIsServed() throws Exception {
    try (VirtualStick stick =
        VirtualStick.overTcp(VirtualStick.Kind.AMBER, Clock.systemUTC(), LinkMode.T1)) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
        socket.getOutputStream().write(HEX.parseHex("FF0500FA"));
        readExactly(socket.getInputStream(), 5);
        stick.unplug();
        assertEquals(-1, socket.getInputStream().read(), "the connection dropped");
      }
      stick.replug();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
        socket.getOutputStream().write(HEX.parseHex("FF0500FA"));
        assertEquals("FF8501007B", HEX.formatHex(readExactly(socket.getInputStream(), 5)));
      }
      assertEquals(2, stick.resets());
    }
  }

  @Test
  void garbage_reachesTheHostAsItIs() throws Exception {
    try (VirtualStick stick =
            VirtualStick.overTcp(VirtualStick.Kind.IM871A, Clock.systemUTC(), LinkMode.T1);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
      socket.getOutputStream().write(HEX.parseHex("A5010100"));
      readExactly(socket.getInputStream(), 4);

      stick.garbage(HEX.parseHex("0102A5"));

      assertEquals("0102A5", HEX.formatHex(readExactly(socket.getInputStream(), 3)));
    }
  }

  @Test
  void onAFastClock_meterSendsOnTheirScheduleWithoutBeingAsked() throws IOException {
    SimulationClock clock = SimulationClock.startingAt(Instant.parse("2025-03-04T10:00:00Z"), 60);
    RadioMeter meter = meter(LinkMode.C1, Duration.ofSeconds(16));
    try (VirtualStick stick = VirtualStick.overTcp(VirtualStick.Kind.IM871A, clock, LinkMode.T1);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), stick.port())) {
      socket.getOutputStream().write(HEX.parseHex("A5010100"));
      readExactly(socket.getInputStream(), 4); // connected
      stick.addMeter(meter, -60);

      // 16 simulated seconds pass every 267 real ms: three telegrams well within the timeout
      for (int i = 0; i < 3; i++) {
        byte[] header = readExactly(socket.getInputStream(), 4);
        assertEquals("A54203", HEX.formatHex(Arrays.copyOf(header, 3)));
        readExactly(socket.getInputStream(), (header[3] & 0xFF) + 1);
      }
    }
  }

  @Test
  void overAPty_theHostPingsIt_andUnplugRemovesThePathUntilReplug() throws Exception {
    needSocat();
    try (VirtualStick stick =
        VirtualStick.overPty(VirtualStick.Kind.IM871A, Clock.systemUTC(), LinkMode.T1)) {
      Path device = Path.of(stick.gatewaySide());
      assertEquals("A5010200", pingOver(device));

      stick.unplug();
      assertFalse(Files.exists(device), "unplugged, the pty is gone");

      stick.replug();
      assertTrue(Files.exists(device), "replugged, it is back at the same path");
      assertEquals("A5010200", pingOver(device));
    }
  }

  private static String pingOver(Path device) throws Exception {
    try (FileOutputStream out = new FileOutputStream(device.toFile());
        FileInputStream in = new FileInputStream(device.toFile())) {
      // bytes written before the stick opens its end wait in the pty; the test timeout bounds it
      out.write(HEX.parseHex("A5010100"));
      out.flush();
      return HEX.formatHex(readExactly(in, 4));
    }
  }

  private static void needSocat() {
    if (PtySlave.socatAvailable()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("socat is missing; .ci/run installs it, and CI must run the pty tests");
    }
    assumeTrue(false, "socat is not installed: the pty test is skipped outside CI");
  }

  private static void assertThrowsTimeout(InputStream in) {
    try {
      int b = in.read();
      fail("a stalled stick answered: " + b);
    } catch (java.net.SocketTimeoutException expected) {
      // nothing came
    } catch (IOException e) {
      fail(e);
    }
  }

  private interface Send {
    Optional<byte[]> send();
  }

  /** The reader thread registers the connection just after accepting it. */
  private static byte[] awaitSent(Send send) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      Optional<byte[]> sent = send.send();
      if (sent.isPresent()) {
        return sent.get();
      }
    }
    throw new IOException("the stick never had a connected host");
  }
}
