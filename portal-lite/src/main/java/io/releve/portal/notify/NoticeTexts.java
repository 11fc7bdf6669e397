package io.releve.portal.notify;

import io.releve.portal.mail.Mail;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The e-mails and SMS of notices, in the account's language (French unless it chose English), from
 * the {@code notify} bundle. Figures are shown as the reader writes them ({@code 0,355} in French),
 * every decimal the gateway sent kept; times are in the sites' zone.
 */
final class NoticeTexts {

  /** The path of the alerts page, appended to the portal's base URL. */
  static final String ALERTS_PAGE = "/alertes";

  /** The path of the documents page. */
  static final String DOCUMENTS_PAGE = "/documents";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final Function<Lang, Messages> messages;
  private final String baseUrl;
  private final ZoneId zone;

  /**
   * @param baseUrl the portal as residents reach it, without a trailing slash
   * @param zone the sites' zone, for dates and times
   */
  NoticeTexts(Function<Lang, Messages> messages, String baseUrl, ZoneId zone) {
    this.messages = messages;
    this.baseUrl = baseUrl;
    this.zone = zone;
  }

  /** The e-mail telling {@code to} about {@code alert}. */
  Mail alertMail(Recipient to, LeakAlert alert) {
    Messages m = messages(to);
    Locale locale = m.lang().locale();
    ZonedDateTime since = alert.start().atZone(zone);
    String serial = serial(m, alert);
    if (alert.isLeak()) {
      String level = String.valueOf(alert.level());
      return new Mail(
          to.email(),
          m.get("notify.mail.alert.subject", level, serial),
          m.get(
              "notify.mail.alert.text",
              to.firstName(),
              fluid(m, alert),
              serial,
              level,
              m.get("notify.level." + level),
              date(since, m.lang()),
              since.format(TIME),
              Notation.number(alert.totalLossM3(), locale),
              Notation.number(alert.averageFlowLph(), locale),
              baseUrl + ALERTS_PAGE));
    }
    return new Mail(
        to.email(),
        m.get("notify.mail.alarm.subject", serial),
        m.get(
            "notify.mail.alarm.text",
            to.firstName(),
            fluid(m, alert),
            serial,
            condition(m, alert),
            date(since, m.lang()),
            since.format(TIME),
            baseUrl + ALERTS_PAGE));
  }

  /** The SMS telling {@code to} about {@code alert}: the figures that fit, and the link. */
  Sms alertSms(Recipient to, LeakAlert alert) {
    Messages m = messages(to);
    ZonedDateTime since = alert.start().atZone(zone);
    String text =
        alert.isLeak()
            ? m.get(
                "notify.sms.alert",
                String.valueOf(alert.level()),
                serial(m, alert),
                fluid(m, alert),
                date(since, m.lang()),
                since.format(TIME),
                Notation.number(alert.totalLossM3(), m.lang().locale()),
                baseUrl + ALERTS_PAGE)
            : m.get(
                "notify.sms.alarm",
                condition(m, alert),
                serial(m, alert),
                fluid(m, alert),
                date(since, m.lang()),
                since.format(TIME),
                baseUrl + ALERTS_PAGE);
    return new Sms(to.phone(), text);
  }

  /** The e-mail telling the resident of a new document. */
  Mail documentMail(NewDocument document) {
    Recipient to = document.recipient();
    Messages m = messages(to);
    return new Mail(
        to.email(),
        m.get("notify.mail.document.subject", document.title()),
        m.get(
            "notify.mail.document.text",
            to.firstName(),
            document.title(),
            month(document.period(), m.lang()),
            baseUrl + DOCUMENTS_PAGE));
  }

  /** The SMS telling the resident of a new document. */
  Sms documentSms(NewDocument document) {
    Recipient to = document.recipient();
    Messages m = messages(to);
    return new Sms(
        to.phone(), m.get("notify.sms.document", document.title(), baseUrl + DOCUMENTS_PAGE));
  }

  private Messages messages(Recipient to) {
    return messages.apply(Lang.fromCode(to.lang().value()).orElse(Lang.DEFAULT));
  }

  private static String fluid(Messages m, LeakAlert alert) {
    String key = "notify.fluid." + alert.medium();
    return m.has(key) ? m.get(key) : m.get("notify.fluid.unknown");
  }

  private static String serial(Messages m, LeakAlert alert) {
    return alert.serial() == null ? m.get("notify.serial.unknown") : alert.serial();
  }

  /** What the meter reports, in words when known; a leak without its figures says "leak". */
  private static String condition(Messages m, LeakAlert alert) {
    String what =
        alert.condition() == null || alert.condition().isEmpty() ? alert.type() : alert.condition();
    String key = "notify.condition." + what;
    return m.has(key) ? m.get(key) : what;
  }

  /** {@code 12/11/2026} in French, {@code 12 November 2026} in English. */
  static String date(ZonedDateTime at, Lang lang) {
    String pattern = lang == Lang.EN ? "d MMMM yyyy" : "dd/MM/yyyy";
    return at.format(DateTimeFormatter.ofPattern(pattern, lang.locale()));
  }

  /** {@code novembre 2026} in French, {@code November 2026} in English. */
  static String month(String period, Lang lang) {
    return YearMonth.parse(period).format(DateTimeFormatter.ofPattern("MMMM yyyy", lang.locale()));
  }
}
