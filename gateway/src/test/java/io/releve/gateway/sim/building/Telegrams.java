package io.releve.gateway.sim.building;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.DecodedRecord;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.sim.SimulatedMeter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a simulated meter and decodes its telegrams with our own decoder, as the gateway would. */
final class Telegrams {

  private static final WiredFrameDecoder DECODER = new WiredFrameDecoder();

  private Telegrams() {}

  static List<DecodedFrame> read(SimulatedMeter meter, Instant now) {
    List<DecodedFrame> frames = new ArrayList<>();
    for (byte[] userData : meter.readout(now)) {
      try {
        frames.add(DECODER.decode(Backfill.longFrame(7, userData)));
      } catch (FrameRejectedException e) {
        throw new AssertionError("Our decoder refuses a telegram of " + meter + ": " + e, e);
      }
    }
    return frames;
  }

  static DecodedRecord record(DecodedFrame frame, Quantity quantity, int storage) {
    return frame.records().stream()
        .filter(r -> r.quantity() == quantity && r.storage() == storage)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + quantity + " storage " + storage));
  }

  static BigDecimal number(DecodedFrame frame, Quantity quantity, int storage) {
    return new BigDecimal(record(frame, quantity, storage).value().text());
  }

  static String text(DecodedFrame frame, Quantity quantity, int storage) {
    return record(frame, quantity, storage).value().text();
  }
}
