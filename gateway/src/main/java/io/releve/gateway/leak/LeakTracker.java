package io.releve.gateway.leak;

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

  /**
   * Everything a tracker knows, to be saved and restored (Jackson writes and reads it as JSON).
   *
   * @param litresPerStep the finest resolution seen so far, litres (0 before the first reading)
   */
  public record State(
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

    public boolean isEmpty() {
      return closed.isEmpty() && events.isEmpty();
    }
  }

  private final SeriesKind kind;
  private final IndexContinuity continuity;
  private final HourBoundaries boundaries;
  private final LeakRun run;
  private MeterResolution resolution;
  private boolean coarseReported;

  public LeakTracker(SeriesKind kind) {
    this(
        kind,
        new IndexContinuity(kind),
        new HourBoundaries(),
        new LeakRun(),
        null,
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

  /** A tracker that goes on from a saved state. */
  public static LeakTracker restore(State state) {
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
    MeterResolution seen = MeterResolution.of(sample.indexM3());
    resolution = resolution == null ? seen : resolution.finer(seen);
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
      boundaries.accept(step, run);
    }
    return new Changes(run.drainClosed(), events);
  }

  /** The leak going on at the last hour decided, if any, with its figures up to that hour. */
  public Optional<LeakAlert> active() {
    return Optional.ofNullable(run.active());
  }
}
