package io.releve.gateway.uplink;

import io.releve.gateway.store.OutboxState;
import java.time.Instant;

/**
 * Where the uplink stands, for the health report and the {@code queue} command.
 *
 * @param connected whether the broker connection is up
 * @param outbox acknowledged seq, rows waiting, oldest unsent reading
 * @param sentThrough the last seq published since the last restart from the ack
 * @param batchesInFlight batches published and not yet acknowledged
 * @param counters since the gateway started
 */
public record UplinkReport(
    boolean connected,
    OutboxState outbox,
    long sentThrough,
    int batchesInFlight,
    Counters counters) {

  /**
   * @param connects successful connections to the broker
   * @param batches batches published (resends included)
   * @param rows rows published (resends included)
   * @param resends restarts from the acknowledged seq after an ack timeout
   * @param acks acks received from the bridge for this epoch
   * @param lastAckAt when the last of them arrived, null if none
   * @param failures connection and publishing failures
   * @param refused messages received that broke the contract
   * @param commands technicians' commands answered
   * @param newEpochs epochs started because the database was found to be an older copy
   */
  public record Counters(
      long connects,
      long batches,
      long rows,
      long resends,
      long acks,
      Instant lastAckAt,
      long failures,
      long refused,
      long commands,
      long newEpochs) {}
}
