package io.releve.gateway.sim.building;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When a whole household is out and draws no water: holidays of one to three weeks once or twice a
 * year (one in summer), a weekend away now and then, a day out. Each is drawn from a stream of its
 * own (the year, the weekend, the day), so whether the household is away at a given time never
 * depends on which other days were asked about first.
 */
final class Absences {

  /** Salts that give each kind of absence a stream apart from the day's water uses. */
  private static final long HOLIDAY_SALT = 0x484F4C4944415953L;

  private static final long WEEKEND_SALT = 0x5745454B454E4453L;
  private static final long DAY_OUT_SALT = 0x4441594F55545321L;

  private static final double TWO_HOLIDAYS_CHANCE = 0.45;
  private static final double WEEKEND_AWAY_CHANCE = 0.05;
  private static final double DAY_OUT_CHANCE = 0.02;

  /** A time away: from {@code leave} (inclusive) to {@code back} (exclusive), local times. */
  record Away(LocalDateTime leave, LocalDateTime back) {
    boolean covers(LocalDateTime time) {
      return !time.isBefore(leave) && time.isBefore(back);
    }
  }

  private final long seed;

  Absences(long seed) {
    this.seed = seed;
  }

  /** Whether the household is out at {@code time}. */
  boolean away(LocalDateTime time) {
    for (Away away : around(time.toLocalDate())) {
      if (away.covers(time)) {
        return true;
      }
    }
    return false;
  }

  /** The times away that may cover some of {@code day}. */
  List<Away> around(LocalDate day) {
    List<Away> around = holidaysAround(day);
    Away weekend = weekendAway(day);
    if (weekend != null) {
      around.add(weekend);
    }
    Away out = dayOut(day);
    if (out != null) {
      around.add(out);
    }
    return around;
  }

  /**
   * Whether the household is out from the start to the end of {@code day}: only holidays last that
   * long (a weekend away leaves on Saturday morning and is back on Sunday evening).
   */
  boolean awayAllDay(LocalDate day) {
    LocalDateTime first = day.atStartOfDay();
    LocalDateTime last = day.atTime(LocalTime.MAX);
    for (Away holiday : holidaysAround(day)) {
      if (holiday.covers(first) && holiday.covers(last)) {
        return true;
      }
    }
    return false;
  }

  /** The holidays that may cover {@code day}: its year's, and last year's that end in January. */
  private List<Away> holidaysAround(LocalDate day) {
    List<Away> holidays = new ArrayList<>(holidays(day.getYear()));
    holidays.addAll(holidays(day.getYear() - 1));
    return holidays;
  }

  /**
   * The holidays of {@code year}: one of 7 to 21 days starting between 1 July and 20 August, and
   * about every other year a second one, as long, at another time of the year.
   */
  List<Away> holidays(int year) {
    SplittableRandom random = DayRandom.of(seed ^ HOLIDAY_SALT, LocalDate.of(year, 1, 1));
    List<Away> holidays = new ArrayList<>();
    LocalDate summer = LocalDate.of(year, 7, 1).plusDays(random.nextInt(51));
    holidays.add(trip(summer, random.nextInt(7, 22), random));
    if (random.nextDouble() < TWO_HOLIDAYS_CHANCE) {
      // from 5 January to 15 June or from 15 October to 20 December: school holidays, Christmas
      LocalDate other =
          random.nextBoolean()
              ? LocalDate.of(year, 1, 5).plusDays(random.nextInt(162))
              : LocalDate.of(year, 10, 15).plusDays(random.nextInt(67));
      holidays.add(trip(other, random.nextInt(7, 22), random));
    }
    return holidays;
  }

  /** Leaves between 8 and 15 o'clock on {@code first}, back between 14 and 21 o'clock. */
  private static Away trip(LocalDate first, int days, SplittableRandom random) {
    LocalDateTime leave = first.atTime(8, 0).plusMinutes(random.nextInt(7 * 60));
    LocalDateTime back = first.plusDays(days).atTime(14, 0).plusMinutes(random.nextInt(7 * 60));
    return new Away(leave, back);
  }

  /** Saturday morning to Sunday evening, on about one weekend in twenty. */
  private Away weekendAway(LocalDate day) {
    LocalDate saturday;
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
      saturday = day;
    } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      saturday = day.minusDays(1);
    } else {
      return null;
    }
    SplittableRandom random = DayRandom.of(seed ^ WEEKEND_SALT, saturday);
    if (random.nextDouble() >= WEEKEND_AWAY_CHANCE) {
      return null;
    }
    return new Away(
        saturday.atTime(8, 0).plusMinutes(random.nextInt(180)),
        saturday.plusDays(1).atTime(17, 0).plusMinutes(random.nextInt(240)));
  }

  /** Out from the morning to the evening, on about one day in fifty. */
  private Away dayOut(LocalDate day) {
    SplittableRandom random = DayRandom.of(seed ^ DAY_OUT_SALT, day);
    if (random.nextDouble() >= DAY_OUT_CHANCE) {
      return null;
    }
    return new Away(
        day.atTime(8, 30).plusMinutes(random.nextInt(120)),
        day.atTime(19, 0).plusMinutes(random.nextInt(180)));
  }
}
