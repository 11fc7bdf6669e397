package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an enrolment stands; only {@code ACTIVE} gives access. Stored and posted as {@link
 * #value()}.
 */
public enum ResidencyState {
  PENDING,
  ACTIVE,
  ENDED,
  REJECTED,
  LAPSED;

  /** The column's and the form's value: the name in lower case, such as {@code "pending"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<ResidencyState> parse(String value) {
    for (ResidencyState constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static ResidencyState fromColumn(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalStateException("Unknown ResidencyState [" + value + "] in the store"));
  }
}
