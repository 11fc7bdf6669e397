package io.releve.cloud.ingest;

import io.releve.contract.Ack;
import io.releve.contract.GatewayId;
import io.releve.contract.Status;

/** What {@link Ingest#handle} did with one message. */
public sealed interface Outcome {

  /**
   * A batch committed: {@code ack} is to be published to the gateway now.
   *
   * @param added rows stored for the first time; the rest of the batch were duplicates
   * @param duplicates rows already held
   */
  record Acked(GatewayId gateway, Ack ack, int added, int duplicates) implements Outcome {}

  /**
   * A batch committed, but seq 1 of its epoch is still missing (and no {@code pending_from} says it
   * is gone): there is nothing to acknowledge yet. The gateway resends after its ack timeout.
   */
  record NothingToAck(GatewayId gateway, int added, int duplicates) implements Outcome {}

  /** A status recorded, or ignored because an older one ({@code applied} false). */
  record StatusSeen(Status status, boolean applied) implements Outcome {}

  /**
   * A message refused: logged once, counted, nothing of it stored, never retried.
   *
   * @param reason what was wrong and where, naming the topic
   */
  record Refused(String reason) implements Outcome {}
}
