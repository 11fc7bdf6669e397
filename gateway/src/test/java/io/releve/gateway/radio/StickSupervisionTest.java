package io.releve.gateway.radio;

import static io.releve.gateway.radio.StickProtocolTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drivers end to end through jSerialComm on a socat pseudo-terminal pair, with a fake stick.
 */
@Timeout(60)
class StickSupervisionTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String FROM_C = "442D2C785634121B16A0";

  /** Fast enough for a test: answers within 500 ms, a ping every 300 ms, reopen from 100 ms. */
  private static final StickTimings FAST =
      new StickTimings(
          Duration.ofMillis(500),
          Duration.ofMillis(300),
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          Duration.ofMillis(400));

  @TempDir Path dir;
  private final BlockingQueue<RadioFrame> frames = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final RadioReceiver.ReceiverEvents recorder = new EventLog(events);

  @BeforeEach
  void needsSocat() {
    SocatLink.requireSocat();
  }

  private static byte[] hciAnswer(FakeStick.Request r) {
    return switch (r.key()) {
      case 0x101 -> hex("A5 01 02 00");
      case 0x107 -> hex("A5 01 08 00");
      case 0x103 -> hex("A5 01 04 01 00");
      default -> null;
    };
  }

  private static byte[] hciRequest(FakeStick.Request r) {
    return HciFrames.message(r.key() >> 8, r.key() & 0xFF, r.payload());
  }

  private FakeStick fakeIm871a(SocatLink link) throws IOException {
    return new FakeStick(
        link.stickSide(),
        new HciParser(),
        StickSupervisionTest::hciAnswer,
        StickSupervisionTest::hciRequest);
  }

  private String awaitEvent(String prefix) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < until) {
      String e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.startsWith(prefix)) {
        return e;
      }
    }
    throw new AssertionError("no event starting with [" + prefix + "]; left: " + events);
  }

  private RadioFrame awaitFrame() throws InterruptedException {
    RadioFrame f = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(f, "no frame delivered");
    return f;
  }

  @Test
  void im871a_isConfiguredSkipsGarbageAndComesBackAfterAStallAndAnUnplug() throws Exception {
    try (SocatLink link = new SocatLink(dir)) {
      link.plugIn();
      FakeStick fake = fakeIm871a(link);
      String port = link.gatewaySide().toString();
      try (Im871aStick stick =
          new Im871aStick(
              "cave",
              port,
              () -> SerialStickLine.open(port, Im871aStick.BAUD),
              LinkMode.T1,
              FAST,
              Clock.systemUTC())) {
        stick.start(frames::add, recorder);
        assertEquals(
            List.of("A5010100", "A5010700", "A5010100", "A50103060002" + "0A300100"),
            fake.requests.subList(0, 4));

        // garbage, then a telegram with RSSI raw 0x69 (-70 dBm)
        fake.send(hex("00 11 22"));
        fake.send(hex("A5 42 03 0A" + FROM_C + "69"));
        RadioFrame frame = awaitFrame();
        assertEquals("0A" + FROM_C, HEX.formatHex(frame.telegram()));
        assertEquals(Optional.of(-70), frame.rssiDbm());
        assertEquals("stick.cave", frame.receiver());
        assertEquals("garbage stick.cave: 3", awaitEvent("garbage"));

        // stall: pings go unanswered
        fake.answering = false;
        assertEquals(
            "lost stick.cave: no answer to DEVMGMT_MSG_PING_REQ within 500 ms", awaitEvent("lost"));
        fake.answering = true;
        assertEquals("recovered stick.cave", awaitEvent("recovered"));
        assertTrue(fake.requests.contains("A5010700"), "reset again after the stall");

        // unplug: the terminals go away, then come back at the same path
        link.unplug();
        fake.close();
        awaitEvent("lost stick.cave");
        Thread.sleep(300);
        link.plugIn();
        FakeStick replugged = fakeIm871a(link);
        assertEquals("recovered stick.cave", awaitEvent("recovered"));
        replugged.send(hex("A5 42 03 0A" + FROM_C + "69"));
        assertEquals("0A" + FROM_C, HEX.formatHex(awaitFrame().telegram()));

        long before = System.nanoTime();
        stick.close();
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5), "closed within 5 s");
        replugged.close();
      }
    }
  }

  private static byte[] amberAnswer(FakeStick.Request r) {
    return switch (r.key()) {
      case 0x0B -> AmberFrames.message(0x8B, hex("01 02 03 04"));
        // both parameters read 0 the first time: the driver must write them and reset
      case 0x0A -> AmberFrames.message(0x8A, r.payload()[0], (byte) 1, (byte) 0);
      case 0x09 -> AmberFrames.message(0x89, (byte) 0);
      case 0x05 -> AmberFrames.message(0x85, (byte) 0);
      case 0x04 -> AmberFrames.message(0x84, (byte) 0);
      default -> null;
    };
  }

  @Test
  void amber_enablesCommandOutputAndRssiSetsTheModeAndDeliversTelegrams() throws Exception {
    try (SocatLink link = new SocatLink(dir)) {
      link.plugIn();
      FakeStick fake =
          new FakeStick(
              link.stickSide(),
              new AmberParser(),
              StickSupervisionTest::amberAnswer,
              r -> AmberFrames.message(r.key(), r.payload()));
      String port = link.gatewaySide().toString();
      try (AmberStick stick =
          new AmberStick(
              "grenier",
              port,
              () -> SerialStickLine.open(port, AmberStick.BAUD),
              LinkMode.S1,
              FAST,
              Clock.systemUTC())) {
        stick.start(frames::add, recorder);
        assertEquals(
            List.of(
                "FF0B00F4",
                "FF0A020501F3",
                "FF0903050101F0",
                "FF0A024501B3",
                "FF0903450101B0",
                "FF0500FA",
                "FF0B00F4",
                "FF040103F9"),
            fake.requests.subList(0, 8));
        fake.send(hex("FF"));
        fake.send(AmberFrames.message(AmberFrames.CMD_DATA_IND, hex(FROM_C + "20")));
        RadioFrame frame = awaitFrame();
        assertEquals("0A" + FROM_C, HEX.formatHex(frame.telegram()));
        assertEquals(Optional.of(-58), frame.rssiDbm());
        assertEquals(Optional.of(LinkMode.S1), frame.mode());
      }
      fake.close();
    }
  }
}
