package io.releve.gateway.sim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.decode.radio.TelegramSession;
import io.releve.gateway.radio.AmberStick;
import io.releve.gateway.radio.DuplicateFilter;
import io.releve.gateway.radio.Im871aStick;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.radio.RadioFrame;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.radio.StickTimings;
import io.releve.gateway.radio.TcpStickLine;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real stick drivers against the virtual sticks, in both protocols, over TCP: start-up,
 * telegrams with their RSSI, a stall and an unplug each reported and recovered from, and two sticks
 * hearing the same meter counted once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StickDriversAgainstVirtualSticksTest {

  /** Short timings so that a stall shows within a second. */
  private static final StickTimings QUICK =
      new StickTimings(
          Duration.ofMillis(300),
          Duration.ofMillis(400),
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          Duration.ofMillis(400));

  private final Clock clock = Clock.fixed(RadioMeterTest.NOW, ZoneOffset.UTC);
  private final List<AutoCloseable> open = new ArrayList<>();

  /** Events as they come, for the test to wait on. */
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  private final RadioReceiver.ReceiverEvents recorder =
      new RadioReceiver.ReceiverEvents() {
        @Override
        public void lost(String receiver, String reason) {
          events.add("lost " + receiver);
        }

        @Override
        public void recovered(String receiver) {
          events.add("recovered " + receiver);
        }
      };

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private VirtualStick stick(VirtualStick.Kind kind) throws Exception {
    VirtualStick stick = VirtualStick.overTcp(kind, clock, LinkMode.T1);
    open.add(stick);
    return stick;
  }

  private RadioReceiver driver(VirtualStick.Kind kind, String name, VirtualStick stick) {
    RadioReceiver driver =
        kind == VirtualStick.Kind.IM871A
            ? new Im871aStick(
                name,
                "tcp:" + stick.port(),
                () -> TcpStickLine.connect("127.0.0.1", stick.port()),
                LinkMode.T1,
                QUICK,
                clock)
            : new AmberStick(
                name,
                "tcp:" + stick.port(),
                () -> TcpStickLine.connect("127.0.0.1", stick.port()),
                LinkMode.T1,
                QUICK,
                clock);
    open.add(driver);
    return driver;
  }

  private String nextEvent() throws InterruptedException {
    String event = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(event, "no event within 10 s");
    return event;
  }

  @ParameterizedTest
  @EnumSource(VirtualStick.Kind.class)
  void driver_encryptedMeterOnTheVirtualStick_deliversItAuthenticatedWithItsRssi(
      VirtualStick.Kind kind) throws Exception {
    VirtualStick stick = stick(kind);
    RadioMeter meter =
        RadioMeterTest.water(SecurityMode.AES_CBC_IV, RadioTelegramWriterTest.TEST_KEY, 1);
    BlockingQueue<RadioFrame> frames = new LinkedBlockingQueue<>();
    driver(kind, "hall", stick).start(frames::add, recorder);
    stick.addMeter(meter, -72);

    stick.transmitNow(meter);
    RadioFrame frame = frames.poll(10, TimeUnit.SECONDS);

    assertNotNull(frame, "no telegram within 10 s");
    assertEquals(Optional.of(-72), frame.rssiDbm());
    assertEquals("stick.hall", frame.receiver());
    TelegramSession.Decoded decoded =
        new TelegramSession(RadioTelegramWriterTest.key(RadioTelegramWriterTest.TEST_KEY))
            .decode(frame.telegram(), null, TelegramSession.Kind.RADIO, frame.rssiDbm().get());
    assertTrue(decoded.radio().orElseThrow().authenticated());
    assertTrue(stick.configChanges() >= 1, "the driver sets the link mode at start-up");
  }

  @ParameterizedTest
  @EnumSource(VirtualStick.Kind.class)
  void driver_stickStallsThenAnswersAgain_isReportedLostThenRecovered(VirtualStick.Kind kind)
      throws Exception {
    VirtualStick stick = stick(kind);
    RadioMeter meter = RadioMeterTest.water(SecurityMode.NONE, null, 1);
    stick.addMeter(meter, -80);
    BlockingQueue<RadioFrame> frames = new LinkedBlockingQueue<>();
    driver(kind, "hall", stick).start(frames::add, recorder);

    stick.stall(true);
    assertEquals("lost stick.hall", nextEvent());
    stick.stall(false);
    assertEquals("recovered stick.hall", nextEvent());

    frames.clear();
    stick.transmitNow(meter);
    assertNotNull(frames.poll(10, TimeUnit.SECONDS), "telegrams flow again");
  }

  @ParameterizedTest
  @EnumSource(VirtualStick.Kind.class)
  void driver_stickUnpluggedThenPluggedBack_isReopenedWithoutARestart(VirtualStick.Kind kind)
      throws Exception {
    VirtualStick stick = stick(kind);
    RadioMeter meter = RadioMeterTest.water(SecurityMode.NONE, null, 1);
    stick.addMeter(meter, -80);
    BlockingQueue<RadioFrame> frames = new LinkedBlockingQueue<>();
    driver(kind, "hall", stick).start(frames::add, recorder);

    stick.unplug();
    assertEquals("lost stick.hall", nextEvent());
    stick.replug();
    assertEquals("recovered stick.hall", nextEvent());

    frames.clear();
    stick.transmitNow(meter);
    assertNotNull(frames.poll(10, TimeUnit.SECONDS), "telegrams flow again");
  }

  @ParameterizedTest
  @EnumSource(VirtualStick.Kind.class)
  void duplicateFilter_twoSticksHearingTheSameTelegram_keepsOneCopyWithTheBestRssi(
      VirtualStick.Kind kind) throws Exception {
    // two sticks, one of each protocol, and the same meter heard by both
    VirtualStick near = stick(kind);
    VirtualStick.Kind other =
        kind == VirtualStick.Kind.IM871A ? VirtualStick.Kind.AMBER : VirtualStick.Kind.IM871A;
    VirtualStick far = stick(other);
    RadioMeter meterNear = RadioMeterTest.water(SecurityMode.NONE, null, 1);
    RadioMeter meterFar = RadioMeterTest.water(SecurityMode.NONE, null, 1);
    near.addMeter(meterNear, -60);
    far.addMeter(meterFar, -90);
    List<RadioFrame> kept = new CopyOnWriteArrayList<>();
    DuplicateFilter filter =
        new DuplicateFilter(Duration.ofSeconds(30), Duration.ZERO, clock, kept::add);
    BlockingQueue<RadioFrame> heard = new LinkedBlockingQueue<>();
    driver(kind, "near", near).start(heard::add, RadioReceiver.ReceiverEvents.NONE);
    driver(other, "far", far).start(heard::add, RadioReceiver.ReceiverEvents.NONE);

    far.transmitNow(meterFar);
    near.transmitNow(meterNear);
    for (int i = 0; i < 2; i++) {
      RadioFrame frame = heard.poll(10, TimeUnit.SECONDS);
      assertNotNull(frame, "both sticks deliver");
      filter.accept(frame);
    }
    filter.flushAll();

    assertEquals(1, kept.size(), kept.toString());
    assertEquals("stick.near", kept.get(0).receiver());
    assertEquals(Optional.of(-60), kept.get(0).rssiDbm());
    TelegramSession.Decoded decoded =
        new TelegramSession(KeyLookup.NONE)
            .decode(kept.get(0).telegram(), null, TelegramSession.Kind.RADIO, null);
    assertEquals("12345678", decoded.frame().device().id());
  }
}
