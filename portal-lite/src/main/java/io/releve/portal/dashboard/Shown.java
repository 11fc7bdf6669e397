package io.releve.portal.dashboard;

import io.releve.portal.usage.UsageUnit;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes its figures: in the reader's notation, with their unit. */
final class Shown {

  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter FRENCH_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter ENGLISH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** What an unknown figure reads (no reading gave it), never 0. */
  static final String UNKNOWN = "—";

  private Shown() {}

  /** {@code 5,000 m³}, {@code 12 U}, {@code 1.5 kWh}; {@link #UNKNOWN} for null. */
  static String amount(BigDecimal value, UsageUnit unit, Messages m) {
    if (value == null) {
      return UNKNOWN;
    }
    return number(value, m) + "\u00a0" + unit.symbol();
  }

  /** Every decimal of {@code value}, in the language's notation. */
  static String number(BigDecimal value, Messages m) {
    return Notation.number(value.toPlainString(), m.lang().locale());
  }

  /** When something happened, on the site's clock: {@code 12/11/2026 09:30}. */
  static String time(Instant at, ZoneId zone, Messages m) {
    return (m.lang() == Lang.FR ? FRENCH_TIME : ENGLISH_TIME).format(at.atZone(zone));
  }

  static String day(LocalDate day, Messages m) {
    return (m.lang() == Lang.FR ? FRENCH_DAY : ENGLISH_DAY).format(day);
  }
}
