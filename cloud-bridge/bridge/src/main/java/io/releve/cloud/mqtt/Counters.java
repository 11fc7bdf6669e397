package io.releve.cloud.mqtt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the running bridge has done since it started, for its periodic log line and for whoever
 * measures it. Thread-safe: the workers count as they go, anyone reads at any time.
 */
public final class Counters {
  final AtomicLong messages = new AtomicLong();
  final AtomicLong rowsAdded = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong acks = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong statuses = new AtomicLong();

  public long messages() {
    return messages.get();
  }

  /** Rows stored for the first time: readings, events and inventory changes. */
  public long rowsAdded() {
    return rowsAdded.get();
  }

  /** Rows received again and already held. */
  public long duplicates() {
    return duplicates.get();
  }

  public long statuses() {
    return statuses.get();
  }

  public long refused() {
    return refused.get();
  }

  public long acks() {
    return acks.get();
  }

  public long failures() {
    return failures.get();
  }

  /** One line: {@code 120 messages, 4800 rows stored, 12 duplicates, 118 acks, 1 refused…}. */
  public String summary() {
    return messages.get()
        + " messages, "
        + rowsAdded.get()
        + " rows stored, "
        + duplicates.get()
        + " duplicates, "
        + acks.get()
        + " acks, "
        + statuses.get()
        + " statuses, "
        + refused.get()
        + " refused, "
        + failures.get()
        + " database failures";
  }
}
