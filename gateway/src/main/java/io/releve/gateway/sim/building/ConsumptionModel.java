package io.releve.gateway.sim.building;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * The cumulative consumption of one simulated meter as a function of time: an initial index, plus
 * what a {@link DayProfile} counts day after day since {@link #ORIGIN}, plus constant flows (leaks)
 * that run day and night from the instant each began.
 *
 * <p>Everything is in thousandths of the meter's unit (millilitres, thousandths of an allocator
 * unit, watt-hours) and in whole numbers, so the index is exact, never decreases, and a constant
 * flow of 15 L/h adds exactly 15 000 mL between two readings an hour apart.
 *
 * <p>Cheap at any instant: the consumption up to the start of each day is computed once and kept
 * (one long per day), and within a day the slots are integrated in closed form (linear within a
 * slot). The backfill evaluates it millions of times. Thread-safe.
 */
public final class ConsumptionModel {

  /** The local date every model starts counting from: before it, the index is the initial one. */
  public static final LocalDate ORIGIN = LocalDate.of(2024, 1, 1);

  private static final long MILLIS_PER_HOUR = 3_600_000L;

  private final DayProfile profile;
  private final ZoneId zone;
  private final long initial;
  private final long originMillis;

  // Constant flow i runs from flowStarts[i] (epoch ms, never before the origin) at flowRates[i]
  // thousandths per hour.
  private final long[] flowStarts;
  private final long[] flowRates;

  // Day i is ORIGIN + i. dayStarts[i] is its first instant (epoch ms), totals[i] the consumption
  // of the profile from ORIGIN to that instant; both known for i < known.
  private long[] dayStarts = new long[0];
  private long[] totals = new long[0];
  private int known;

  // The slots of the last day integrated: readouts come in time order, so this mostly hits.
  private int slotsDay = -1;
  private long[] slots;

