package io.releve.portal.web;

import java.util.Locale;

/** Who a logged-in session belongs to; the values of {@code accounts.kind}. */
public enum AccountKind {
  RESIDENT,
  MANAGER;

  /** {@code resident} or {@code manager}, as stored. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind stored as {@code code}.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static AccountKind fromCode(String code) {
    for (AccountKind kind : values()) {
      if (kind.code().equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown account kind [" + code + "]");
  }
}
