package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * How a resident relates to the dwelling; an owner lessor never sees consumption data. Stored and
 * posted as {@link #value()}.
 */
public enum Role {
  OCCUPANT,
  OWNER_OCCUPANT,
  OWNER_LESSOR;

  /** The column's and the form's value: the name in lower case, such as {@code "occupant"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<Role> parse(String value) {
    for (Role constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static Role fromColumn(String value) {
    return parse(value)
        .orElseThrow(() -> new IllegalStateException("Unknown Role [" + value + "] in the store"));
  }

  /** Whether this role may see the dwelling's consumption data (an owner lessor never does). */
  public boolean seesData() {
    return this != OWNER_LESSOR;
  }

  /** Whether this role lives in the dwelling, so that it counts as its occupant. */
  public boolean occupies() {
    return this != OWNER_LESSOR;
  }
}
