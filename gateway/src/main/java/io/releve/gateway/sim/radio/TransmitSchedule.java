package io.releve.gateway.sim.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a radio meter transmits: on a fixed grid, {@code offset + k × interval} from the epoch (real
 * meters send every 16 s, every few minutes or a few times a day), and, with working hours, only
 * the grid instants inside them.
 */
public record TransmitSchedule(
    Duration interval, Duration offset, Optional<WorkingHours> workingHours) {

  public TransmitSchedule {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(workingHours, "workingHours");
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("Interval [" + interval + "] must be at least 1 ms.");
    }
    if (offset.isNegative() || offset.compareTo(interval) >= 0) {
      throw new IllegalArgumentException(
          "Offset [" + offset + "] must lie in [0, interval " + interval + ").");
    }
  }

  /** Every {@code interval}, day and night. */
  public static TransmitSchedule every(Duration interval) {
    return new TransmitSchedule(interval, Duration.ZERO, Optional.empty());
  }

  /** The same grid shifted by {@code offset}, so that meters do not all send at once. */
  public TransmitSchedule shiftedBy(Duration offset) {
    return new TransmitSchedule(interval, offset, workingHours);
  }

  /** Only inside {@code hours}. */
  public TransmitSchedule during(WorkingHours hours) {
    return new TransmitSchedule(interval, offset, Optional.of(hours));
  }

  /** The first transmission strictly after {@code after}. */
  public Instant next(Instant after) {
    Instant slot = slotAtOrAfter(after.plusMillis(1));
    if (workingHours.isEmpty()) {
      return slot;
    }
    WorkingHours hours = workingHours.get();
    // each pass either lands inside the hours or jumps to the next opening: a week at most
    for (int pass = 0; pass < 16; pass++) {
      if (hours.contains(slot)) {
        return slot;
      }
      slot = slotAtOrAfter(hours.nextOpening(slot));
    }
    throw new IllegalStateException(
        "No transmission of " + this + " fits its working hours after " + after);
  }

  private Instant slotAtOrAfter(Instant time) {
    long step = interval.toMillis();
    long since = time.toEpochMilli() - offset.toMillis();
    long k = Math.floorDiv(since + step - 1, step);
    return Instant.ofEpochMilli(k * step + offset.toMillis());
  }
}
