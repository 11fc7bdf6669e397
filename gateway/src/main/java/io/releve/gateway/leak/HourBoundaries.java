package io.releve.gateway.leak;

/**
 * Places a meter's continuous index on the hour boundaries (DESIGN §3.3: hourly volume = index
 * difference). The index at a boundary is interpolated between the readings just before and just
 * after it, or taken as is from a reading on the boundary; it is unknown (NaN) when those readings
 * are more than {@link #MAX_BRACKET_MILLIS} apart or the interval between them is broken. So an
 * hour without readings around it is unknown, never zero.
 *
 * <p>Boundaries are decided in time order as readings arrive. Not thread-safe: one per meter.
 */
final class HourBoundaries {

  static final long MILLIS_PER_HOUR = 3_600_000L;

  /**
   * Readings at most 70 minutes apart bracket a boundary: a meter that sends every hour, with some
   * jitter, still gives every boundary.
   */
  static final long MAX_BRACKET_MILLIS = 70 * 60_000L;

  private static final long NONE = Long.MIN_VALUE;

  /** Receives each decided boundary, in hour order. */
  interface Listener {
    /**
     * @param hour the boundary, in hours since the epoch
     * @param litres the continuous index there, or NaN when unknown
     */
    void boundary(long hour, double litres);

    /**
     * The index does not continue across this point (a replacement): no boundary before it may be
     * compared with one after it.
     */
    void discontinuity();

    /**
     * The index did not move between these two readings (epoch milliseconds), although they are far
     * enough apart for a flow of 4 L/h to move it by a step at least.
     */
    void stillIndex(long fromMillis, long toMillis);

    /** The index went down between these two readings (epoch milliseconds). */
    void backwardFlow(long fromMillis, long toMillis);
  }

  record State(long previousMillis, double previousLitres, long nextHour) {}

  private long previousMillis = NONE;
  private double previousLitres;
  private long nextHour = NONE;

  static HourBoundaries restore(State state) {
    HourBoundaries boundaries = new HourBoundaries();
    boundaries.previousMillis = state.previousMillis();
    boundaries.previousLitres = state.previousLitres();
    boundaries.nextHour = state.nextHour();
    return boundaries;
  }

  State state() {
    return new State(previousMillis, previousLitres, nextHour);
  }

  /** The next boundary to be decided, in hours since the epoch; none before the first reading. */
  long nextHour() {
    return nextHour;
  }

  /**
   * Takes the next reading (never older than the previous one) and decides the boundaries.
   *
   * @param stillMillis how long the index must stay still to show a flow below 4 L/h: the time a
   *     flow of 4 L/h takes to move it by one step
   */
  void accept(IndexContinuity.Step step, long stillMillis, Listener listener) {
    long millis = step.millis();
    if (nextHour == NONE) {
      nextHour = Math.floorDiv(millis + MILLIS_PER_HOUR - 1, MILLIS_PER_HOUR);
    } else {
      if (step.backward()) {
        listener.backwardFlow(previousMillis, millis);
      } else if (!step.broken()
          && step.litres() == previousLitres
          && millis - previousMillis >= stillMillis) {
        listener.stillIndex(previousMillis, millis);
      }
      boolean usable = !step.broken() && millis - previousMillis <= MAX_BRACKET_MILLIS;
      for (; nextHour * MILLIS_PER_HOUR < millis; nextHour++) {
        listener.boundary(
            nextHour, usable ? interpolate(nextHour * MILLIS_PER_HOUR, step) : Double.NaN);
      }
    }
    if (step.broken()) {
      listener.discontinuity();
    }
    if (nextHour * MILLIS_PER_HOUR == millis) {
      listener.boundary(nextHour, step.litres());
      nextHour++;
    }
    previousMillis = millis;
    previousLitres = step.litres();
  }

  private double interpolate(long at, IndexContinuity.Step step) {
    double share = (double) (at - previousMillis) / (step.millis() - previousMillis);
    return previousLitres + share * (step.litres() - previousLitres);
  }
}
