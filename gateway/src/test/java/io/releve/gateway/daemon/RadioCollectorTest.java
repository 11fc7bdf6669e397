package io.releve.gateway.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.TelegramSession;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.radio.RadioFrame;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RadioCollectorTest {

  /** jmbus BCDNegativeTempTest (src/test/resources/vectors/wmbus): a plain heat meter. */
  private static final String PLAIN =
      "2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000"
          + "F05E";

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path folder;

  /** A receiver that hands over the frames it is given, on the caller's thread. */
  static final class HandReceiver implements RadioReceiver {
    private final String name;
    private volatile Consumer<RadioFrame> frames;
    private int failuresLeft;

    /** Fails its first {@code failures} starts, as a stick not plugged in yet. */
    HandReceiver failing(int failures) {
      this.failuresLeft = failures;
      return this;
    }

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
    public void start(Consumer<RadioFrame> frames, ReceiverEvents events)
        throws java.io.IOException {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new java.io.IOException("not plugged in");
      }
      this.frames = frames;
    }

    void hear(String hex, int rssi) throws Exception {
      frames.accept(
          new RadioFrame(Hex.parse(hex), Optional.of(rssi), Optional.of(LinkMode.T1), NOW, name));
    }

    @Override
    public void close() {}
  }

  /** Radio telegrams into {@code store}, decoded by one session, as the daemon does. */
  private static FrameIngest radioIngest(Database db, ReadingStore store) {
    TelegramSession session = new TelegramSession(KeyLookup.NONE);
    return new FrameIngest(
        f -> session.decode(f.bytes(), null, TelegramSession.Kind.RADIO, f.rssiDbm()).frame(),
        store,
        new Quarantine(db),
        ZoneOffset.UTC);
  }

  @Test
  void flush_telegramsFromTwoReceivers_storesTheKeptCopiesInOneBatchWithTheirRssi()
      throws Exception {
    try (Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      ReadingStore store = new ReadingStore(db);
      FrameIngest ingest = radioIngest(db, store);
      HandReceiver hall = new HandReceiver("stick.hall");
      HandReceiver attic = new HandReceiver("stick.attic");
      List<RadioCollector.BatchReport> reports = new CopyOnWriteArrayList<>();
      // the first copy waits an hour for a better one: only the final flush lets it go
      RadioCollector collector =
          new RadioCollector(
              List.of(hall, attic),
              ingest,
              Duration.ofHours(2),
              Duration.ofHours(1),
              Clock.fixed(NOW, ZoneOffset.UTC),
              () -> ClockState.SYNCHRONISED,
              Duration.ofHours(1),
              reports::add);
      collector.start(RadioReceiver.ReceiverEvents.NONE);

      hall.hear(PLAIN, -90);
      attic.hear(PLAIN, -70);
      assertEquals(null, collector.flush(false), "the copy waits for a better one");
      RadioCollector.BatchReport report = collector.flush(true);
      collector.close();

      assertEquals(2, report.received());
      assertEquals(1, report.kept());
      assertEquals(5, report.readings());
      assertTrue(
          store.find(ReadingFilter.all()).stream()
              .allMatch(
                  s ->
                      Integer.valueOf(-70).equals(s.reading().rssiDbm())
                          && s.reading().source().equals("stick.attic")));
    }
  }

  @Test
  void flush_databaseClosed_keepsTheTelegramsForTheNextBatch() throws Exception {
    Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    FrameIngest ingest = radioIngest(db, new ReadingStore(db));
    HandReceiver hall = new HandReceiver("stick.hall");
    RadioCollector collector =
        new RadioCollector(
            List.of(hall),
            ingest,
            Duration.ofSeconds(30),
            Duration.ZERO,
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> ClockState.SYNCHRONISED,
            Duration.ofHours(1),
            r -> {});
    collector.start(RadioReceiver.ReceiverEvents.NONE);
    hall.hear(PLAIN, -80);
    db.close();

    RadioCollector.BatchReport failed = collector.flush(false);

    assertEquals(0, failed.readings());
    assertTrue(failed.failure().startsWith("cannot store"), failed.failure());
    // nothing new came, yet the next batch has the kept telegram to store again
    RadioCollector.BatchReport again = collector.flush(false);
    assertEquals(0, again.received());
    assertTrue(again.failure().startsWith("cannot store"), again.failure());
    collector.close();
  }

  @Test
  void start_receiverNotThereYet_isReportedLostThenStartedByARetryWithoutARestart()
      throws Exception {
    try (Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      ReadingStore store = new ReadingStore(db);
      FrameIngest ingest = radioIngest(db, store);
      HandReceiver late = new HandReceiver("stick.late").failing(2);
      List<String> events = new CopyOnWriteArrayList<>();
      RadioCollector collector =
          new RadioCollector(
                  List.of(late),
                  ingest,
                  Duration.ofSeconds(30),
                  Duration.ZERO,
                  Clock.fixed(NOW, ZoneOffset.UTC),
                  () -> ClockState.SYNCHRONISED,
                  Duration.ofMillis(50),
                  r -> {})
              .retryEvery(Duration.ofMillis(100));
      collector.start(
          new RadioReceiver.ReceiverEvents() {
            @Override
            public void lost(String receiver, String reason) {
              events.add("lost " + receiver);
            }

            @Override
            public void recovered(String receiver) {
              events.add("recovered " + receiver);
            }
          });
      for (int i = 0; i < 100 && !events.contains("recovered stick.late"); i++) {
        Thread.sleep(50);
      }

      assertEquals(List.of("lost stick.late", "recovered stick.late"), events);
      late.hear(PLAIN, -75);
      collector.close();
      assertEquals(5, store.find(ReadingFilter.all()).size());
    }
  }
}
