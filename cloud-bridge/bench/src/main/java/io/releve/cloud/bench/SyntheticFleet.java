package io.releve.cloud.bench;

import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.ReadingEntry;
import io.releve.contract.ReadingEntry.ClockState;
import io.releve.contract.ReadingEntry.RecordFunction;
import io.releve.contract.ReadingEntry.ValueKind;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The benchmark's gateways and their batches of readings, written as the contract's JSON before the
 * clock starts, so that the measured time is the bridge's and the broker's, not the writing of
 * payloads. Each gateway has an epoch of its own and seqs 1 to {@code batches × batchSize}, in full
 * batches; its readings come from a riser of water meters and heat cost allocators read every 15
 * minutes, as a real gateway's outbox would hold them.
 */
final class SyntheticFleet {

  /** The gateways' ids: {@code bench-gw-001} and up. */
  static final String ID_PREFIX = "bench-gw-";

  /** Meters behind each gateway; its readings go round them. */
  static final int METERS_PER_GATEWAY = 250;

  private static final Instant FIRST_READ = Instant.parse("2026-01-05T00:00:00Z");
  private static final Duration READ_INTERVAL = Duration.ofMinutes(15);

  /**
   * One gateway of the fleet.
   *
   * @param id its id, in its topics and payloads
   * @param epoch its database's epoch, new for every fleet
   * @param upTopic where it publishes its batches
   * @param ackTopic where the bridge acknowledges them
   * @param batches the payloads of its batches, in seq order
   * @param batchSize readings per batch: batch {@code i} ends with seq {@code (i + 1) × batchSize}
   */
  record Gateway(
      GatewayId id,
      UUID epoch,
      String upTopic,
      String ackTopic,
      List<byte[]> batches,
      int batchSize) {

    /** The seq of the last reading of batch {@code index} (0-based). */
    long lastSeqOf(int index) {
      return (long) (index + 1) * batchSize;
    }

    /** The seq of its last reading: the ack that ends its delivery. */
    long lastSeq() {
      return lastSeqOf(batches.size() - 1);
    }
  }

  private final List<Gateway> gateways;
  private final long readings;
  private final long payloadBytes;

  private SyntheticFleet(List<Gateway> gateways, long readings, long payloadBytes) {
    this.gateways = List.copyOf(gateways);
    this.readings = readings;
    this.payloadBytes = payloadBytes;
  }

  /**
   * Writes every gateway's batches.
   *
   * @param gateways 1–999
   * @param batches batches per gateway, at least 1
   * @param batchSize readings per batch, at least 1
   */
  static SyntheticFleet build(int gateways, int batches, int batchSize) {
    if (gateways < 1 || gateways > 999 || batches < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "Gateways (1–999), batches and batch size (at least 1): "
              + List.of(gateways, batches, batchSize)
              + ".");
    }
    List<Gateway> fleet = new ArrayList<>(gateways);
    long bytes = 0;
    for (int g = 1; g <= gateways; g++) {
      GatewayId id = GatewayId.of(ID_PREFIX + String.format(Locale.ROOT, "%03d", g));
      UUID epoch = UUID.randomUUID();
      List<byte[]> payloads = new ArrayList<>(batches);
      for (int b = 0; b < batches; b++) {
        List<ReadingEntry> entries = new ArrayList<>(batchSize);
        for (int i = 1; i <= batchSize; i++) {
          entries.add(reading(g, (long) b * batchSize + i));
        }
        byte[] payload = Json.write(new ReadingsMessage(id, epoch, entries));
        bytes += payload.length;
        payloads.add(payload);
      }
      fleet.add(
          new Gateway(
              id,
              epoch,
              Topics.upReadings(id),
              Topics.downAck(id),
              List.copyOf(payloads),
              batchSize));
    }
    return new SyntheticFleet(fleet, (long) gateways * batches * batchSize, bytes);
  }

  /**
   * Reading {@code seq} of gateway {@code g}: meter {@code (seq - 1) mod 250}, one reading per
   * meter per 15-minute cycle; every fifth meter a heat cost allocator (wireless, with its RSSI),
   * the others cold water meters (wired).
   */
  static ReadingEntry reading(int g, long seq) {
    int meter = (int) ((seq - 1) % METERS_PER_GATEWAY);
    long cycle = (seq - 1) / METERS_PER_GATEWAY;
    Instant readAt = FIRST_READ.plus(READ_INTERVAL.multipliedBy(cycle));
    Instant receivedAt = readAt.plusMillis(40L * meter + 17);
    long serial = (long) g * 1_000 + meter;
    if (meter % 5 == 4) {
      return new ReadingEntry(
          seq,
          String.format(Locale.ROOT, "QDS-%08d-35-08", serial),
          "heat_cost_allocator",
          "heat_cost_allocation",
          Long.toString(100 + cycle / 4 + meter),
          ValueKind.NUMBER,
          "HCA",
          0,
          0,
          0,
          RecordFunction.INSTANTANEOUS,
          null,
          receivedAt,
          ClockState.SYNCHRONISED,
          "stick",
          -60 - meter % 30,
          0);
    }
    long litres = 20_000_000L + 1_000L * meter + 5L * cycle;
    return new ReadingEntry(
        seq,
        String.format(Locale.ROOT, "SEN-%08d-68-16", serial),
        "cold_water",
        "volume",
        String.format(Locale.ROOT, "%d.%03d", litres / 1000, litres % 1000),
        ValueKind.NUMBER,
        "m3",
        0,
        0,
        0,
        RecordFunction.INSTANTANEOUS,
        readAt,
        receivedAt,
        ClockState.SYNCHRONISED,
        "east",
        null,
        0);
  }

  List<Gateway> gateways() {
    return gateways;
  }

  /** Readings over every gateway and batch. */
  long readings() {
    return readings;
  }

  /** Bytes of every payload, for the report. */
  long payloadBytes() {
    return payloadBytes;
  }
}
