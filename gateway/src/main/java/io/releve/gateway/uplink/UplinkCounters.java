package io.releve.gateway.uplink;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What the uplink counted since it started; read by the health report and the queue command. */
final class UplinkCounters {

  final AtomicLong connects = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong rows = new AtomicLong();
  final AtomicLong resends = new AtomicLong();
  final AtomicLong acks = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong commands = new AtomicLong();
  final AtomicLong epochs = new AtomicLong();
  volatile Instant lastAckAt;

  UplinkReport.Counters snapshot() {
    return new UplinkReport.Counters(
        connects.get(),
        batches.get(),
        rows.get(),
        resends.get(),
        acks.get(),
        lastAckAt,
        failures.get(),
        refused.get(),
        commands.get(),
        epochs.get());
  }
}
