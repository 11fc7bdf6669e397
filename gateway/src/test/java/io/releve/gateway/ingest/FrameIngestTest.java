package io.releve.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.decode.radio.TelegramSession;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.QuarantinedFrame;
import io.releve.gateway.store.ReadingFilter;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredReading;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameIngestTest {

  // Cold water meter SEN 12345603 of the example building: date-time and 210.004 m3.
  private static final String GOOD =
      "681B1B6808067203563412AE4C681613000000046D0006413B0C1304002100E116";
  // The same frame with its checksum changed.
  private static final String DAMAGED =
      "681B1B6808067203563412AE4C681613000000046D0006413B0C1304002100E016";
  private static final Instant NOW = Instant.parse("2026-11-01T06:00:05Z");

  @TempDir Path folder;

  @Test
  void ingest_goodAndDamagedFrames_storesTheGoodOnesAndQuarantinesTheOther() throws Exception {
    try (Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      ReadingStore store = new ReadingStore(db);
      Quarantine quarantine = new Quarantine(db);
      FrameIngest ingest =
          new FrameIngest(new WiredFrameDecoder(), store, quarantine, ZoneOffset.UTC);

      IngestResult result =
          ingest.ingest(
              List.of(
                  new ReceivedFrame(Hex.parse(DAMAGED), NOW, "bus-a"),
                  new ReceivedFrame(Hex.parse(GOOD), NOW, "bus-a")),
              ClockState.UNSYNCHRONISED);

      assertEquals(1, result.framesDecoded());
      assertEquals(2, result.readingsStored());
      assertEquals(1, result.batch().orElseThrow().firstSeq());
      assertEquals(RejectionReason.BAD_CHECKSUM, result.rejections().get(0).reason());

      List<StoredReading> stored = store.find(ReadingFilter.all());
      assertEquals(2, stored.size());
      assertTrue(
          stored.stream()
              .anyMatch(
                  s ->
                      s.reading().value().text().equals("210.004")
                          && s.reading().clockState() == ClockState.UNSYNCHRONISED
                          && s.reading().source().equals("bus-a")));

      assertTrue(
          stored.stream()
              .allMatch(s -> Instant.parse("2026-11-01T06:00:00Z").equals(s.reading().meterTime())),
          "every value of the frame is dated with the meter's own date-time record");

      List<QuarantinedFrame> kept = quarantine.list(10);
      assertEquals(1, kept.size());
      assertEquals("bad_checksum", kept.get(0).reasonCode());
    }
  }

  @Test
  void ingest_onlyDamagedFrames_storesNoBatchAndUsesNoSequenceNumber() throws Exception {
    try (Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      ReadingStore store = new ReadingStore(db);
      FrameIngest ingest =
          new FrameIngest(new WiredFrameDecoder(), store, new Quarantine(db), ZoneOffset.UTC);

      IngestResult result =
          ingest.ingest(
              List.of(new ReceivedFrame(new byte[] {0x68, 0x00}, NOW, "bus-a")),
              ClockState.SYNCHRONISED);

      assertTrue(result.batch().isEmpty());
      assertEquals(1, result.rejections().size());
      assertEquals(1, store.nextSeq());
    }
  }

  @Test
  void ingest_setDayValue_isDatedWithTheSetDayInTheMetersZone() throws Exception {
    // Example building A01 cold water: storage 1 carries 98.765 m3 and the set day 2026-01-01.
    String withSetDay =
        "6825256808017201563412AE4C681611000000046D0006413B0C1356341200426C41314C1365870900C316";
    try (Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      ReadingStore store = new ReadingStore(db);
      FrameIngest ingest =
          new FrameIngest(
              new WiredFrameDecoder(),
              store,
              new Quarantine(db),
              java.time.ZoneId.of("Europe/Paris"));

      ingest.ingest(
          List.of(new ReceivedFrame(Hex.parse(withSetDay), NOW, "bus-a")), ClockState.SYNCHRONISED);

      StoredReading setDay =
          store.find(ReadingFilter.all()).stream()
              .filter(
                  s -> s.reading().storage() == 1 && s.reading().value().text().equals("98.765"))
              .findFirst()
              .orElseThrow();
      assertEquals(Instant.parse("2025-12-31T23:00:00Z"), setDay.reading().meterTime());
    }
  }

  /** wireless-mbus-parser f8c8b5df70 (see src/test/resources/vectors/wmbus): security mode 5. */
  private static final String RADIO_MODE_5 =
      "2E44931578563412330333637A2A0020255923C95AAA26D1B2E7493BC2AD013EC4A6F6D3529B520EDFF0EA6D"
          + "EFC955B29D6D69EBF3EC8A";

  @Test
  void ingest_radioTelegramsThroughASession_storesTheirReadingsWithTheSignalStrength()
      throws Exception {
    byte[] key = Hex.parse("0102030405060708090A0B0C0D0E0F11");
    TelegramSession session = new TelegramSession(device -> java.util.Optional.of(key.clone()));
    try (Database db = Database.open(folder.resolve("r.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
      ReadingStore store = new ReadingStore(db);
      FrameIngest ingest =
          new FrameIngest(
              frame ->
                  session
                      .decode(frame.bytes(), null, TelegramSession.Kind.RADIO, frame.rssiDbm())
                      .frame(),
              store,
              new Quarantine(db),
              ZoneOffset.UTC);

      IngestResult result =
          ingest.ingest(
              List.of(new ReceivedFrame(Hex.parse(RADIO_MODE_5), NOW, "stick.hall", -71)),
              ClockState.SYNCHRONISED);

      assertEquals(1, result.framesDecoded());
      List<StoredReading> stored = store.find(ReadingFilter.all());
      assertTrue(
          stored.stream()
              .anyMatch(
                  s ->
                      s.reading().value().text().equals("28504.27")
                          && Integer.valueOf(-71).equals(s.reading().rssiDbm())
                          && s.reading().source().equals("stick.hall")),
          stored.toString());
    }
  }
}