  private ConsumptionModel(
      DayProfile profile, ZoneId zone, long initial, long[] flowStarts, long[] flowRates) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.zone = Objects.requireNonNull(zone, "zone");
    if (initial < 0) {
      throw new IllegalArgumentException("Initial index [" + initial + "] must be zero or more.");
    }
    this.initial = initial;
    this.originMillis = ORIGIN.atStartOfDay(zone).toInstant().toEpochMilli();
    this.flowStarts = flowStarts;
    this.flowRates = flowRates;
  }

  /**
   * A model counting {@code profile} in the local days of {@code zone}.
   *
   * @param initial the index at {@link #ORIGIN}, in thousandths
   */
  public static ConsumptionModel of(DayProfile profile, ZoneId zone, long initial) {
    return new ConsumptionModel(profile, zone, initial, new long[0], new long[0]);
  }

  /**
   * A household's water: {@code litresPerDay} on an average weekday, with daily peaks, quiet nights
   * and weekends of their own.
   */
  public static ConsumptionModel water(
      double litresPerDay, long seed, ZoneId zone, long initialLitres) {
    return of(new WaterProfile(litresPerDay, seed), zone, initialLitres * 1000);
  }

  /**
   * Heating that follows the season ({@link Season}): {@code perDegreeDay} units (allocator units,
   * kWh) per heating degree and day.
   */
  public static ConsumptionModel heating(
      double perDegreeDay, long seed, ZoneId zone, long initialUnits) {
    return of(new HeatingProfile(perDegreeDay, seed), zone, initialUnits * 1000);
  }

  /**
   * The same model with a constant flow added, day and night from {@code start} on: a leak. A start
   * before {@link #ORIGIN} counts from the origin, like everything else.
   *
   * @param thousandthsPerHour the flow, 0 or more: 15 000 is a WC leaking 15 L/h on a water meter
   */
  public ConsumptionModel withConstantFlowFrom(Instant start, long thousandthsPerHour) {
    Objects.requireNonNull(start, "start");
    if (thousandthsPerHour < 0) {
      throw new IllegalArgumentException(
          "Constant flow [" + thousandthsPerHour + "] must be zero or more.");
    }
    int n = flowStarts.length;
    long[] starts = Arrays.copyOf(flowStarts, n + 1);
    long[] rates = Arrays.copyOf(flowRates, n + 1);
    starts[n] = Math.max(originMillis, start.toEpochMilli());
    rates[n] = thousandthsPerHour;
    return new ConsumptionModel(profile, zone, initial, starts, rates);
  }

  /** The zone whose local days the profile follows. */
  public ZoneId zone() {
    return zone;
  }

  /** The cumulative index at {@code time}, in thousandths of the meter's unit. */
  public synchronized long at(Instant time) {
    long millis = time.toEpochMilli();
    if (millis <= originMillis) {
      return initial;
    }
    int day = dayOf(millis);
    long elapsed = millis - dayStarts[day];
    long length = dayStarts[day + 1] - dayStarts[day];
    long counted = totals[day];
    if (elapsed > 0) {
      long[] daySlots = slotsOf(day);
      int slot = (int) (elapsed * DayProfile.SLOTS / length);
      for (int i = 0; i < slot; i++) {
        counted += daySlots[i];
      }
      counted += daySlots[slot] * (elapsed * DayProfile.SLOTS - slot * length) / length;
    }
    return initial + counted + constantFlowsUpTo(millis);
  }

  /**
   * The flow at {@code time}: what the current slot counts, brought to an hour, plus the constant
   * flows running by then; in thousandths of the unit per hour.
   */
  public synchronized long ratePerHour(Instant time) {
    long millis = time.toEpochMilli();
    if (millis < originMillis) {
      return 0;
    }
    int day = dayOf(millis);
    long length = dayStarts[day + 1] - dayStarts[day];
    int slot = (int) ((millis - dayStarts[day]) * DayProfile.SLOTS / length);
    long rate = slotsOf(day)[slot] * DayProfile.SLOTS * MILLIS_PER_HOUR / length;
    for (int i = 0; i < flowStarts.length; i++) {
      if (millis >= flowStarts[i]) {
        rate += flowRates[i];
      }
    }
    return rate;
  }

  /**
   * What the constant flows counted up to {@code millis}, each exact to the thousandth: 15 000 an
   * hour adds exactly 15 000 between two instants an hour apart once it runs.
   */
  private long constantFlowsUpTo(long millis) {
    long counted = 0;
    for (int i = 0; i < flowStarts.length; i++) {
      if (millis > flowStarts[i]) {
        counted += flowRates[i] * (millis - flowStarts[i]) / MILLIS_PER_HOUR;
      }
    }
    return counted;
  }

  /** The index of the local day holding {@code millis} (after the origin), its bounds known. */
  private int dayOf(long millis) {
    long seconds = Math.floorDiv(millis, 1000L);
    int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
    long localDay = Math.floorDiv(seconds + offset, 86_400L);
    int day = (int) (localDay - ORIGIN.toEpochDay());
    ensureKnown(day + 2);
    // A day that starts off midnight (a clock change at 00:00 in some zones) is caught here.
    while (day > 0 && millis < dayStarts[day]) {
      day--;
    }
    while (millis >= dayStarts[day + 1]) {
      day++;
      ensureKnown(day + 2);
    }
    return day;
  }

  private void ensureKnown(int days) {
    if (days <= known) {
      return;
    }
    if (days > dayStarts.length) {
      int capacity = Math.max(days, dayStarts.length * 2);
      dayStarts = Arrays.copyOf(dayStarts, capacity);
      totals = Arrays.copyOf(totals, capacity);
    }
    for (int i = known; i < days; i++) {
      dayStarts[i] = ORIGIN.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
      totals[i] = i == 0 ? 0 : totals[i - 1] + sum(profile.slots(ORIGIN.plusDays(i - 1)));
    }
    known = days;
  }

  private long[] slotsOf(int day) {
    if (day != slotsDay) {
      slots = profile.slots(ORIGIN.plusDays(day));
      slotsDay = day;
    }
    return slots;
  }

  private static long sum(long[] values) {
    long sum = 0;
    for (long value : values) {
      sum += value;
    }
    return sum;
  }
}
