package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A batch of inventory changes on {@code releve/v1/{gateway}/up/inventory}: which meter is
 * installed in which dwelling. Sent through the outbox like readings, with sequence numbers, rather
 * than as a retained message: MQTT 5 does not deliver retained messages to a new shared
 * subscription.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param gateway the gateway that sends it, the same as in the topic
 * @param epoch the gateway database's epoch
 * @param changes at least one, their seqs strictly increasing (not necessarily consecutive:
 *     readings and events take numbers from the same sequence)
 * @param pendingFrom optional (null when absent): the gateway holds no unacknowledged row below
 *     this seq, so every lower seq of the epoch is either acknowledged or gone for good
 */
public record InventoryMessage(
    @JsonProperty(required = true) int v,
    GatewayId gateway,
    UUID epoch,
    List<InventoryChange> changes,
    Long pendingFrom)
    implements UpMessage {

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public InventoryMessage {
    Check.version(v);
    Check.present("gateway", gateway);
    Check.present("epoch", epoch);
    changes = Check.batch("changes", changes);
    Check.pendingFrom(pendingFrom, changes.get(0).seq());
  }

  /** A message of this contract version. */
  public InventoryMessage(GatewayId gateway, UUID epoch, List<InventoryChange> changes) {
    this(Contract.VERSION, gateway, epoch, changes, null);
  }

  /**
   * A message of this contract version, with the seq below which the gateway holds nothing unsent.
   */
  public InventoryMessage(
      GatewayId gateway, UUID epoch, List<InventoryChange> changes, long pendingFrom) {
    this(Contract.VERSION, gateway, epoch, changes, pendingFrom);
  }

  @Override
  public List<InventoryChange> entries() {
    return changes;
  }
}
