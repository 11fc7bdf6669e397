package io.releve.portal.notify;

import java.util.Locale;

/** How a notice reaches a resident; stored as {@link #value()} in {@code notifications}. */
enum Channel {
  EMAIL,
  SMS;

  /** The column's value: {@code email} or {@code sms}. */
  String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
