package io.releve.gateway.sim.building;

import static io.releve.gateway.sim.building.WaterMeterTest.PARIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ConsumptionModelTest {

  private static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  /** Litres drawn in the local hour starting at {@code hour} of {@code day}. */
  private static long litresInHour(ConsumptionModel model, LocalDate day, int hour) {
    Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(PARIS).toInstant();
    return (model.at(start.plus(Duration.ofHours(1))) - model.at(start)) / 1000;
  }

  @Test
  void at_everyQuarterHourOfAYear_neverDecreasesAcrossClockChanges() {
    ConsumptionModel model = ConsumptionModel.water(150, 3, PARIS, 50_000);
    Instant time = paris("2025-01-01T00:00");
    long previous = model.at(time);
    for (int i = 0; i < 365 * 96; i++) {
      time = time.plus(Duration.ofMinutes(15));
      long index = model.at(time);
      assertTrue(index >= previous, "index went back at " + time);
      previous = index;
    }
    assertTrue(previous - 50_000_000 > 365 * 100_000L, "a year of a household's water");
  }

  @Test
  void at_sameSeedAndInstant_givesTheSameIndexWhateverWasAskedBefore() {
    Instant when = paris("2026-05-17T19:41:07");
    ConsumptionModel fresh = ConsumptionModel.water(150, 3, PARIS, 0);
    ConsumptionModel used = ConsumptionModel.water(150, 3, PARIS, 0);
    used.at(paris("2027-02-01T00:00"));
    used.at(paris("2024-06-01T12:00"));

    assertEquals(fresh.at(when), used.at(when));
    assertNotEquals(fresh.at(when), ConsumptionModel.water(150, 4, PARIS, 0).at(when));
  }

  @Test
  void at_beforeTheOrigin_isTheInitialIndex() {
    ConsumptionModel model = ConsumptionModel.water(150, 3, PARIS, 42);

    assertEquals(42_000, model.at(paris("2023-06-01T12:00")));
  }

  @Test
  void at_household_drawsNothingAtNightAndPeaksMorningAndEvening() {
    ConsumptionModel model = ConsumptionModel.water(200, 11, PARIS, 0);
    long night = 0;
    long morning = 0;
    long afternoon = 0;
    long evening = 0;
    LocalDate day = LocalDate.of(2026, 3, 2); // a Monday
    for (int week = 0; week < 8; week++, day = day.plusWeeks(1)) {
      for (int weekday = 0; weekday < 5; weekday++) {
        LocalDate d = day.plusDays(weekday);
        night += litresInHour(model, d, 2) + litresInHour(model, d, 3);
        morning += litresInHour(model, d, 7);
        afternoon += litresInHour(model, d, 15);
        evening += litresInHour(model, d, 20);
      }
    }
    assertEquals(0, night);
    assertTrue(morning > 3 * afternoon, morning + " L at 7 h, " + afternoon + " L at 15 h");
    assertTrue(evening > 3 * afternoon, evening + " L at 20 h, " + afternoon + " L at 15 h");
  }

  @Test
  void at_weekend_morningPeakComesLater() {
    ConsumptionModel model = ConsumptionModel.water(200, 11, PARIS, 0);
    long weekdayAt7 = 0;
    long weekendAt7 = 0;
    long weekendAt10 = 0;
    LocalDate saturday = LocalDate.of(2026, 3, 7);
    for (int week = 0; week < 8; week++, saturday = saturday.plusWeeks(1)) {
      weekdayAt7 += litresInHour(model, saturday.minusDays(1), 7);
      weekdayAt7 += litresInHour(model, saturday.minusDays(2), 7);
      weekendAt7 += litresInHour(model, saturday, 7) + litresInHour(model, saturday.plusDays(1), 7);
      weekendAt10 +=
          litresInHour(model, saturday, 10) + litresInHour(model, saturday.plusDays(1), 10);
    }
    assertTrue(weekdayAt7 > 2 * weekendAt7, weekdayAt7 + " L vs " + weekendAt7 + " L at 7 h");
    assertTrue(weekendAt10 > 2 * weekendAt7, weekendAt10 + " L vs " + weekendAt7 + " L");
  }

  @Test
  void at_leakingWcAtNight_indexGrowsFifteenLitresAnHour() {
    ConsumptionModel model =
        ConsumptionModel.water(150, 5, PARIS, 0)
            .withConstantFlowFrom(paris("2026-03-01T00:00"), 15_000);
    LocalDate day = LocalDate.of(2026, 3, 29); // the clocks go forward at 2 h that night

    for (int hour : new int[] {0, 1, 3, 4}) {
      assertEquals(hour == 0 ? litresInHour(model, day, 0) : 15, litresInHour(model, day, hour));
    }
    assertEquals(15, litresInHour(model, day.plusDays(1), 1));
    assertEquals(15_000, model.ratePerHour(paris("2026-03-30T03:30")));
  }

  @Test
  void at_leakFromAnInstant_countsNothingBeforeAndExactlyItsFlowAfter() {
    ConsumptionModel sound = ConsumptionModel.water(150, 5, PARIS, 0);
    Instant start = paris("2026-03-10T14:20");
    ConsumptionModel leaking = sound.withConstantFlowFrom(start, 15_000);

    assertEquals(sound.at(start), leaking.at(start));
    assertEquals(sound.at(paris("2026-03-09T03:00")), leaking.at(paris("2026-03-09T03:00")));
    // 15 L/h for 1 h 40 min is 25 L; 7 days and 1 h 40 min is 2 545 L
    assertEquals(
        25_000, leaking.at(paris("2026-03-10T16:00")) - sound.at(paris("2026-03-10T16:00")));
    Instant weekLater = paris("2026-03-17T16:00");
    assertEquals(2_545_000, leaking.at(weekLater) - sound.at(weekLater));
    assertEquals(
        sound.ratePerHour(paris("2026-03-10T14:19")),
        leaking.ratePerHour(paris("2026-03-10T14:19")));
    assertEquals(
        sound.ratePerHour(paris("2026-03-10T14:20")) + 15_000,
        leaking.ratePerHour(paris("2026-03-10T14:20")));
  }

  @Test
  void at_twoLeaksFromDifferentInstants_addUp() {
    ConsumptionModel model =
        ConsumptionModel.of(DayProfile.NONE, PARIS, 1_000)
            .withConstantFlowFrom(paris("2026-03-10T00:00"), 15_000)
            .withConstantFlowFrom(paris("2026-03-10T06:00"), 5_000);

    assertEquals(1_000, model.at(paris("2026-03-10T00:00")));
    assertEquals(1_000 + 6 * 15_000, model.at(paris("2026-03-10T06:00")));
    assertEquals(1_000 + 7 * 15_000 + 5_000, model.at(paris("2026-03-10T07:00")));
    assertEquals(20_000, model.ratePerHour(paris("2026-03-10T07:00")));
  }

  @Test
  void at_leakBeganBeforeTheOrigin_countsFromTheOrigin() {
    ConsumptionModel model =
        ConsumptionModel.of(DayProfile.NONE, PARIS, 0)
            .withConstantFlowFrom(paris("2023-06-01T00:00"), 1_000);

    assertEquals(0, model.at(paris("2024-01-01T00:00")));
    assertEquals(24_000, model.at(paris("2024-01-02T00:00")));
  }

  @Test
  void at_heating_followsTheSeason() {
    ConsumptionModel model = ConsumptionModel.heating(1.0, 9, PARIS, 0);

    long january = model.at(paris("2026-02-01T00:00")) - model.at(paris("2026-01-01T00:00"));
    long april = model.at(paris("2026-05-01T00:00")) - model.at(paris("2026-04-01T00:00"));
    long july = model.at(paris("2026-08-01T00:00")) - model.at(paris("2026-07-01T00:00"));

    assertEquals(0, july);
    assertTrue(january > 2 * april && april > 0, january + " in January, " + april + " in April");
  }

  @Test
  void ratePerHour_isWhatTheSlotCountsInAnHour() {
    ConsumptionModel model = ConsumptionModel.of(HeatMeterTest.STEADY, PARIS, 0);

    assertEquals(2326, model.ratePerHour(paris("2026-02-03T10:15")));
    assertEquals(
        2326 / 2, model.at(paris("2026-02-03T10:30")) - model.at(paris("2026-02-03T10:00")));
  }
}
