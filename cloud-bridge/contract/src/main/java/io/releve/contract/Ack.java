package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * The bridge's acknowledgement on {@code releve/v1/{gateway}/down/ack}, sent after its own commit:
 * it holds every row of {@code epoch} from seq 1 to {@code ackedSeq} (readings, events and
 * inventory changes alike). The gateway may then drop those rows from its outbox; rows above stay
 * and are sent again after a timeout. Acks only grow: a lower one than already received changes
 * nothing, and an ack for another epoch is ignored.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param epoch the epoch the seqs belong to
 * @param ackedSeq the highest seq up to which the bridge has every row, 1 or more
 */
public record Ack(
    @JsonProperty(required = true) int v,
    UUID epoch,
    @JsonProperty(required = true) long ackedSeq) {

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public Ack {
    Check.version(v);
    Check.present("epoch", epoch);
    Check.seq("acked_seq", ackedSeq);
  }

  /** An ack of this contract version. */
  public Ack(UUID epoch, long ackedSeq) {
    this(Contract.VERSION, epoch, ackedSeq);
  }
}
