package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HouseholdWaterTest {

  private static final LocalDate NEW_YEAR = LocalDate.of(2025, 1, 1);
  private static final int HOUSEHOLDS = 200;

  private static long sum(long[] slots) {
    return Arrays.stream(slots).sum();
  }

  @Test
  void slots_sameSeedAndDay_areTheSameWhicheverDaysWereAskedBefore() {
    HouseholdWater inOrder = new HouseholdWater(41);
    HouseholdWater backwards = new HouseholdWater(41);
    long[][] forward = new long[60][];
    for (int d = 0; d < 60; d++) {
      forward[d] = inOrder.slots(NEW_YEAR.plusDays(d));
    }

    for (int d = 59; d >= 0; d--) {
      assertArrayEquals(forward[d], backwards.slots(NEW_YEAR.plusDays(d)), "day " + d);
    }
  }

  @Test
  void slots_anotherSeed_drawsOtherDays() {
    assertFalse(
        Arrays.equals(
            new HouseholdWater(41).slots(NEW_YEAR), new HouseholdWater(42).slots(NEW_YEAR)));
  }

  @Test
  void households_haveOneToFivePeople() {
    Set<Integer> sizes = new TreeSet<>();
    for (int seed = 0; seed < HOUSEHOLDS; seed++) {
      sizes.add(new HouseholdWater(seed).persons());
    }

    assertEquals(Set.of(1, 2, 3, 4, 5), sizes);
    assertEquals(3, new HouseholdWater(3, 99).persons());
  }

  @Test
  void slots_aYearOfManyHouseholds_averageBetween100And150LitresPerPersonAndDay() {
    double litres = 0;
    long personDays = 0;
    for (int seed = 0; seed < HOUSEHOLDS; seed++) {
      HouseholdWater household = new HouseholdWater(seed);
      for (int d = 0; d < 365; d++) {
        litres += sum(household.slots(NEW_YEAR.plusDays(d))) / 1000.0;
        personDays += household.persons();
      }
    }

    double perPersonAndDay = litres / personDays;
    assertTrue(
        perPersonAndDay >= 100 && perPersonAndDay <= 150, perPersonAndDay + " L per person a day");
  }

  @Test
  void slots_daysAwayOnHoliday_drawNothing() {
    for (int seed = 0; seed < 50; seed++) {
      HouseholdWater household = new HouseholdWater(seed);
      int daysAway = 0;
      for (int d = 0; d < 365; d++) {
        LocalDate day = NEW_YEAR.plusDays(d);
        if (household.awayAllDay(day)) {
          daysAway++;
          assertEquals(0, sum(household.slots(day)), "household " + seed + " on " + day);
        }
      }
      // one or two holidays of 1 to 3 weeks: the days between leaving and coming back
      assertTrue(daysAway >= 6 && daysAway <= 60, "household " + seed + ": " + daysAway);
    }
  }

  @Test
  void slots_someNights_haveWaterBetweenTwoAndFour_butFourToFiveIsAlwaysQuiet() {
    long nights = 0;
    long nightsWithWater = 0;
    for (int seed = 0; seed < HOUSEHOLDS; seed++) {
      HouseholdWater household = new HouseholdWater(seed);
      for (int d = 0; d < 365; d++) {
        long[] slots = household.slots(NEW_YEAR.plusDays(d));
        nights++;
        nightsWithWater += slots[2] + slots[3] > 0 ? 1 : 0;
        assertEquals(0, slots[4], "household " + seed + " day " + d);
      }
    }

    double share = (double) nightsWithWater / nights;
    assertTrue(share > 0.05 && share < 0.5, share + " of the nights have water from 2 to 4");
  }

  @Test
  void slots_shiftWorkers_showerAtThreeOnSomeWeekdaysOnly() {
    int households = 0;
    for (int seed = 0; seed < HOUSEHOLDS; seed++) {
      HouseholdWater household = new HouseholdWater(seed);
      if (household.household().residents().stream().noneMatch(r -> r.shiftWorker())) {
        continue;
      }
      households++;
      int showersAtThree = 0;
      for (int d = 0; d < 28; d++) {
        LocalDate day = NEW_YEAR.plusDays(d);
        boolean shower = household.slots(day)[3] >= 35_000;
        boolean weekend =
            day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        assertFalse(weekend && shower, "household " + seed + " on " + day);
        showersAtThree += shower ? 1 : 0;
      }
      assertTrue(showersAtThree > 0 && showersAtThree < 20, "household " + seed);
    }
    assertTrue(households > 5, households + " households with a shift worker");
  }
}
