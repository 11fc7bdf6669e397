package io.releve.gateway.sim.building;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who lives in a simulated dwelling and the habits that shape its water use, drawn once from the
 * household's seed.
 *
 * @param residents one to five people
 * @param fullFlushLitres what the WC cistern lets go on a full flush: 6 L for a recent one, up to 9
 *     L for an old one
 * @param dualFlush whether the cistern has a half flush (half the full volume)
 * @param dishwasher whether the household has one; without, the dishes are washed in the sink
 * @param offPeakAppliances whether the dishwasher and the washing machine are set to run in the
 *     off-peak night hours (the French "heures creuses"), which puts their fills in the night
 */
record Household(
    List<Resident> residents,
    double fullFlushLitres,
    boolean dualFlush,
    boolean dishwasher,
    boolean offPeakAppliances) {

  /** The share of households of 1, 2, 3, 4 and 5 people (INSEE, France, 2020, 5+ as 5). */
  private static final double[] SIZES = {0.37, 0.33, 0.14, 0.11, 0.05};

  /** When a resident wakes and goes to bed, minutes after midnight (bedtime may pass 1440). */
  enum Chronotype {
    EARLY_RISER(315, 360, 1290, 1350),
    REGULAR(390, 450, 1350, 1410),
    NIGHT_OWL(480, 570, 1455, 1530);

    final int wakeFrom;
    final int wakeTo;
    final int bedFrom;
    final int bedTo;

    Chronotype(int wakeFrom, int wakeTo, int bedFrom, int bedTo) {
      this.wakeFrom = wakeFrom;
      this.wakeTo = wakeTo;
      this.bedFrom = bedFrom;
      this.bedTo = bedTo;
    }
  }

  /**
   * One person of the household.
   *
   * @param chronotype when they wake and sleep
   * @param worksAway whether they are out on weekdays (work, school) from after breakfast to the
   *     late afternoon
   * @param shiftWorker whether some weekdays they work the early shift: up before 3, a shower at 3
   *     o'clock, out until early afternoon
   * @param showersInTheMorning their shower is after waking, else before going to bed
   * @param nightVisitChance the chance, each night, that they get up between 2 and 4 o'clock
   */
  record Resident(
      Chronotype chronotype,
      boolean worksAway,
      boolean shiftWorker,
      boolean showersInTheMorning,
      double nightVisitChance) {}

  Household {
    residents = List.copyOf(residents);
  }

  int persons() {
    return residents.size();
  }

  /** A household size, 1 to 5, as often as in France. */
  static int drawSize(SplittableRandom random) {
    double u = random.nextDouble();
    for (int i = 0; i < SIZES.length; i++) {
      u -= SIZES[i];
      if (u < 0) {
        return i + 1;
      }
    }
    return SIZES.length;
  }

  /** A household of {@code persons} people with habits drawn from {@code random}. */
  static Household draw(int persons, SplittableRandom random) {
    List<Resident> residents = new ArrayList<>();
    for (int i = 0; i < persons; i++) {
      double kind = random.nextDouble();
      Chronotype chronotype =
          kind < 0.2
              ? Chronotype.EARLY_RISER
              : kind < 0.75 ? Chronotype.REGULAR : Chronotype.NIGHT_OWL;
      boolean worksAway = random.nextDouble() < 0.7;
      residents.add(
          new Resident(
              chronotype,
              worksAway,
              worksAway && random.nextDouble() < 0.1,
              random.nextDouble() < 0.6,
              random.nextDouble(0.01, 0.1)));
    }
    double cistern = random.nextDouble();
    double fullFlush = cistern < 0.55 ? 6 : cistern < 0.75 ? 7.5 : 9;
    boolean dishwasher = random.nextDouble() < 0.35 + 0.1 * persons;
    return new Household(
        residents, fullFlush, random.nextDouble() < 0.75, dishwasher, random.nextDouble() < 0.3);
  }
}
