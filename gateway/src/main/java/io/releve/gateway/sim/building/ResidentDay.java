package io.releve.gateway.sim.building;

import io.releve.gateway.sim.building.Household.Chronotype;
import io.releve.gateway.sim.building.Household.Resident;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One resident's day, in minutes after midnight: when they wake, when they go to bed (past 1440 for
 * a night owl), and when they are out at work or school ({@code leave} to {@code back}; both equal
 * to {@code bed} on a day at home).
 *
 * @param earlyShift a shift worker's early-shift day: up before 3, out by 3:50, back after 13
 */
record ResidentDay(double wake, double bed, double leave, double back, boolean earlyShift) {

  /** The latest a resident who goes out to work on a weekday wakes, minutes: 7:45. */
  private static final double LATEST_WORKDAY_WAKE = 465;

  /**
   * The day of {@code resident}.
   *
   * @param earlyShift whether they work the early shift this day
   * @param earlyShiftTomorrow whether they do the next day: then they go to bed early
   */
  static ResidentDay plan(
      Resident resident,
      boolean weekend,
      boolean lateNight,
      boolean earlyShift,
      boolean earlyShiftTomorrow,
      SplittableRandom random) {
    // before an early shift, in bed between 20:30 and 21:30
    double earlyBed = random.nextDouble(1230, 1290);
    if (earlyShift) {
      double wake = random.nextDouble(170, 185);
      return new ResidentDay(
          wake,
          earlyShiftTomorrow ? earlyBed : random.nextDouble(1260, 1320),
          wake + random.nextDouble(30, 45),
          random.nextDouble(780, 870),
          true);
    }
    boolean working = resident.worksAway() && !weekend;
    Chronotype type = resident.chronotype();
    double wake = random.nextDouble(type.wakeFrom, type.wakeTo);
    if (weekend) {
      wake +=
          type == Chronotype.EARLY_RISER ? random.nextDouble(0, 45) : random.nextDouble(30, 120);
    } else if (working) {
      wake = Math.min(wake, LATEST_WORKDAY_WAKE + random.nextDouble(-15, 0));
    }
    double bed =
        random.nextDouble(type.bedFrom, type.bedTo) + (lateNight ? random.nextDouble(0, 60) : 0);
    if (earlyShiftTomorrow) {
      bed = earlyBed;
    }
    if (!working) {
      return new ResidentDay(wake, bed, bed, bed, false);
    }
    return new ResidentDay(
        wake, bed, wake + random.nextDouble(40, 70), random.nextDouble(990, 1170), false);
  }

  /** The periods they are awake at home, as {from, to} in minutes. */
  List<double[]> homeAwake() {
    if (leave >= bed) {
      return List.of(new double[] {wake, bed});
    }
    return List.of(new double[] {wake, leave}, new double[] {back, bed});
  }

  /** Whether they are awake at home at {@code minute}. */
  boolean isHomeAt(double minute) {
    for (double[] period : homeAwake()) {
      if (minute >= period[0] && minute < period[1]) {
        return true;
      }
    }
    return false;
  }
}
