package io.releve.gateway.leak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The leak detector of one meter, fed one reading at a time: the daemon keeps one per water meter
 * and saves its {@link State} with the readings that moved it; {@link LeakDetector} folds a whole
 * series through one.
 *
 * <p>Readings must come in time order; an older one than the last is a {@link GuardType#BACKDATED}
 * event and is not used. An hour is decided when the first reading after its end arrives. Not
 * thread-safe.
 */
public final class LeakTracker {

  /** The version of {@link State}: a state of another version is not restored. */
  public static final int STATE_VERSION = 2;

  /**
   * Everything a tracker knows, to be saved and restored (Jackson writes and reads it as JSON).
   *
   * @param version {@link #STATE_VERSION} when written
   * @param litresPerStep the finest resolution seen so far, litres (0 before the first reading)
   */
  public record State(
      int version,
      SeriesKind kind,
      double litresPerStep,
      boolean coarseReported,
      IndexContinuity.State continuity,
      HourBoundaries.State boundaries,
      LeakRun.State run) {}

  /** What one reading (or several) changed. */
  public record Changes(List<LeakAlert> closed, List<GuardEvent> events) {

    public Changes {
      closed = List.copyOf(closed);
      events = List.copyOf(events);
    }
  }

  private final SeriesKind kind;
  private final IndexContinuity continuity;
  private final HourBoundaries boundaries;
  private final LeakRun run;
  private MeterResolution resolution;
  private boolean coarseReported;

  public LeakTracker(SeriesKind kind) {
    this(kind, null);
  }

  /**
   * A tracker that already knows the meter's resolution (a whole series at hand): the first
   * readings do not have to show every digit.
   */
  public LeakTracker(SeriesKind kind, MeterResolution resolution) {
    this(
        kind,
        new IndexContinuity(kind),
        new HourBoundaries(),
        new LeakRun(),
        resolution,
        /* coarseReported= */ false);
  }

  private LeakTracker(
      SeriesKind kind,
      IndexContinuity continuity,
      HourBoundaries boundaries,
      LeakRun run,
      MeterResolution resolution,
      boolean coarseReported) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.continuity = continuity;
    this.boundaries = boundaries;
    this.run = run;
    this.resolution = resolution;
    this.coarseReported = coarseReported;
  }

  /**
   * A tracker that goes on from a saved state.
   *
   * @throws IllegalArgumentException when the state is of another version: the caller rebuilds the
   *     tracker from the readings instead
   */
  public static LeakTracker restore(State state) {
    if (state.version() != STATE_VERSION) {
      throw new IllegalArgumentException(
          "Leak tracker state version ["
              + state.version()
              + "] is not the version "
              + STATE_VERSION
              + " of this code.");
    }
    return new LeakTracker(
        state.kind(),
        IndexContinuity.restore(state.kind(), state.continuity()),
        HourBoundaries.restore(state.boundaries()),
        LeakRun.restore(state.run()),
        state.litresPerStep() > 0 ? new MeterResolution(state.litresPerStep()) : null,
        state.coarseReported());
  }

  public State state() {
    return new State(
        STATE_VERSION,
        kind,
        resolution == null ? 0 : resolution.litresPerStep(),
        coarseReported,
        continuity.state(),
        boundaries.state(),
        run.state());
  }

  /** Takes the next reading; returns the alerts it closed and what the guards noticed. */
  public Changes accept(IndexSample sample) {
    List<GuardEvent> events = new ArrayList<>();
    if (!sample.estimated()) {
      MeterResolution seen = MeterResolution.of(sample.indexM3());
      resolution = resolution == null ? seen : resolution.finer(seen);
    }
    if (resolution == null) {
      return new Changes(List.of(), events);
    }
    IndexContinuity.Step step = continuity.accept(sample, resolution, events);
    if (step != null) {
      if (kind == SeriesKind.WATER && !resolution.detectsLeaks() && !coarseReported) {
        coarseReported = true;
        events.add(
            new GuardEvent(
                sample.time(),
                GuardType.TOO_COARSE,
                "index read in steps of " + resolution.litresPerStep() + " L"));
      }
      // Allocators count units, not water: their flow never makes a leak.
      run.windowHours(
          kind == SeriesKind.WATER
              ? resolution.windowHours()
              : MeterResolution.MAX_WINDOW_HOURS + 1);
      boundaries.accept(step, resolution.stillMillis(), run);
    }
    return new Changes(run.drainClosed(), events);
  }

  /**
   * The last hour boundary decided, or empty before any: the state changes in substance only when
   * this moves, so a caller may save it then and replay the readings taken since.
   */
  public Optional<Instant> lastHourDecided() {
    long next = boundaries.nextHour();
    return next == Long.MIN_VALUE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli((next - 1) * HourBoundaries.MILLIS_PER_HOUR));
  }

  /** The leak going on at the last hour decided, if any, with its figures up to that hour. */
  public Optional<LeakAlert> active() {
    return Optional.ofNullable(run.active());
  }
}
