package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * A consent choice about the manager's access to daily consumption data. Stored and posted as
 * {@link #value()}.
 */
public enum Choice {
  GRANTED,
  WITHDRAWN;

  /** The column's and the form's value: the name in lower case, such as {@code "granted"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<Choice> parse(String value) {
    for (Choice constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static Choice fromColumn(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalStateException("Unknown Choice [" + value + "] in the store"));
  }
}
