package io.releve.portal.notify;

import java.util.Locale;
import java.util.Optional;

/** The values of {@code portal.sms.sender}: which {@link SmsSender} the portal uses. */
public enum SmsSenderKind {
  /** Writes each message to the log (recipient masked): the default, and the only one for now. */
  LOG;

  /** The configuration's value: the name in lower case. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #value()} is {@code value}; empty for anything else. */
  public static Optional<SmsSenderKind> parse(String value) {
    for (SmsSenderKind kind : values()) {
      if (kind.value().equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** A new sender of this kind. */
  public SmsSender open() {
    return switch (this) {
      case LOG -> new LogSmsSender();
    };
  }
}
