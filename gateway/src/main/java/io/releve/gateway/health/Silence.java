package io.releve.gateway.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a meter's {@link TransmitPattern} says about its silence at a given time.
 *
 * @param notHeard true when the meter has been silent well beyond its pattern: the alert "not
 *     heard" is open; false for a meter never heard (there is nothing to compare)
 * @param lastHeard the last reception, from which "not heard" is dated; empty when never heard
 * @param missedSlots the active hour-of-week slots that have fully passed since the last reception,
 *     the hour of that reception not counted
 * @param activeSlots the hour-of-week slots in which the meter was heard in the 4 weeks up to its
 *     last reception
 * @param learning true while the pattern is not trusted (it does not cover a week yet): then the
 *     meter is not heard after 48 hours of silence, whatever its slots
 */
public record Silence(
    boolean notHeard,
    Optional<Instant> lastHeard,
    long missedSlots,
    int activeSlots,
    boolean learning) {

  public Silence {
    Objects.requireNonNull(lastHeard, "lastHeard");
    if (notHeard && lastHeard.isEmpty()) {
      throw new IllegalArgumentException("A meter never heard cannot be \"not heard\".");
    }
    if (missedSlots < 0 || activeSlots < 0) {
      throw new IllegalArgumentException(
          "Missed [" + missedSlots + "] and active [" + activeSlots + "] slots must be 0 or more.");
    }
  }

  /** The verdict on a meter never heard: nothing to compare, so not "not heard". */
  static Silence neverHeard() {
    return new Silence(false, Optional.empty(), 0, 0, true);
  }
}
