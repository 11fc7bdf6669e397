package io.releve.gateway.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class DuplicateFilterTest {

  private static final String IPERL = RtlWmbusReceiverTest.IPERL;

  /** The same meter's next telegram: access number 0x56 instead of 0x55. */
  private static final String IPERL_NEXT = "1844AE4C4455223368077A56000000041389E20100023B0000";

  @TempDir Path folder;

  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final List<RadioFrame> kept = new CopyOnWriteArrayList<>();

  private RadioFrame frame(String hex, Integer rssi, String receiver) {
    return new RadioFrame(
        HexFormat.of().parseHex(hex),
        Optional.ofNullable(rssi),
        Optional.of(LinkMode.T1),
        clock.instant(),
        receiver);
  }

  private DuplicateFilter filter() {
    return new DuplicateFilter(Duration.ofSeconds(30), Duration.ofSeconds(2), clock, kept::add);
  }

  @Test
  void copiesWithinTheSettleDelay_theBestRssiCopyIsKept() {
    DuplicateFilter filter = filter();
    filter.accept(frame(IPERL, -90, "stick.a"));
    filter.accept(frame(IPERL, -70, "stick.b"));
    filter.accept(frame(IPERL, -80, "stick.a"));
    filter.flushDue();
    assertEquals(List.of(), kept);

    clock.advance(Duration.ofSeconds(2));
    filter.flushDue();

    assertEquals(1, kept.size());
    assertEquals("stick.b", kept.get(0).receiver());
    assertEquals(Optional.of(-70), kept.get(0).rssiDbm());
    assertEquals(
        new DuplicateFilter.Counts(
            Map.of("AE4C445522336807", 2L),
            Map.of("stick.a", 2L, "stick.b", 1L),
            Map.of("stick.b", 1L)),
        filter.counts());
  }

  @Test
  void copyAfterDelivery_withinTheWindow_isDroppedAndAfterTheWindow_isKept() {
    DuplicateFilter filter = filter();
    filter.accept(frame(IPERL, -90, "stick.a"));
    clock.advance(Duration.ofSeconds(3));
    filter.flushDue();
    filter.accept(frame(IPERL, -60, "stick.b"));
    clock.advance(Duration.ofSeconds(3));
    filter.flushDue();
    assertEquals(1, kept.size());

    clock.advance(Duration.ofSeconds(30));
    filter.flushDue();
    filter.accept(frame(IPERL, -90, "stick.a"));
    filter.flushAll();

    assertEquals(2, kept.size());
  }

  @Test
  void differentAccessNumbers_areDifferentTelegrams() {
    DuplicateFilter filter = filter();
    filter.accept(frame(IPERL, -90, "stick.a"));
    filter.accept(frame(IPERL_NEXT, -90, "stick.a"));
    filter.flushAll();

    assertEquals(2, kept.size());
  }

  @Test
  void repeatedTelegram_theEllHopBitIsIgnored() {
    // ELL 0x8C: CC 0x20 as sent, 0x60 once a repeater set the hop bit.
    String sent = "1744AE0C7856341201078C2027780B134365877A00000000";
    String repeated = "1744AE0C7856341201078C6027780B134365877A00000000";

    assertEquals(
        DuplicateKey.of(HexFormat.of().parseHex(sent)),
        DuplicateKey.of(HexFormat.of().parseHex(repeated)));
    assertEquals(0x27, DuplicateKey.of(HexFormat.of().parseHex(sent)).get().accessNumber());
  }

  @Test
  void twoRtlWmbusReaders_sameTelegramsDifferentRssi_eachTelegramKeptOnceFromTheStrongest()
      throws Exception {
    Path near = folder.resolve("near.txt");
    Path far = folder.resolve("far.txt");
    Files.writeString(
        near,
        RtlWmbusReceiverTest.line("T1", 100, IPERL)
            + "\n"
            + RtlWmbusReceiverTest.line("T1", 60, IPERL_NEXT)
            + "\n");
    Files.writeString(
        far,
        RtlWmbusReceiverTest.line("T1", 50, IPERL)
            + "\n"
            + RtlWmbusReceiverTest.line("T1", 80, IPERL_NEXT)
            + "\n");
    Clock real = Clock.systemUTC();
    DuplicateFilter filter =
        new DuplicateFilter(Duration.ofSeconds(30), Duration.ofSeconds(2), real, kept::add);
    try (RtlWmbusReceiver a = reader("rtlwmbus.near", near, real);
        RtlWmbusReceiver b = reader("rtlwmbus.far", far, real)) {
      a.start(filter, RadioReceiver.ReceiverEvents.NONE);
      b.start(filter, RadioReceiver.ReceiverEvents.NONE);
      while (!a.finished() || !b.finished()) {
        Thread.sleep(10);
      }
    }
    filter.flushAll();

    assertEquals(2, kept.size());
    assertEquals(
        List.of("rtlwmbus.near -60", "rtlwmbus.far -80"),
        kept.stream()
            .sorted((x, y) -> x.telegram()[11] - y.telegram()[11])
            .map(f -> f.receiver() + " " + f.rssiDbm().get())
            .toList());
    assertEquals(Map.of("AE4C445522336807", 2L), filter.counts().droppedByMeter());
  }

  private static RtlWmbusReceiver reader(String name, Path file, Clock clock) {
    return new RtlWmbusReceiver(
        name,
        Optional.empty(),
        Optional.of(file),
        Optional.of(-160),
        clock,
        Duration.ofMillis(50),
        Duration.ofMillis(50));
  }
}
