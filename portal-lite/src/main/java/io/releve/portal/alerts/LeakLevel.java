package io.releve.portal.alerts;

import java.util.Optional;

/**
 * The residents' guide's three leak levels, decided by the minimum flow over a day (DESIGN §3.3).
 * Level 3 has no upper bound (the guide writes 12–20 L/h; a larger minimum is no less a leak).
 */
public enum LeakLevel {
  /** Level 1: 4 L/h included to 8 L/h excluded, a dripping tap. */
  DRIP(1, 4, 8),
  /** Level 2: 8 L/h included to 12 L/h excluded, a trickle. */
  TRICKLE(2, 8, 12),
  /** Level 3: 12 L/h and more, an open tap or a running WC. */
  OPEN_TAP(3, 12, null);

  private final int number;
  private final int fromLph;
  private final Integer untilLph;

  LeakLevel(int number, int fromLph, Integer untilLph) {
    this.number = number;
    this.fromLph = fromLph;
    this.untilLph = untilLph;
  }

  /** 1, 2 or 3, as the contract and the guide number them. */
  public int number() {
    return number;
  }

  /** The lowest minimum flow of the level in L/h, included. */
  public int fromLph() {
    return fromLph;
  }

  /** The minimum flow in L/h where the next level starts; empty for the last level. */
  public Optional<Integer> untilLph() {
    return Optional.ofNullable(untilLph);
  }

  /** The level numbered {@code number}; empty for null or a number outside 1–3. */
  public static Optional<LeakLevel> of(Integer number) {
    for (LeakLevel level : values()) {
      if (number != null && level.number == number) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
