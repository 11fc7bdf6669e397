package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One event of the gateway's outbox: an alert opened or closed ({@code leak_opened}, {@code
 * not_heard_closed}…), a guard of the leak detector ({@code rollover}, {@code replacement}…), a
 * detector failure ({@code detector_error}).
 *
 * @param seq the outbox sequence number, 1 or more
 * @param device the meter's identity key ({@code SEN-12345601-68-16}), or null for an event of the
 *     gateway itself (its health)
 * @param at when it happened
 * @param type what happened: an open vocabulary of lower-case words, so that new event types are
 *     additive; a reader keeps (and may ignore) a type it does not know
 * @param detail what a person reads about it; may be empty
 * @param alert for an alert's opening or closing, the alert as it stands; null otherwise
 */
public record EventEntry(
    @JsonProperty(required = true) long seq,
    String device,
    Instant at,
    String type,
    String detail,
    AlertEntry alert)
    implements Sequenced {

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public EventEntry {
    Check.seq("seq", seq);
    if (device != null) {
      Check.deviceKey("device", device);
    }
    Check.present("at", at);
    Check.word("type", type);
    Check.anyText("detail", detail, 1024);
    if (alert != null && device == null) {
      throw ContractException.field("device", "is missing or null: an alert is about a meter.");
    }
  }
}
