package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What a single-use link is for: activation (24 h) or password reset (1 h). Stored and posted as
 * {@link #value()}.
 */
public enum TokenPurpose {
  ACTIVATION,
  RESET;

  /** The column's and the form's value: the name in lower case, such as {@code "activation"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<TokenPurpose> parse(String value) {
    for (TokenPurpose constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static TokenPurpose fromColumn(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalStateException("Unknown TokenPurpose [" + value + "] in the store"));
  }
}
