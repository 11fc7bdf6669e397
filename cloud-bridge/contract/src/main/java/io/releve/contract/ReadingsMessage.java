package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A batch of readings on {@code releve/v1/{gateway}/up/readings}.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param gateway the gateway that sends it, the same as in the topic
 * @param epoch the gateway database's epoch
 * @param readings at least one, their seqs strictly increasing (not necessarily consecutive: events
 *     and inventory changes take numbers from the same sequence)
 * @param pendingFrom optional (null when absent): the gateway holds no unacknowledged row below
 *     this seq, so every lower seq of the epoch is either acknowledged or gone for good
 */
public record ReadingsMessage(
    @JsonProperty(required = true) int v,
    GatewayId gateway,
    UUID epoch,
    List<ReadingEntry> readings,
    Long pendingFrom)
    implements UpMessage {

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public ReadingsMessage {
    Check.version(v);
    Check.present("gateway", gateway);
    Check.present("epoch", epoch);
    readings = Check.batch("readings", readings);
    Check.pendingFrom(pendingFrom, readings.get(0).seq());
  }

  /** A message of this contract version. */
  public ReadingsMessage(GatewayId gateway, UUID epoch, List<ReadingEntry> readings) {
    this(Contract.VERSION, gateway, epoch, readings, null);
  }

  /**
   * A message of this contract version, with the seq below which the gateway holds nothing unsent.
   */
  public ReadingsMessage(
      GatewayId gateway, UUID epoch, List<ReadingEntry> readings, long pendingFrom) {
    this(Contract.VERSION, gateway, epoch, readings, pendingFrom);
  }

  @Override
  public List<ReadingEntry> entries() {
    return readings;
  }
}
