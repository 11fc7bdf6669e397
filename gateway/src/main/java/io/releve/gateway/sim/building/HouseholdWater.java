package io.releve.gateway.sim.building;

import io.releve.gateway.sim.building.Household.Resident;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The water of an ordinary household, use by use: each resident's flushes, hand washing, shower or
 * bath around their own waking and sleeping times (early risers, night owls, shift workers who
 * shower at 3 o'clock on early-shift days), out at work on weekdays or at home; meals, the
 * dishwasher or the sink, the washing machine, cleaning; now and then someone up in the night;
 * holidays, weekends and days away with nothing drawn ({@link Absences}). Each use's litres go into
 * the hours it runs in ({@link WaterUse}).
 *
 * <p>Nights: night owls go to bed up to 2:30, dishwashers set for the off-peak hours fill until
 * about 2:00, someone may get up between 2:00 and 3:50, a shift worker showers at 3 and has left by
 * 3:50; from then until the early risers get up at 5:15 everyone sleeps. So every night keeps a
 * quiet hour, as the nights of real households do, which is what leak detection relies on.
 *
 * <p>On average about 120 L per person and day over a year, holidays included (French households
 * draw about 150 L at home: showers and baths 39 %, WC 20 %, laundry 12 %, dishes 10 %, C.I.eau
 * figures).
 *
 * <p>Seeded: the same seed and day give the same slots. A day's slots also hold what the day before
 * started late and ran past midnight.
 */
final class HouseholdWater implements DayProfile {

  private static final int DAY_MINUTES = 1440;
  private static final int DAY_SECONDS = DAY_MINUTES * 60;

  /** Salt of the household's own stream (its members and habits), apart from its days'. */
  private static final long HOUSEHOLD_SALT = 0x484F555345484F4CL;

  /** Salt of the residents' early-shift days, plus the resident's number. */
  private static final long SHIFT_SALT = 0x5348494654533030L;

  /** The share of a shift worker's weekdays on the early shift. */
  private static final double EARLY_SHIFT_CHANCE = 0.4;

  /** When the washing machine and the cleaning may start, minutes: 8:00 to 21:30. */
  private static final double DAY_FROM = 480;

  private static final double DAY_TO = 1290;

  /** Uses per hour a resident is awake at home. */
  private static final double FLUSHES_PER_HOUR = 0.3;

  private static final double TAPS_PER_HOUR = 1.3;

  private final Household household;
  private final Absences absences;
  private final long seed;

  // The uses of the last day drawn: the next day's slots need them again for what ran past
  // midnight, and days are mostly asked for in order. Guarded by this.
  private LocalDate lastDay;
  private List<WaterUse> lastUses;

  /** A household of a size drawn from {@code seed} (1 to 5 people, as often as in France). */
  HouseholdWater(long seed) {
    this(Household.drawSize(new SplittableRandom(seed ^ HOUSEHOLD_SALT)), seed);
  }

  /** A household of {@code persons} people whose habits are drawn from {@code seed}. */
  HouseholdWater(int persons, long seed) {
    if (persons < 1) {
      throw new IllegalArgumentException("A household has 1 person or more, not " + persons + ".");
    }
    SplittableRandom random = new SplittableRandom(seed ^ HOUSEHOLD_SALT);
    random.nextDouble(); // the draw of the size, kept so both constructors draw the same habits
    this.household = Household.draw(persons, random);
    this.absences = new Absences(seed);
    this.seed = seed;
  }

  Household household() {
    return household;
  }

  int persons() {
    return household.persons();
  }

  /** Whether the household is away for the whole of {@code day}, drawing nothing. */
  boolean awayAllDay(LocalDate day) {
    return absences.awayAllDay(day);
  }

  @Override
  public synchronized long[] slots(LocalDate day) {
    long[] slots = new long[SLOTS];
    WaterUse.spread(usesOf(day.minusDays(1)), DAY_SECONDS, slots);
    WaterUse.spread(usesOf(day), 0, slots);
    return slots;
  }

  private List<WaterUse> usesOf(LocalDate day) {
    if (!day.equals(lastDay)) {
      lastUses = uses(day);
      lastDay = day;
    }
    return lastUses;
  }

  /** The uses that start on {@code day}, while someone is at home. */
  List<WaterUse> uses(LocalDate day) {
    SplittableRandom random = DayRandom.of(seed, day);
    boolean weekend = isWeekend(day);
    // the nights before a Saturday and a Sunday are later
    boolean lateNight =
        day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY;
    List<WaterUse> uses = new ArrayList<>();
    List<ResidentDay> days = new ArrayList<>();
    for (int i = 0; i < household.persons(); i++) {
      Resident resident = household.residents().get(i);
      ResidentDay today =
          ResidentDay.plan(
              resident,
              weekend,
              lateNight,
              earlyShift(i, day),
              earlyShift(i, day.plusDays(1)),
              random);
      days.add(today);
      residentUses(resident, today, weekend, random, uses);
    }
    householdUses(days, weekend, random, uses);
    removeWhileAway(day, uses);
    return uses;
  }

  /** Drops the uses that start while the household is out, on {@code day} or past its midnight. */
  private void removeWhileAway(LocalDate day, List<WaterUse> uses) {
    List<Absences.Away> away = new ArrayList<>(absences.around(day));
    away.addAll(absences.around(day.plusDays(1)));
    if (away.isEmpty()) {
      return;
    }
    LocalDateTime midnight = day.atStartOfDay();
    uses.removeIf(
        use -> {
          LocalDateTime start = midnight.plusSeconds(use.startSecond());
          return away.stream().anyMatch(a -> a.covers(start));
        });
  }

  /**
   * Whether resident {@code i} works the early shift on {@code day}: some weekdays of a shift
   * worker, drawn from a stream of their own so that the day before knows it (and goes to bed
   * early).
   */
  private boolean earlyShift(int i, LocalDate day) {
    Resident resident = household.residents().get(i);
    if (!resident.shiftWorker() || isWeekend(day)) {
      return false;
    }
    return DayRandom.of(seed ^ (SHIFT_SALT + i), day).nextDouble() < EARLY_SHIFT_CHANCE;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private void residentUses(
      Resident resident,
      ResidentDay today,
      boolean weekend,
      SplittableRandom random,
      List<WaterUse> uses) {
    if (random.nextDouble() < 0.85) {
      uses.add(flush(today.wake() + random.nextDouble(1, 5), random));
    }
    if (random.nextDouble() < 0.95) {
      uses.add(
          WaterUse.of(today.wake() + random.nextDouble(3, 10), 1, random.nextDouble(0.5, 1.5)));
    }
    showerOrBath(resident, today, weekend, random, uses);
    for (double[] period : today.homeAwake()) {
      double hours = (period[1] - period[0]) / 60;
      for (int i = poisson(FLUSHES_PER_HOUR * hours, random); i > 0; i--) {
        uses.add(flush(random.nextDouble(period[0], period[1]), random));
      }
      for (int i = poisson(TAPS_PER_HOUR * hours, random); i > 0; i--) {
        uses.add(tap(random.nextDouble(period[0], period[1]), random));
      }
    }
    if (random.nextDouble() < 0.8) {
      uses.add(flush(today.bed() - random.nextDouble(2, 15), random));
    }
    uses.add(WaterUse.of(today.bed() - random.nextDouble(5, 20), 1, random.nextDouble(0.5, 1)));
    // up in the night between 2 and 4 o'clock (back in bed by 3:50), not on an early-shift day
    if (!today.earlyShift() && random.nextDouble() < resident.nightVisitChance()) {
      double at = random.nextDouble(120, 228);
      uses.add(flush(at, random));
      if (random.nextBoolean()) {
        uses.add(WaterUse.of(at + 1, 0.5, random.nextDouble(0.3, 0.8)));
      }
    }
  }

  private static void showerOrBath(
      Resident resident,
      ResidentDay today,
      boolean weekend,
      SplittableRandom random,
      List<WaterUse> uses) {
    double bathChance = weekend ? 0.12 : 0.04;
    if (today.earlyShift()) {
      // the shower at 3 o'clock before the early shift
      if (random.nextDouble() < 0.9) {
        uses.add(shower(today.wake() + random.nextDouble(2, 8), random));
      }
    } else if (random.nextDouble() < bathChance) {
      uses.add(
          WaterUse.of(
              today.bed() - random.nextDouble(60, 120),
              random.nextDouble(10, 15),
              random.nextDouble(100, 160)));
    } else if (resident.showersInTheMorning()) {
      if (random.nextDouble() < 0.8) {
        uses.add(shower(today.wake() + random.nextDouble(5, 25), random));
      }
    } else if (random.nextDouble() < 0.75) {
      uses.add(shower(today.bed() - random.nextDouble(30, 90), random));
    }
  }

  private void householdUses(
      List<ResidentDay> days, boolean weekend, SplittableRandom random, List<WaterUse> uses) {
    double firstWake = days.stream().mapToDouble(ResidentDay::wake).min().orElseThrow();
    // the kettle or the coffee machine
    uses.add(WaterUse.of(firstWake + random.nextDouble(5, 15), 0.5, random.nextDouble(0.5, 1.5)));
    boolean someoneHomeAtNoon = weekend || days.stream().anyMatch(d -> d.isHomeAt(750));
    if (someoneHomeAtNoon) {
      for (int i = random.nextInt(2, 5); i > 0; i--) {
        uses.add(WaterUse.of(random.nextDouble(720, 780), 1, random.nextDouble(1, 3)));
      }
    }
    double dinner = random.nextDouble(1140, 1230);
    for (int i = random.nextInt(3, 7); i > 0; i--) {
      uses.add(WaterUse.of(dinner + random.nextDouble(0, 45), 1, random.nextDouble(1, 4)));
    }
    dishes(dinner, random, uses);
    int persons = household.persons();
    if (random.nextDouble() < (0.08 + 0.09 * persons) * (weekend ? 1.5 : 1)) {
      washingMachine(dayTimeAtHome(days, random), random, uses);
    }
    double cleaning = dayTimeAtHome(days, random);
    if (random.nextDouble() < (weekend ? 0.35 : 0.15) && !Double.isNaN(cleaning)) {
      uses.add(WaterUse.of(cleaning, 2, random.nextDouble(5, 10)));
    }
  }

  /**
   * After dinner: the dishwasher, 2 or 3 fills of about 4 L over an hour and a half, started at
   * once or set for the off-peak night; or the sink.
   */
  private void dishes(double dinner, SplittableRandom random, List<WaterUse> uses) {
    int persons = household.persons();
    if (!household.dishwasher()) {
      for (int i = 0; i < 2; i++) {
        uses.add(WaterUse.of(dinner + random.nextDouble(45, 75), 1, random.nextDouble(5, 9)));
      }
      return;
    }
    if (random.nextDouble() >= Math.min(0.9, 0.2 + 0.15 * persons)) {
      return;
    }
    double start;
    if (household.offPeakAppliances()) {
      // set to start with the off-peak hours, from 22:00 to half past midnight
      start = random.nextDouble(1320, DAY_MINUTES + 30);
    } else {
      start = dinner + random.nextDouble(60, 150);
    }
    int fills = random.nextInt(2, 4);
    for (int i = 0; i < fills; i++) {
      double at = start + i * 80.0 / (fills - 1) + random.nextDouble(-3, 3);
      uses.add(WaterUse.of(Math.max(start, at), 1.5, random.nextDouble(3.5, 4.5)));
    }
  }

  /** About 50 L in four fills over an hour and a half: the wash and three rinses. */
  private void washingMachine(double start, SplittableRandom random, List<WaterUse> uses) {
    if (household.offPeakAppliances() && random.nextBoolean()) {
      start = random.nextDouble(1320, 1410);
    }
    if (Double.isNaN(start)) {
      return;
    }
    double[] offsets = {
      0, random.nextDouble(20, 30), random.nextDouble(45, 55), random.nextDouble(70, 80)
    };
    double[] litres = {14, 12, 12, 12};
    for (int i = 0; i < offsets.length; i++) {
      uses.add(WaterUse.of(start + offsets[i], 2.5, litres[i] * random.nextDouble(0.8, 1.2)));
    }
  }

  /**
   * A moment in the day (8:00 to 21:30, not in the night: neighbours) when someone is awake at
   * home, minutes after midnight; NaN when nobody is.
   */
  private static double dayTimeAtHome(List<ResidentDay> days, SplittableRandom random) {
    List<double[]> periods = new ArrayList<>();
    for (ResidentDay day : days) {
      for (double[] period : day.homeAwake()) {
        double from = Math.max(period[0], DAY_FROM);
        double to = Math.min(period[1], DAY_TO);
        if (from < to) {
          periods.add(new double[] {from, to});
        }
      }
    }
    if (periods.isEmpty()) {
      return Double.NaN;
    }
    double[] period = periods.get(random.nextInt(periods.size()));
    return random.nextDouble(period[0], period[1]);
  }

  /** A full or (on a dual-flush cistern, more often) a half flush, refilling in a minute or two. */
  private WaterUse flush(double minute, SplittableRandom random) {
    boolean half = household.dualFlush() && random.nextDouble() < 0.6;
    double litres = household.fullFlushLitres() * (half ? 0.5 : 1);
    return WaterUse.of(minute, random.nextDouble(1, 2), litres);
  }

  /** Washing hands, a glass, a pan: 0.5 to 5 L, most of them small. */
  private static WaterUse tap(double minute, SplittableRandom random) {
    double u = random.nextDouble();
    return WaterUse.of(minute, random.nextDouble(0.3, 2), 0.5 + 4.5 * u * u);
  }

  /** 35 to 80 L in 6 to 12 minutes. */
  private static WaterUse shower(double minute, SplittableRandom random) {
    return WaterUse.of(minute, random.nextDouble(6, 12), random.nextDouble(35, 80));
  }

  /**
   * A Poisson-distributed count of mean {@code mean} (Knuth's method; the means here are small).
   */
  private static int poisson(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
