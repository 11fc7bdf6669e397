package io.releve.gateway.leak;

import java.util.Optional;

/**
 * The residents' guide's three leak levels, "determined by the minimum flow observed" (DESIGN
 * §3.3). The guide writes level 3 as 12–20 L/h; any minimum flow of 12 L/h or more is level 3 here,
 * since a larger one is no less a leak.
 */
public enum LeakLevel {
  /** [4, 8) L/h: a drip. */
  LEVEL_1(1, 4.0),
  /** [8, 12) L/h: a trickle. */
  LEVEL_2(2, 8.0),
  /** 12 L/h and more: an open tap, a running WC. */
  LEVEL_3(3, 12.0);

  private final int number;
  private final double fromLitresPerHour;

  LeakLevel(int number, double fromLitresPerHour) {
    this.number = number;
    this.fromLitresPerHour = fromLitresPerHour;
  }

  /** 1, 2 or 3, as the guide numbers them. */
  public int number() {
    return number;
  }

  /** The lowest minimum flow of this level, L/h (inclusive). */
  public double fromLitresPerHour() {
    return fromLitresPerHour;
  }

  /** The level of a day whose minimum flow is {@code litresPerHour}; empty below 4 L/h. */
  public static Optional<LeakLevel> ofMinimumFlow(double litresPerHour) {
    LeakLevel found = null;
    for (LeakLevel level : values()) {
      if (litresPerHour >= level.fromLitresPerHour) {
        found = level;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The level numbered {@code number} (1 to 3). */
  public static LeakLevel ofNumber(int number) {
    for (LeakLevel level : values()) {
      if (level.number == number) {
        return level;
      }
    }
    throw new IllegalArgumentException("Leak level [" + number + "] is not 1, 2 or 3.");
  }
}
