package io.releve.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * "Not heard" against a weekly transmit pattern, in the local time of Europe/Paris. 1 January 2024
 * is a Monday; in 2024 Paris clocks went forward on 31 March (02:00 CET to 03:00 CEST) and back on
 * 27 October (03:00 CEST to 02:00 CET).
 */
class TransmitPatternTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void meterNeverHeard_isNotNotHeard() {
    Silence silence = new TransmitPattern(PARIS).evaluate(at("2024-01-10T10:00"));
    assertFalse(silence.notHeard());
    assertEquals(Optional.empty(), silence.lastHeard());
  }

  // --- a meter that sends around the clock

  @Test
  void aroundTheClockMeterSilentFiveFullHours_isHeard() {
    TransmitPattern pattern = aroundTheClockUntil("2024-01-29T10:20");
    Silence silence = pattern.evaluate(at("2024-01-29T16:59:59"));
    assertFalse(silence.notHeard());
    assertEquals(5, silence.missedSlots()); // 11:00 to 16:00; 10:00 is the last reception's hour
    assertEquals(168, silence.activeSlots());
    assertFalse(silence.learning());
  }

  @Test
  void aroundTheClockMeterSilentSixFullHours_isNotHeardSinceItsLastReception() {
    TransmitPattern pattern = aroundTheClockUntil("2024-01-29T10:20");
    Silence silence = pattern.evaluate(at("2024-01-29T17:00"));
    assertTrue(silence.notHeard());
    assertEquals(6, silence.missedSlots());
    assertEquals(Optional.of(at("2024-01-29T10:20")), silence.lastHeard());
  }

  @Test
  void meterNotHeard_isClearedWhenHeardAgain() {
    TransmitPattern pattern = aroundTheClockUntil("2024-01-29T10:20");
    assertTrue(pattern.evaluate(at("2024-01-30T09:00")).notHeard());
    pattern.heard(at("2024-01-30T09:10"));
    Silence silence = pattern.evaluate(at("2024-01-30T09:11"));
    assertFalse(silence.notHeard());
    assertEquals(0, silence.missedSlots());
    assertEquals(Optional.of(at("2024-01-30T09:10")), silence.lastHeard());
  }

  @Test
  void clockSetBackBeforeTheLastReception_isNoSilence() {
    TransmitPattern pattern = aroundTheClockUntil("2024-01-29T10:20");
    Silence silence = pattern.evaluate(at("2024-01-20T10:00"));
    assertFalse(silence.notHeard());
    assertEquals(0, silence.missedSlots());
  }

  @Test
  void receptionOutOfOrder_keepsTheLastReception() {
    TransmitPattern pattern = aroundTheClockUntil("2024-01-29T10:20");
    pattern.heard(at("2024-01-29T08:20"));
    assertEquals(
        Optional.of(at("2024-01-29T10:20")), pattern.evaluate(at("2024-01-29T11:00")).lastHeard());
  }

  // --- a meter that sends in working hours, Monday to Friday 8:00–18:00

  @Test
  void workingHoursMeterSilentOverTheWeekend_isHeard() {
    TransmitPattern pattern = workingHoursUntil("2024-01-26T17:20"); // a Friday
    Silence silence = pattern.evaluate(at("2024-01-29T07:59"));
    assertFalse(silence.notHeard());
    assertEquals(0, silence.missedSlots());
    assertEquals(50, silence.activeSlots());
  }

  @Test
  void workingHoursMeterSilentMondayFrom8To14_isNotHeard() {
    TransmitPattern pattern = workingHoursUntil("2024-01-26T17:20");
    assertFalse(pattern.evaluate(at("2024-01-29T13:59")).notHeard());
    Silence silence = pattern.evaluate(at("2024-01-29T14:00"));
    assertTrue(silence.notHeard());
    assertEquals(6, silence.missedSlots());
  }

  // --- a meter that sends on a set day: Wednesdays at 10:00

  @Test
  void setDayMeterMissingOneWednesday_isHeard() {
    TransmitPattern pattern = wednesdaysUntil("2024-01-24T10:05");
    Silence silence = pattern.evaluate(at("2024-02-07T10:59"));
    assertFalse(silence.notHeard());
    assertEquals(1, silence.missedSlots());
    assertEquals(1, silence.activeSlots());
  }

  @Test
  void setDayMeterMissingTwoWednesdays_isNotHeard() {
    TransmitPattern pattern = wednesdaysUntil("2024-01-24T10:05");
    Silence silence = pattern.evaluate(at("2024-02-07T11:00"));
    assertTrue(silence.notHeard());
    assertEquals(2, silence.missedSlots());
  }

  @Test
  void setDayMeterSilentSixDaysAfterLearning_isHeard() {
    Silence silence = wednesdaysUntil("2024-01-24T10:05").evaluate(at("2024-01-30T10:05"));
    assertFalse(silence.learning());
    assertFalse(silence.notHeard());
  }

  // --- learning

  @Test
  void meterHeardOnceSilent47Hours_isHeard() {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    pattern.heard(at("2024-01-01T10:20"));
    Silence silence = pattern.evaluate(at("2024-01-03T09:20"));
    assertTrue(silence.learning());
    assertFalse(silence.notHeard());
  }

  @Test
  void meterHeardOnceSilent48Hours_isNotHeard() {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    pattern.heard(at("2024-01-01T10:20"));
    Silence silence = pattern.evaluate(at("2024-01-03T10:20"));
    assertTrue(silence.learning());
    assertTrue(silence.notHeard());
  }

  @Test
  void meterHeardOnceThenSilentTenDays_staysNotHeard() {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    pattern.heard(at("2024-01-01T10:20"));
    for (String day : new String[] {"2024-01-08T11:00", "2024-01-09T10:00", "2024-01-11T10:00"}) {
      Silence silence = pattern.evaluate(at(day));
      assertTrue(silence.learning(), day);
      assertTrue(silence.notHeard(), day);
    }
  }

  @Test
  void patternSpanningLessThanAWeek_isStillLearning() {
    TransmitPattern pattern =
        heardEveryHour("2024-01-01T00:00", "2024-01-07T23:00", time -> true); // 6 days 22 hours
    Silence silence = pattern.evaluate(at("2024-01-08T08:00")); // 8 missed hours
    assertTrue(silence.learning());
    assertFalse(silence.notHeard());
  }

  @Test
  void patternSpanningAWeek_isTrusted() {
    TransmitPattern pattern =
        heardEveryHour("2024-01-01T00:00", "2024-01-08T01:00", time -> true); // 7 days
    Silence silence = pattern.evaluate(at("2024-01-08T08:00"));
    assertFalse(silence.learning());
    assertTrue(silence.notHeard());
  }

  // --- slots age out

  @Test
  void slotHeardOnlyFiveWeeksAgo_isNoLongerActive() {
    // Tuesdays at 10:00 until 23 January, then Thursdays at 10:00 until 29 February
    TransmitPattern pattern =
        heardEveryHour(
            "2024-01-01T00:00", "2024-01-24T00:00", tuesdayOrThursdayAt10(DayOfWeek.TUESDAY));
    heardEveryHour(
        pattern, "2024-01-24T00:00", "2024-02-29T11:00", tuesdayOrThursdayAt10(DayOfWeek.THURSDAY));
    Silence silence = pattern.evaluate(at("2024-03-05T11:00")); // a Tuesday
    assertEquals(1, silence.activeSlots());
    assertEquals(0, silence.missedSlots());
    assertTrue(pattern.evaluate(at("2024-03-14T11:00")).notHeard()); // two Thursdays missed
  }

  @Test
  void slotHeardInTheFourthWeekBeforeTheLastReception_isStillActive() {
    // Tuesdays at 10:00 until 23 January, then Thursdays until 15 February: three weeks later
    TransmitPattern pattern =
        heardEveryHour(
            "2024-01-01T00:00", "2024-01-24T00:00", tuesdayOrThursdayAt10(DayOfWeek.TUESDAY));
    heardEveryHour(
        pattern, "2024-01-24T00:00", "2024-02-15T11:00", tuesdayOrThursdayAt10(DayOfWeek.THURSDAY));
    Silence silence = pattern.evaluate(at("2024-02-20T11:00")); // a Tuesday
    assertEquals(2, silence.activeSlots());
    assertEquals(1, silence.missedSlots());
  }

  // --- daylight saving time

  @Test
  void receptionsAroundClockChanges_fallInTheirLocalHourOfTheWeek() {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    pattern.heard(Instant.parse("2024-03-31T01:30:00Z")); // Sunday 03:30 CEST
    pattern.heard(Instant.parse("2024-10-27T00:30:00Z")); // Sunday 02:30 CEST
    pattern.heard(Instant.parse("2024-10-27T01:30:00Z")); // Sunday 02:30 CET, the same hour again
    int[] weeks = pattern.state().lastWeekHeard();
    int sunday = 6 * 24;
    assertTrue(weeks[sunday + 3] > 0);
    assertTrue(weeks[sunday + 2] > 0);
    assertEquals(2, Arrays.stream(weeks).filter(week -> week > 0).count());
  }

  @Test
  void aroundTheClockMeterSilentWhenClocksGoForward_missesOnlyHoursThatExist() {
    TransmitPattern pattern =
        heardEveryHour("2024-03-03T00:00", "2024-03-31T01:00", time -> true); // last 00:20 CET
    Silence fiveHours = pattern.evaluate(at("2024-03-31T07:59")); // 01, 03, 04, 05, 06
    assertEquals(5, fiveHours.missedSlots());
    assertFalse(fiveHours.notHeard());
    Silence sixHours = pattern.evaluate(at("2024-03-31T08:00"));
    assertEquals(6, sixHours.missedSlots());
    assertTrue(sixHours.notHeard());
  }

  @Test
  void aroundTheClockMeterSilentWhenClocksGoBack_countsTheRepeatedHourOnce() {
    TransmitPattern pattern =
        heardEveryHour("2024-09-29T00:00", "2024-10-27T01:00", time -> true); // last 00:20 CEST
    assertEquals(
        1, pattern.evaluate(Instant.parse("2024-10-27T01:30:00Z")).missedSlots()); // 02:30 CET
    Silence fiveHours = pattern.evaluate(at("2024-10-27T06:59")); // 01, 02, 03, 04, 05
    assertEquals(5, fiveHours.missedSlots());
    assertFalse(fiveHours.notHeard());
    assertTrue(pattern.evaluate(at("2024-10-27T07:00")).notHeard());
  }

  @Test
  void workingHoursMeterAcrossAClockChange_keepsItsLocalHours() {
    TransmitPattern pattern = workingHoursFrom("2024-03-04T00:00", "2024-03-29T17:21");
    assertFalse(pattern.evaluate(at("2024-04-01T13:59")).notHeard());
    Silence silence = pattern.evaluate(at("2024-04-01T14:00"));
    assertTrue(silence.notHeard());
    assertEquals(6, silence.missedSlots());
  }

  @Test
  void longSilence_countsEveryMissedSlotOfEveryWeek() {
    TransmitPattern pattern = workingHoursUntil("2024-01-26T17:20");
    // 4 whole weeks of 50 working hours, then Monday 8:00–12:00
    assertEquals(4 * 50 + 4, pattern.evaluate(at("2024-02-26T12:00")).missedSlots());
  }

  @Test
  void receptionBefore1970_isRefusedAsAClockNeverSet() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TransmitPattern(PARIS).heard(Instant.parse("1969-12-31T23:59:59Z")));
    assertEquals(
        "Reception time [1969-12-31T23:59:59Z] is before 1970: the clock was not set.",
        e.getMessage());
  }

  // --- helpers

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  /** Heard at 20 past every hour from 1 January 2024 to {@code last}, which ends at :20. */
  private static TransmitPattern aroundTheClockUntil(String last) {
    return heardEveryHour("2024-01-01T00:00", last, time -> true);
  }

  static TransmitPattern workingHoursUntil(String last) {
    return workingHoursFrom("2024-01-01T00:00", last);
  }

  /** Heard at 20 past each hour from 8:00 to 17:00, Monday to Friday, up to {@code end}. */
  private static TransmitPattern workingHoursFrom(String start, String end) {
    return heardEveryHour(
        start,
        end,
        time -> time.getDayOfWeek().getValue() <= 5 && time.getHour() >= 8 && time.getHour() < 18);
  }

  /** Heard at 10:05 every Wednesday from 3 January 2024 to {@code last}. */
  private static TransmitPattern wednesdaysUntil(String last) {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    for (LocalDateTime time = LocalDateTime.parse("2024-01-03T10:05");
        !time.isAfter(LocalDateTime.parse(last));
        time = time.plusWeeks(1)) {
      pattern.heard(at(time.toString()));
    }
    return pattern;
  }

  private static Predicate<LocalDateTime> tuesdayOrThursdayAt10(DayOfWeek day) {
    return time -> time.getDayOfWeek() == day && time.getHour() == 10;
  }

  /**
   * A new pattern heard at 20 past each hour that {@code when} accepts, from {@code start} to
   * {@code end} included; hours that clocks going forward skip are not heard.
   */
  static TransmitPattern heardEveryHour(String start, String end, Predicate<LocalDateTime> when) {
    return heardEveryHour(new TransmitPattern(PARIS), start, end, when);
  }

  private static TransmitPattern heardEveryHour(
      TransmitPattern pattern, String start, String end, Predicate<LocalDateTime> when) {
    LocalDateTime stop = LocalDateTime.parse(end);
    for (LocalDateTime hour = LocalDateTime.parse(start);
        !hour.plusMinutes(20).isAfter(stop);
        hour = hour.plusHours(1)) {
      if (when.test(hour) && !PARIS.getRules().getValidOffsets(hour).isEmpty()) {
        pattern.heard(at(hour.plusMinutes(20).toString()));
      }
    }
    return pattern;
  }
}
