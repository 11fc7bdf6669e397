package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of an account's pages and mails; French first. Stored and posted as {@link
 * #value()}.
 */
public enum Lang {
  FR,
  EN;

  /** The column's and the form's value: the name in lower case, such as {@code "fr"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<Lang> parse(String value) {
    for (Lang constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static Lang fromColumn(String value) {
    return parse(value)
        .orElseThrow(() -> new IllegalStateException("Unknown Lang [" + value + "] in the store"));
  }
}
