package io.releve.gateway.ingest;

import io.releve.gateway.alert.FrameAlarms;
import io.releve.gateway.alert.MeterHealth;
import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.health.MeterAlarms;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.RawFrame;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredBatch;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Frames in, stored readings out: decodes one poll cycle's frames, stores every reading of the good
 * ones with their raw frames in one transaction (so one fsync per cycle), and keeps each bad frame
 * in quarantine with its reason. A bad frame never stops the others.
 */
public final class FrameIngest {

  /** Decodes one received frame: wired frames, or radio telegrams with the receivers' state. */
  @FunctionalInterface
  public interface FrameDecoder {
    DecodedFrame decode(ReceivedFrame frame) throws FrameRejectedException;
  }

  private final FrameDecoder decoder;
  private final ReadingStore readings;
  private final Quarantine quarantine;
  private final ZoneId meterZone;
  private final MeterHealth health;

  /**
   * @param meterZone the zone the meters' clocks are set to (their date-time records carry no zone)
   */
  public FrameIngest(
      WiredFrameDecoder decoder, ReadingStore readings, Quarantine quarantine, ZoneId meterZone) {
    this(frame -> decoder.decode(frame.bytes()), readings, quarantine, meterZone);
  }

  /**
   * @param decoder how each frame is decoded (radio telegrams need a per-stream session, for their
   *     compact frames and keys)
   */
  public FrameIngest(
      FrameDecoder decoder, ReadingStore readings, Quarantine quarantine, ZoneId meterZone) {
    this(decoder, readings, quarantine, meterZone, null);
  }

  private FrameIngest(
      FrameDecoder decoder,
      ReadingStore readings,
      Quarantine quarantine,
      ZoneId meterZone,
      MeterHealth health) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.readings = Objects.requireNonNull(readings, "readings");
    this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
    this.meterZone = Objects.requireNonNull(meterZone, "meterZone");
    this.health = health;
  }

  /**
   * The same ingest, also running leak detection and meter health on each batch, in the transaction
   * that stores it.
   */
  public FrameIngest withHealth(MeterHealth meterHealth) {
    return new FrameIngest(
        decoder, readings, quarantine, meterZone, Objects.requireNonNull(meterHealth, "health"));
  }

  /**
   * Decodes and stores {@code frames}.
   *
   * @param clock whether the receive times came from a synchronised clock
   * @throws io.releve.gateway.store.StoreException when the database cannot be written; nothing of
   *     the batch is stored then, and the caller keeps the frames
   */
  public IngestResult ingest(List<ReceivedFrame> frames, ClockState clock) {
    List<Reading> decoded = new ArrayList<>();
    List<RawFrame> raw = new ArrayList<>();
    List<IngestResult.Rejection> rejections = new ArrayList<>();
    List<FrameAlarms> alarms = new ArrayList<>();
    int framesDecoded = 0;
    for (ReceivedFrame frame : frames) {
      try {
        DecodedFrame result = decoder.decode(frame);
        decoded.addAll(
            result.toReadings(
                frame.receivedAt(), clock, frame.source(), meterZone, frame.rssiDbm()));
        raw.add(new RawFrame(frame.bytes(), frame.receivedAt(), frame.source(), result.device()));
        if (health != null) {
          alarms.add(
              new FrameAlarms(
                  result.device(),
                  frame.receivedAt(),
                  MeterAlarms.of(result),
                  MeterAlarms.reportable(result)));
        }
        framesDecoded++;
      } catch (FrameRejectedException e) {
        long id =
            quarantine.add(
                frame.bytes(),
                e.reason().name().toLowerCase(java.util.Locale.ROOT),
                e.getMessage(),
                frame.source(),
                frame.receivedAt());
        rejections.add(new IngestResult.Rejection(id, e.reason(), e.getMessage()));
      }
    }
    Optional<StoredBatch> batch =
        decoded.isEmpty() && raw.isEmpty()
            ? Optional.empty()
            : Optional.of(
                health == null
                    ? readings.storeBatch(decoded, raw)
                    : health.store(readings, decoded, raw, alarms));
    return new IngestResult(batch, framesDecoded, rejections);
  }
}
