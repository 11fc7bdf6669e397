package io.releve.gateway.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time given on the command line: an ISO date ({@code 2026-01-31}) or date-time ({@code
 * 2026-01-31T08:00}, {@code 2026-01-31T08:00:00Z}, {@code 2026-01-31T09:00:00+01:00}). Without an
 * offset it is UTC, like every time the CLI prints.
 */
final class TimeArgument {

  /** The instant a start bound stands for: a date means its first instant. */
  static Instant start(String text) {
    return parse(text, false);
  }

  /** The instant an end bound stands for: a date means the whole day, up to the next midnight. */
  static Instant end(String text) {
    return parse(text, true);
  }

  private static Instant parse(String text, boolean end) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          LocalDate date = LocalDate.parse(text);
          return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException(
              "[" + text + "] is not an ISO date (2026-01-31) or date-time (2026-01-31T08:00:00Z)",
              notDate);
        }
      }
    }
  }

  private TimeArgument() {}
}
