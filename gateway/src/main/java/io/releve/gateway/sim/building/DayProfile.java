package io.releve.gateway.sim.building;

import java.time.LocalDate;

/**
 * How much a meter counts during each of the 24 slots of one local day, in thousandths of its unit
 * (millilitres, thousandths of an allocator unit, watt-hours). Must be deterministic: the same day
 * always gives the same slots, because the cumulative index is rebuilt from them.
 *
 * <p>On the days the clocks change a slot is a 24th of the day, a little more or less than an hour.
 */
@FunctionalInterface
public interface DayProfile {

  /** Slots in a local day. */
  int SLOTS = 24;

  /** A profile that never counts: a radiator turned off, a closed valve. */
  DayProfile NONE = day -> new long[SLOTS];

  /** The 24 amounts of {@code day}, none negative; the caller does not modify the array. */
  long[] slots(LocalDate day);
}
