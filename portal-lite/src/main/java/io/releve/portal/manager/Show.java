package io.releve.portal.manager;

import io.releve.portal.store.Consent;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the manager's pages write dates, consent states and totals. */
final class Show {

  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private Show() {}

  /** {@code 12/11/2026} in French, {@code 2026-11-12} in English; empty for null. */
  static String date(LocalDate date, Lang lang) {
    if (date == null) {
      return "";
    }
    return lang == Lang.FR ? FRENCH.format(date) : date.toString();
  }

  static String date(Instant at, ZoneId zone, Lang lang) {
    return date(LocalDate.ofInstant(at, zone), lang);
  }

  /** {@code 12/11/2026 10:05} in French, {@code 2026-11-12 10:05} in English, in {@code zone}. */
  static String dateTime(Instant at, ZoneId zone, Lang lang) {
    return date(at, zone, lang) + " " + TIME.format(at.atZone(zone));
  }

  /** The fluid a medium code names ({@code cold_water}: "eau froide"); an unknown code as is. */
  static String medium(String medium, Messages messages) {
    if (medium == null) {
      return "—";
    }
    String key = "manager.medium." + medium;
    return messages.has(key) ? messages.get(key) : medium;
  }

  /**
   * An exact decimal in the reader's notation with its unit ({@code 0,355 m³}); a dash for null.
   */
  static String figure(String decimal, String unit, Lang lang) {
    return decimal == null ? "—" : Notation.number(decimal, lang.locale()) + " " + unit;
  }

  /** The current choice, its date and who recorded it; "no choice yet" before any. */
  static String consent(Optional<Consent> consent, Messages messages, ZoneId zone) {
    if (consent.isEmpty()) {
      return messages.get("manager.consent.none");
    }
    Consent current = consent.get();
    return messages.get(
        "manager.consent.state",
        messages.get("manager.consent.choice." + current.choice().value()),
        date(current.recordedAt(), zone, messages.lang()),
        messages.get("manager.consent.by." + current.recorder().value()));
  }

  /** {@code water (m3): 12.5; heat (units): 340}, or a dash when nothing was measured. */
  static String totals(Map<String, BigDecimal> totals) {
    if (totals.isEmpty()) {
      return "—";
    }
    return totals.entrySet().stream()
        .map(e -> e.getKey() + " : " + e.getValue().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(" ; "));
  }
}
