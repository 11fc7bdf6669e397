package io.releve.gateway.sim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransmitScheduleTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void every16Seconds_sendsOnTheGridStrictlyAfterTheGivenInstant() {
    TransmitSchedule schedule = TransmitSchedule.every(Duration.ofSeconds(16));

    assertEquals(
        Instant.parse("2025-03-04T10:00:16Z"),
        schedule.next(Instant.parse("2025-03-04T10:00:00Z")));
    assertEquals(
        Instant.parse("2025-03-04T10:00:16Z"),
        schedule.next(Instant.parse("2025-03-04T10:00:03Z")));
  }

  @Test
  void anOffset_shiftsTheGrid() {
    TransmitSchedule schedule =
        TransmitSchedule.every(Duration.ofMinutes(2)).shiftedBy(Duration.ofSeconds(7));

    assertEquals(
        Instant.parse("2025-03-04T10:00:07Z"),
        schedule.next(Instant.parse("2025-03-04T09:59:59Z")));
    assertEquals(
        Instant.parse("2025-03-04T10:02:07Z"),
        schedule.next(Instant.parse("2025-03-04T10:00:07Z")));
  }

  @Test
  void workingHours_skipTheNightToSevenInTheMorning() {
    TransmitSchedule schedule =
        TransmitSchedule.every(Duration.ofHours(4)).during(WorkingHours.weekdays7To19(PARIS));

    // Tuesday 19:00 Paris is 18:00Z. Wednesday opens at 07:00 Paris (06:00Z), which is not on
    // the 4-hour UTC grid; the first grid instant after it is 08:00Z, 09:00 in Paris.
    Instant next = schedule.next(Instant.parse("2025-03-04T18:00:00Z"));

    assertEquals(Instant.parse("2025-03-05T08:00:00Z"), next);
  }

  @Test
  void workingHours_skipTheWeekendToMonday() {
    TransmitSchedule schedule =
        TransmitSchedule.every(Duration.ofSeconds(16)).during(WorkingHours.weekdays7To19(PARIS));

    // Friday 2025-03-07 19:00 Paris = 18:00Z; the next send is Monday 07:00 Paris = 06:00Z
    Instant next = schedule.next(Instant.parse("2025-03-07T18:00:00Z"));

    assertEquals(Instant.parse("2025-03-10T06:00:00Z"), next);
  }

  @Test
  void inWorkingHours_theGridIsKept() {
    TransmitSchedule schedule =
        TransmitSchedule.every(Duration.ofSeconds(16)).during(WorkingHours.weekdays7To19(PARIS));

    assertEquals(
        Instant.parse("2025-03-04T10:00:16Z"),
        schedule.next(Instant.parse("2025-03-04T10:00:00Z")));
  }

  @Test
  void anOffsetOutsideTheInterval_isRefusedWithBothValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TransmitSchedule.every(Duration.ofSeconds(16)).shiftedBy(Duration.ofSeconds(16)));

    assertEquals("Offset [PT16S] must lie in [0, interval PT16S).", e.getMessage());
  }
}
