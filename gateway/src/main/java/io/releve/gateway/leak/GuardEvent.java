package io.releve.gateway.leak;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the detector noticed in an index series.
 *
 * @param time the time of the reading that showed it
 * @param type what it was
 * @param detail the values involved, for a technician (e.g. "index 99999.987 m³ then 0.012 m³")
 */
public record GuardEvent(Instant time, GuardType type, String detail) {

  public GuardEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
  }
}
