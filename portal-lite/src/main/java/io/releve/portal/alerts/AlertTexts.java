package io.releve.portal.alerts;

import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the alerts page writes an alert, in the reader's language: its type and level, since when,
 * its figures in the reader's notation ({@code 0,355 m³} in French, {@code 0.355 m³} in English),
 * the meter's fluid. Dates are the site's calendar days: {@code 11/03/2022} in French, {@code
 * 2022-03-11} in English, as on the manager's pages.
 */
final class AlertTexts {

  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter FRENCH_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter ENGLISH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Shown for a figure an alert does not have (a meter alarm's loss). */
  static final String NONE = "—";

  private final Messages m;
  private final ZoneId zone;

  AlertTexts(Messages m, ZoneId zone) {
    this.m = m;
    this.zone = zone;
  }

  /**
   * What happened: "Fuite de niveau 1 (goutte-à-goutte)", "Alarme du compteur : rupture", "Compteur
   * non entendu", or the stored word for a type this portal does not know.
   */
  String type(Alert alert) {
    return switch (alert.kind()) {
      case LEAK ->
          alert
              .leakLevel()
              .map(
                  level ->
                      m.get(
                          "alerts.type.leak.level",
                          level.number(),
                          m.get(levelKey(level) + ".name")))
              .orElse(m.get("alerts.type.leak"));
      case METER_ALARM -> m.get("alerts.type.meter_alarm", condition(alert.condition()));
      case NOT_HEARD -> m.get("alerts.type.not_heard");
      case OTHER -> m.get("alerts.type.other", alert.type());
    };
  }

  static String levelKey(LeakLevel level) {
    return "alerts.level." + level.number();
  }

  private String condition(String condition) {
    String word = condition == null || condition.isEmpty() ? "alarm" : condition;
    String key = "alerts.condition." + word;
    return m.has(key) ? m.get(key) : word;
  }

  /** "depuis le 11/03/2022 (6 mois)", "since 2022-03-11 (6 months)". */
  String since(Alert alert, Instant now) {
    return m.get(
        "alerts.since", day(alert.start()), Elapsed.between(alert.start(), now, zone).words(m));
  }

  /** The site's calendar day of {@code at}. */
  String day(Instant at) {
    return m.lang() == Lang.FR
        ? FRENCH_DAY.format(at.atZone(zone))
        : at.atZone(zone).toLocalDate().toString();
  }

  /** The site's date and time of {@code at}, to the minute. */
  String time(Instant at) {
    return (m.lang() == Lang.FR ? FRENCH_TIME : ENGLISH_TIME).format(at.atZone(zone));
  }

  /** "0,355 m³", or a dash when the alert has no loss. */
  String loss(BigDecimal m3) {
    return m3 == null ? NONE : number(m3) + " m³";
  }

  /** "1,71 L/h", or a dash when the alert has no flow. */
  String flow(BigDecimal lph) {
    return lph == null ? NONE : number(lph) + " L/h";
  }

  private String number(BigDecimal value) {
    return Notation.number(value.toPlainString(), m.lang().locale());
  }

  /** "eau froide", "cold water"…; the medium's word when it has no text, a dash when unknown. */
  String fluid(String medium) {
    if (medium == null || medium.isEmpty()) {
      return NONE;
    }
    String key = "alerts.fluid." + medium;
    return m.has(key) ? m.get(key) : medium;
  }

  /** The serial printed on the meter, else its link-layer key. */
  static String serial(Alert alert) {
    return alert.printedSerial() == null || alert.printedSerial().isEmpty()
        ? alert.device()
        : alert.printedSerial();
  }
}
