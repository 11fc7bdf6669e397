package io.releve.gateway.store;

import io.releve.contract.EventEntry;
import io.releve.contract.InventoryChange;
import io.releve.contract.ReadingEntry;
import java.util.List;

/**
 * The next rows of the outbox, in seq order, split by the topic they go on.
 *
 * @param readings for {@code up/readings}
 * @param events meter and gateway events, for {@code up/events}
 * @param inventory for {@code up/inventory}
 * @param lastSeq the highest seq of the three lists
 */
public record OutboxBatch(
    List<ReadingEntry> readings,
    List<EventEntry> events,
    List<InventoryChange> inventory,
    long lastSeq) {

  public OutboxBatch {
    readings = List.copyOf(readings);
    events = List.copyOf(events);
    inventory = List.copyOf(inventory);
  }

  /** The number of rows. */
  public int size() {
    return readings.size() + events.size() + inventory.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }
}
