package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Who recorded a consent row: the resident, or a manager on the resident's behalf. Stored and
 * posted as {@link #value()}.
 */
public enum Recorder {
  RESIDENT,
  MANAGER;

  /** The column's and the form's value: the name in lower case, such as {@code "resident"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<Recorder> parse(String value) {
    for (Recorder constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static Recorder fromColumn(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalStateException("Unknown Recorder [" + value + "] in the store"));
  }
}
