package io.releve.portal.account;

import java.time.Instant;
import java.util.Objects;

/**
 * The time range of one dwelling's consumption data that an account may see: from {@code from}
 * (included) to {@code until} (excluded), or without end while the resident still lives there.
 *
 * @param dwelling the dwelling's id
 * @param from 00:00 of the move-in day in the site's zone
 * @param until 00:00 of the day after the move-out in the site's zone; null while there is no
 *     move-out
 */
public record Window(long dwelling, Instant from, Instant until) {

  public Window {
    Objects.requireNonNull(from, "from");
    if (until != null && !until.isAfter(from)) {
      throw new IllegalArgumentException("A window ends after it starts: " + from + " " + until);
    }
  }

  /** Whether {@code at} lies inside the window. */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && (until == null || at.isBefore(until));
  }

  /** {@link #from} in epoch milliseconds, as the store keeps times. */
  public long fromMillis() {
    return from.toEpochMilli();
  }

  /** {@link #until} in epoch milliseconds, or {@link Long#MAX_VALUE} while open. */
  public long untilMillis() {
    return until == null ? Long.MAX_VALUE : until.toEpochMilli();
  }
}
