package io.releve.contract;

import java.util.List;
import java.util.UUID;

/**
 * A batch of outbox rows sent on {@code up/readings}, {@code up/events} or {@code up/inventory}.
 * Every row is keyed by {@code (gateway, epoch, seq)}: the bridge stores it idempotently on that
 * key and acknowledges with an {@link Ack} once committed.
 */
public sealed interface UpMessage permits ReadingsMessage, EventsMessage, InventoryMessage {

  GatewayId gateway();

  /** The gateway database's epoch: a re-imaged card starts a new one, and its seqs start again. */
  UUID epoch();

  /** The rows, at least one, their seqs strictly increasing. */
  List<? extends Sequenced> entries();

  /**
   * Optional, null when absent: the gateway holds no unacknowledged row below this seq. Every lower
   * seq of the epoch was either acknowledged or deleted before it could be sent (a gateway that ran
   * without an uplink for longer than its retention), so the bridge need not wait for them.
   */
  Long pendingFrom();

  /** The seq of the first row. */
  default long firstSeq() {
    return entries().get(0).seq();
  }

  /** The seq of the last row. */
  default long lastSeq() {
    return entries().get(entries().size() - 1).seq();
  }
}
