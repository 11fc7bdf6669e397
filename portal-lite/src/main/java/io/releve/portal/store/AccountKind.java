package io.releve.portal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Who an account is: a resident (occupant or owner) or a landlord's manager. Stored and posted as
 * {@link #value()}.
 */
public enum AccountKind {
  RESIDENT,
  MANAGER;

  /** The column's and the form's value: the name in lower case, such as {@code "resident"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant whose {@link #value()} is {@code value}; empty for anything else or null. */
  public static Optional<AccountKind> parse(String value) {
    for (AccountKind constant : values()) {
      if (constant.value().equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  static AccountKind fromColumn(String value) {
    return parse(value)
        .orElseThrow(
            () -> new IllegalStateException("Unknown AccountKind [" + value + "] in the store"));
  }
}
