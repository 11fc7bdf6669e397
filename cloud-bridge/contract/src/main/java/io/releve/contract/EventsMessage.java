package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A batch of events on {@code releve/v1/{gateway}/up/events}: alerts opened and closed, the leak
 * detector's guards, the gateway's health.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param gateway the gateway that sends it, the same as in the topic
 * @param epoch the gateway database's epoch
 * @param events at least one, their seqs strictly increasing (not necessarily consecutive: readings
 *     and inventory changes take numbers from the same sequence)
 * @param pendingFrom optional (null when absent): the gateway holds no unacknowledged row below
 *     this seq, so every lower seq of the epoch is either acknowledged or gone for good
 */
public record EventsMessage(
    @JsonProperty(required = true) int v,
    GatewayId gateway,
    UUID epoch,
    List<EventEntry> events,
    Long pendingFrom)
    implements UpMessage {

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public EventsMessage {
    Check.version(v);
    Check.present("gateway", gateway);
    Check.present("epoch", epoch);
    events = Check.batch("events", events);
    Check.pendingFrom(pendingFrom, events.get(0).seq());
  }

  /** A message of this contract version. */
  public EventsMessage(GatewayId gateway, UUID epoch, List<EventEntry> events) {
    this(Contract.VERSION, gateway, epoch, events, null);
  }

  /**
   * A message of this contract version, with the seq below which the gateway holds nothing unsent.
   */
  public EventsMessage(GatewayId gateway, UUID epoch, List<EventEntry> events, long pendingFrom) {
    this(Contract.VERSION, gateway, epoch, events, pendingFrom);
  }

  @Override
  public List<EventEntry> entries() {
    return events;
  }
}
