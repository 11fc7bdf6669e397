package io.releve.gateway.leak;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The leak rules of DESIGN §3.3 over one meter's hour boundaries.
 *
 * <ul>
 *   <li>The flow of a window is the index difference over the meter's window (one hour for a meter
 *       read to the litre), in L/h; unknown when either end is unknown.
 *   <li>A run of continuous flow starts at the end of the last window below 4 L/h; the days of a
 *       run are the 24-hour blocks from its start.
 *   <li>An alert opens at a boundary whose last 24 hours hold at least {@link #MIN_KNOWN_WINDOWS}
 *       known windows, all at 4 L/h or more, in a run at least a day old; its level is that of
 *       their minimum, and it is dated from the start of the run.
 *   <li>The leak volume of an interval between known boundaries is its volume capped at its day's
 *       minimum flow times its hours (the continuous part); the total loss is their sum since the
 *       start, and the average flow the total loss over the hours since the start.
 *   <li>An open alert closes at the start of a window without any flow, or at the end of a day
 *       whose minimum flow is below 4 L/h.
 * </ul>
 *
 * <p>Not thread-safe: one per meter.
 */
final class LeakRun implements HourBoundaries.Listener {

  /**
   * A day opens an alert only when all its 24 windows are known: an unknown hour can hide the quiet
   * hour of an ordinary household (a night without readings), whatever the average across it.
   */
  static final int MIN_KNOWN_WINDOWS = 24;

  static final int DAY_HOURS = 24;

  /** Hours of boundaries and window flows kept: a day, plus the widest window, rounded up. */
  private static final int RING = 40;

  private static final long NONE = Long.MIN_VALUE;

  /**
   * Below this flow, L/h, a window is slower than any leak (see {@link LeakLevel#TOLERANCE_LPH}).
   */
  private static final double BELOW_LEAK =
      LeakLevel.LEVEL_1.fromLitresPerHour() - LeakLevel.TOLERANCE_LPH;

  record State(
      int windowHours,
      long[] boundaryHours,
      double[] boundaryLitres,
      long[] flowHours,
      double[] flows,
      long lastKnownHour,
      double lastKnownLitres,
      long backwardFrom,
      long backwardTo,
      long runStart,
      long blockStart,
      double completedLoss,
      double blockMin,
      double blockIntervalMin,
      double lastMin,
      double[] intervals,
      double pendingHours,
      double pendingLitres,
      boolean open,
      long detectedHour,
      int level) {}

  private int windowHours = 1;
  private final long[] boundaryHours = new long[RING];
  private final double[] boundaryLitres = new double[RING];
  private final long[] flowHours = new long[RING];
  private final double[] flows = new double[RING];
  private long lastKnownHour = NONE;
  private double lastKnownLitres;

  // The hours, boundary to boundary, around the latest water that flowed backwards: a window that
  // overlaps them is unknown, even when its net change is not negative.
  private long backwardFrom = NONE;
  private long backwardTo = NONE;

  private long runStart = NONE;
  private long blockStart;
  private double completedLoss;
  private double blockMin = Double.POSITIVE_INFINITY;
  // The lowest average of the day's intervals longer than a window: the best bound on the day's
  // minimum when none of its windows is known (a meter read every two hours).
  private double blockIntervalMin = Double.POSITIVE_INFINITY;
  private double lastMin = Double.NaN;
  // Intervals of the current day: hours and litres, alternately.
  private final List<double[]> intervals = new ArrayList<>();
  private double pendingHours;
  private double pendingLitres;

  private boolean open;
  private long detectedHour;
  private LeakLevel level;

  private final List<LeakAlert> closed = new ArrayList<>();

  LeakRun() {
    Arrays.fill(boundaryHours, NONE);
    Arrays.fill(flowHours, NONE);
  }

  static LeakRun restore(State state) {
    LeakRun run = new LeakRun();
    run.windowHours = state.windowHours();
    System.arraycopy(state.boundaryHours(), 0, run.boundaryHours, 0, RING);
    System.arraycopy(state.boundaryLitres(), 0, run.boundaryLitres, 0, RING);
    System.arraycopy(state.flowHours(), 0, run.flowHours, 0, RING);
    System.arraycopy(state.flows(), 0, run.flows, 0, RING);
    run.lastKnownHour = state.lastKnownHour();
    run.lastKnownLitres = state.lastKnownLitres();
    run.backwardFrom = state.backwardFrom();
    run.backwardTo = state.backwardTo();
    run.runStart = state.runStart();
    run.blockStart = state.blockStart();
    run.completedLoss = state.completedLoss();
    run.blockMin = state.blockMin();
    run.blockIntervalMin = state.blockIntervalMin();
    run.lastMin = state.lastMin();
    for (int i = 0; i + 1 < state.intervals().length; i += 2) {
      run.intervals.add(new double[] {state.intervals()[i], state.intervals()[i + 1]});
    }
    run.pendingHours = state.pendingHours();
    run.pendingLitres = state.pendingLitres();
    run.open = state.open();
    run.detectedHour = state.detectedHour();
    run.level = state.open() ? LeakLevel.ofNumber(state.level()) : null;
    return run;
  }

  State state() {
    double[] flat = new double[intervals.size() * 2];
    for (int i = 0; i < intervals.size(); i++) {
      flat[2 * i] = intervals.get(i)[0];
      flat[2 * i + 1] = intervals.get(i)[1];
    }
    return new State(
        windowHours,
        boundaryHours.clone(),
        boundaryLitres.clone(),
        flowHours.clone(),
        flows.clone(),
        lastKnownHour,
        lastKnownLitres,
        backwardFrom,
        backwardTo,
        runStart,
        blockStart,
        completedLoss,
        blockMin,
        blockIntervalMin,
        lastMin,
        flat,
        pendingHours,
        pendingLitres,
        open,
        detectedHour,
        open ? level.number() : 0);
  }

  /** The window for the boundaries to come, hours (from the meter's resolution). */
  void windowHours(int hours) {
    this.windowHours = hours;
  }

  @Override
  public void discontinuity() {
    Arrays.fill(boundaryHours, NONE);
    lastKnownHour = NONE;
  }

  @Override
  public void stillIndex(long fromMillis, long toMillis) {
    if (!open) {
      // no leak of 4 L/h could have left the index still so long: the flow broke there
      startRun(
          Math.floorDiv(
              toMillis + HourBoundaries.MILLIS_PER_HOUR - 1, HourBoundaries.MILLIS_PER_HOUR));
    }
  }

  @Override
  public void backwardFlow(long fromMillis, long toMillis) {
    long from = Math.floorDiv(fromMillis, HourBoundaries.MILLIS_PER_HOUR);
    long to =
        Math.floorDiv(
            toMillis + HourBoundaries.MILLIS_PER_HOUR - 1, HourBoundaries.MILLIS_PER_HOUR);
    backwardFrom = backwardTo != NONE && from <= backwardTo ? Math.min(backwardFrom, from) : from;
    backwardTo = Math.max(backwardTo, to);
  }

  @Override
  public void boundary(long hour, double litres) {
    boundaryHours[slot(hour)] = hour;
    boundaryLitres[slot(hour)] = litres;
    boolean slowInterval = false;
    if (!Double.isNaN(litres)) {
      if (runStart == NONE) {
        startRun(hour);
      } else if (lastKnownHour != NONE && lastKnownHour >= runStart) {
        slowInterval = addInterval(hour - lastKnownHour, Math.max(0, litres - lastKnownLitres));
      }
      lastKnownHour = hour;
      lastKnownLitres = litres;
    }
    double flow = windowFlow(hour, litres);
    flowHours[slot(hour)] = hour;
    flows[slot(hour)] = flow;
    if (!Double.isNaN(flow)) {
      onWindow(hour, flow);
    } else if (slowInterval && !open) {
      startRun(hour);
    }
    if (runStart != NONE && hour - blockStart >= DAY_HOURS) {
      endDay(hour);
    }
    if (!open && runStart != NONE) {
      maybeOpen(hour);
    }
  }

  /** The alert going on at the last boundary, if any. */
  LeakAlert active() {
    if (!open) {
      return null;
    }
    return alert(runStart, null, Math.max(lastKnownHour, detectedHour));
  }

  /** The alerts closed since the last call, oldest first. */
  List<LeakAlert> drainClosed() {
    List<LeakAlert> drained = List.copyOf(closed);
    closed.clear();
    return drained;
  }

  private void onWindow(long hour, double flow) {
    if (open) {
      if (flow < LeakLevel.TOLERANCE_LPH) {
        close(hour - windowHours);
        startRun(hour);
      } else {
        blockMin = Math.min(blockMin, flow);
      }
    } else if (flow < BELOW_LEAK) {
      startRun(hour);
    } else {
      blockMin = Math.min(blockMin, flow);
    }
  }

  /**
   * Adds the interval ending at a known boundary to the current day, in pieces of at least a
   * window. Returns true when it spans a gap of unknown boundaries with an average below 4 L/h: the
   * minimum of the hours inside cannot be higher than their average, so the continuous flow broke
   * there.
   */
  private boolean addInterval(long hours, double litres) {
    pendingHours += hours;
    pendingLitres += litres;
    if (pendingHours >= windowHours) {
      intervals.add(new double[] {pendingHours, pendingLitres});
      pendingHours = 0;
      pendingLitres = 0;
    }
    if (hours <= windowHours) {
      return false;
    }
    blockIntervalMin = Math.min(blockIntervalMin, litres / hours);
    if (litres / hours < BELOW_LEAK) {
      blockMin = Math.min(blockMin, litres / hours);
      return true;
    }
    return false;
  }

  private double windowFlow(long hour, double litres) {
    if (windowHours > MeterResolution.MAX_WINDOW_HOURS || Double.isNaN(litres)) {
      return Double.NaN;
    }
    long from = hour - windowHours;
    if (backwardTo != NONE && from < backwardTo && hour > backwardFrom) {
      return Double.NaN;
    }
    int slot = slot(from);
    if (boundaryHours[slot] != from || Double.isNaN(boundaryLitres[slot])) {
      return Double.NaN;
    }
    double litresInWindow = litres - boundaryLitres[slot];
    // Water that flowed backwards makes the window unknown, never a negative or zero flow.
    return litresInWindow < 0 ? Double.NaN : litresInWindow / windowHours;
  }

  private void startRun(long hour) {
    runStart = hour;
    blockStart = hour;
    completedLoss = 0;
    blockMin = Double.POSITIVE_INFINITY;
    blockIntervalMin = Double.POSITIVE_INFINITY;
    lastMin = Double.NaN;
    intervals.clear();
    pendingHours = 0;
    pendingLitres = 0;
  }

  private void endDay(long hour) {
    double dayMin = blockMin;
    double lossMin = currentMin();
    completedLoss += dayLoss(lossMin, false);
    intervals.clear();
    if (!Double.isNaN(lossMin)) {
      lastMin = lossMin;
    }
    blockStart = hour;
    blockMin = Double.POSITIVE_INFINITY;
    blockIntervalMin = Double.POSITIVE_INFINITY;
    if (open && Double.isFinite(dayMin)) {
      if (dayMin < BELOW_LEAK) {
        close(hour);
        startRun(hour);
      } else {
        level = higher(level, LeakLevel.ofMinimumFlow(dayMin).orElseThrow());
      }
    }
  }

  private void maybeOpen(long hour) {
    if (hour - runStart < DAY_HOURS) {
      return;
    }
    int known = 0;
    double min = Double.POSITIVE_INFINITY;
    for (long h = hour - DAY_HOURS + 1; h <= hour; h++) {
      int slot = slot(h);
      if (flowHours[slot] == h && !Double.isNaN(flows[slot])) {
        known++;
        min = Math.min(min, flows[slot]);
      }
    }
    if (known >= MIN_KNOWN_WINDOWS && min >= BELOW_LEAK) {
      open = true;
      detectedHour = hour;
      level = LeakLevel.ofMinimumFlow(min).orElseThrow();
    }
  }

  private void close(long endHour) {
    closed.add(alert(runStart, endHour, endHour));
    open = false;
    level = null;
  }

  private LeakAlert alert(long start, Long endHour, long untilHour) {
    double loss = completedLoss + dayLoss(currentMin(), true);
    long hours = Math.max(1, untilHour - start);
    return new LeakAlert(
        instant(start),
        instant(detectedHour),
        endHour == null ? null : instant(endHour),
        level,
        BigDecimal.valueOf(Math.round(loss), 3),
        BigDecimal.valueOf(loss / hours).setScale(2, RoundingMode.HALF_UP));
  }

  /**
   * The day's minimum so far; when none of its windows is known, the lowest average of its longer
   * intervals; failing that, the last day's.
   */
  private double currentMin() {
    if (Double.isFinite(blockMin)) {
      return blockMin;
    }
    return Double.isFinite(blockIntervalMin) ? blockIntervalMin : lastMin;
  }

  private double dayLoss(double min, boolean withPending) {
    if (Double.isNaN(min)) {
      return 0;
    }
    double loss = 0;
    for (double[] interval : intervals) {
      loss += Math.min(interval[1], min * interval[0]);
    }
    if (withPending) {
      loss += Math.min(pendingLitres, min * pendingHours);
    }
    return loss;
  }

  private static LeakLevel higher(LeakLevel a, LeakLevel b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) RING);
  }

  private static Instant instant(long hour) {
    return Instant.ofEpochMilli(hour * HourBoundaries.MILLIS_PER_HOUR);
  }
}
