package io.releve.cloud;

import io.releve.contract.EventEntry;
import io.releve.contract.EventsMessage;
import io.releve.contract.GatewayId;
import io.releve.contract.InventoryChange;
import io.releve.contract.InventoryMessage;
import io.releve.contract.Json;
import io.releve.contract.ReadingEntry;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Payloads for the tests, as a gateway would write them. */
public final class Batches {

  public static final GatewayId GATEWAY = GatewayId.of("rl042-gw1");
  public static final UUID EPOCH = UUID.fromString("6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13");
  public static final UUID OTHER_EPOCH = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");
  public static final Instant AT = Instant.parse("2026-11-24T18:00:02.317Z");

  private Batches() {}

  public static ReadingEntry reading(long seq) {
    return new ReadingEntry(
        seq,
        "SEN-12345601-68-16",
        "cold_water",
        "volume",
        "123." + seq,
        ReadingEntry.ValueKind.NUMBER,
        "m3",
        0,
        0,
        0,
        ReadingEntry.RecordFunction.INSTANTANEOUS,
        null,
        AT.plusSeconds(seq % 1_000_000_000L),
        ReadingEntry.ClockState.SYNCHRONISED,
        "east",
        null,
        0);
  }

  /** Readings with these seqs, of {@link #GATEWAY} and {@code epoch}. */
  public static byte[] readings(UUID epoch, long... seqs) {
    List<ReadingEntry> entries = Arrays.stream(seqs).mapToObj(Batches::reading).toList();
    return Json.write(new ReadingsMessage(GATEWAY, epoch, entries));
  }

  public static byte[] readingsPendingFrom(long pendingFrom, long... seqs) {
    List<ReadingEntry> entries = Arrays.stream(seqs).mapToObj(Batches::reading).toList();
    return Json.write(new ReadingsMessage(GATEWAY, EPOCH, entries, pendingFrom));
  }

  public static byte[] events(EventEntry... events) {
    return Json.write(new EventsMessage(GATEWAY, EPOCH, List.of(events)));
  }

  public static InventoryChange installed(
      long seq, String device, String dwelling, String lot, String room) {
    return new InventoryChange(
        seq,
        InventoryChange.Action.INSTALLED,
        device,
        "cold_water",
        "RL042",
        dwelling,
        lot,
        "H8CA0" + seq,
        room);
  }

  public static InventoryChange removed(long seq, String device) {
    return new InventoryChange(
        seq, InventoryChange.Action.REMOVED, device, null, null, null, null, null, null);
  }

  public static byte[] inventory(InventoryChange... changes) {
    return Json.write(new InventoryMessage(GATEWAY, EPOCH, List.of(changes)));
  }

  public static byte[] status(Status.State state, Instant at) {
    return Json.write(new Status(GATEWAY, state, EPOCH, at, "0.1.0"));
  }
}
