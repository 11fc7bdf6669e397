package io.releve.portal.export;

import io.releve.portal.usage.Fluid;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The figures and words of a statement, written the same way in the CSV and on the page. */
final class Texts {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private Texts() {}

  /**
   * An index as a spreadsheet of the language reads it: every decimal, no thousands separator, a
   * comma in French and a point in English.
   */
  static String decimal(BigDecimal value, Lang lang) {
    String plain = value.toPlainString();
    return lang == Lang.FR ? plain.replace('.', ',') : plain;
  }

  /** When a reading was received, on the site's clock: {@code 28/11/2026 07:05}. */
  static String readAt(Instant at, ZoneId zone) {
    return DAY_TIME.format(at.atZone(zone));
  }

  /** The printed unit ({@code m³}). */
  static String unit(String code) {
    return Notation.unit(code);
  }

  static String fluid(Fluid fluid, Messages m) {
    return m.get("export.fluid." + fluid.code());
  }

  /** The device's kind in words, or the medium's own name when we have no words for it. */
  static String medium(String medium, Messages m) {
    String key = "export.medium." + medium;
    return m.has(key) ? m.get(key) : medium;
  }
}
