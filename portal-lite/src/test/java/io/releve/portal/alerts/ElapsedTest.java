package io.releve.portal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The duration wording of the alerts page, on the site's calendar, in both languages. */
class ElapsedTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Messages FR = Messages.load(Lang.FR);
  private static final Messages EN = Messages.load(Lang.EN);

  private static String fr(String start, String now) {
    return Elapsed.between(Instant.parse(start), Instant.parse(now), PARIS).words(FR);
  }

  private static String en(String start, String now) {
    return Elapsed.between(Instant.parse(start), Instant.parse(now), PARIS).words(EN);
  }

  @Test
  void words_underAnHour_sayLessThanAnHour() {
    assertEquals("moins d’une heure", fr("2026-11-12T08:00:00Z", "2026-11-12T08:59:59Z"));
    assertEquals("less than an hour", en("2026-11-12T08:00:00Z", "2026-11-12T08:59:59Z"));
  }

  @Test
  void words_nowBeforeTheStart_sayLessThanAnHour() {
    assertEquals("moins d’une heure", fr("2026-11-12T08:00:00Z", "2026-11-12T07:00:00Z"));
  }

  @Test
  void words_underADay_countWholeHoursWithTheirPlural() {
    assertEquals("1 heure", fr("2026-11-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("1 hour", en("2026-11-12T08:00:00Z", "2026-11-12T09:59:00Z"));
    assertEquals("23 heures", fr("2026-11-12T08:00:00Z", "2026-11-13T07:59:59Z"));
    assertEquals("23 hours", en("2026-11-12T08:00:00Z", "2026-11-13T07:59:59Z"));
  }

  @Test
  void words_underAMonth_countWholeDays() {
    assertEquals("1 jour", fr("2026-11-12T08:00:00Z", "2026-11-13T08:00:00Z"));
    assertEquals("1 day", en("2026-11-12T08:00:00Z", "2026-11-13T08:00:00Z"));
    assertEquals("12 jours", fr("2026-11-01T08:00:00Z", "2026-11-13T09:00:00Z"));
    assertEquals("12 days", en("2026-11-01T08:00:00Z", "2026-11-13T09:00:00Z"));
    // 31 January to 28 February is not yet a month: the next 31st never came
    assertEquals("28 jours", fr("2026-01-31T10:00:00Z", "2026-02-28T10:00:00Z"));
  }

  @Test
  void words_acrossTheClockChange_countCalendarDays() {
    // 28 March 14:00 (UTC+1) to 29 March 14:00 (UTC+2) in Paris: 23 real hours, one calendar day
    assertEquals("1 jour", fr("2026-03-28T13:00:00Z", "2026-03-29T12:00:00Z"));
  }

  @Test
  void words_underAYear_countWholeMonths() {
    // 10:00 in Paris on both days (summer time, then winter time)
    assertEquals("1 mois", fr("2026-10-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("1 month", en("2026-10-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("11 mois", fr("2025-12-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("11 months", en("2025-12-12T08:00:00Z", "2026-11-12T09:00:00Z"));
  }

  @Test
  void words_aYearOrMore_countYearsAndTheMonthsLeft() {
    assertEquals("1 an", fr("2025-11-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("1 year", en("2025-11-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("1 an et 3 mois", fr("2025-08-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("1 year and 3 months", en("2025-08-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("2 ans et 1 mois", fr("2024-10-12T08:00:00Z", "2026-11-12T09:00:00Z"));
    assertEquals("2 years and 1 month", en("2024-10-12T08:00:00Z", "2026-11-12T09:00:00Z"));
  }

  @Test
  void since_theGuidesExample_readsAsTheGuideWritesIt() {
    Alert alert = leak("2022-03-11T07:00:00Z", "1.71", "0.355");
    Instant now = Instant.parse("2022-09-20T10:00:00Z");

    assertEquals("depuis le 11/03/2022 (6 mois)", new AlertTexts(FR, PARIS).since(alert, now));
    assertEquals("since 2022-03-11 (6 months)", new AlertTexts(EN, PARIS).since(alert, now));
  }

  @Test
  void since_anOnsetLateInTheEvening_isTheSiteDayNotTheUtcDay() {
    // 23:30 UTC on 10 March is 00:30 on 11 March in Paris
    Alert alert = leak("2022-03-10T23:30:00Z", "1.71", "0.355");

    assertEquals(
        "depuis le 11/03/2022 (2 jours)",
        new AlertTexts(FR, PARIS).since(alert, Instant.parse("2022-03-13T00:00:00Z")));
  }

  @Test
  void figures_keepEveryDecimalInTheReadersNotation() {
    Alert alert = leak("2022-03-11T07:00:00Z", "1.70", "1234.500");

    // French groups thousands with a narrow no-break space
    assertEquals("1\u202f234,500 m³", new AlertTexts(FR, PARIS).loss(alert.totalLossM3()));
    assertEquals("1,70 L/h", new AlertTexts(FR, PARIS).flow(alert.averageFlowLph()));
    assertEquals("1,234.500 m³", new AlertTexts(EN, PARIS).loss(alert.totalLossM3()));
    assertEquals("1.70 L/h", new AlertTexts(EN, PARIS).flow(alert.averageFlowLph()));
    assertEquals("—", new AlertTexts(EN, PARIS).loss(null));
  }

  private static Alert leak(String start, String flow, String loss) {
    return new Alert(
        "gw-1",
        "e1",
        1,
        "SEN-12345601-68-16",
        "12345601",
        "cold_water",
        "leak",
        "",
        1,
        Instant.parse(start),
        Instant.parse(start),
        null,
        new BigDecimal(loss),
        new BigDecimal(flow),
        "flow");
  }
}
