package io.releve.gateway.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.decode.radio.KeyLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HeardSessionTest {

  /** A receiver the test feeds by hand. */
  private static final class HandFed implements RadioReceiver {
    volatile Consumer<RadioFrame> frames;

    @Override
    public String name() {
      return "hand";
    }

    @Override
    public String describe() {
      return "fed by the test";
    }

    @Override
    public void start(Consumer<RadioFrame> frames, ReceiverEvents events) {
      this.frames = frames;
    }

    @Override
    public void close() {}
  }

  private static RadioFrame frame(String hex) {
    return new RadioFrame(
        HexFormat.of().parseHex(hex),
        Optional.of(-70),
        Optional.of(LinkMode.T1),
        Instant.now(),
        "hand");
  }

  private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(10);
    }
  }

  @Test
  void flush_thatThrowsOnce_isReportedAndLaterCopiesAreStillDelivered() throws Exception {
    AtomicBoolean failing = new AtomicBoolean(true);
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            if (failing.get()) {
              throw new IllegalStateException("clock unreadable");
            }
            return Instant.now();
          }

          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
    List<String> notices = new CopyOnWriteArrayList<>();
    HandFed receiver = new HandFed();
    try (HeardSession session =
        HeardSession.start(
            List.of(receiver), KeyLookup.NONE, Duration.ofMillis(100), clock, notices::add)) {
      awaitUntil(() -> !notices.isEmpty());
      assertEquals(
          "delivering the held copies failed: java.lang.IllegalStateException: clock unreadable",
          notices.get(0));
      failing.set(false);

      receiver.frames.accept(frame(RtlWmbusReceiverTest.IPERL));
      awaitUntil(() -> session.heard().snapshot().size() == 1);
      assertEquals("SEN-33225544-68-07", session.heard().snapshot().get(0).identity().key());
    }
  }
}
