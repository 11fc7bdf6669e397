package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * How an enrolment identified the dwelling; the takeover guard depends on it: serials and lots are
 * not secrets, the client reference is. Stored and posted as {@link #value()}.
 */
public enum Method {
  CLIENT_REF,
  SERIAL,
  LOT;

  /** The column's and the form's value: the name in lower case, such as {@code "client_ref"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<Method> parse(String value) {
    for (Method constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static Method fromColumn(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalStateException("Unknown Method [" + value + "] in the store"));
  }
}
