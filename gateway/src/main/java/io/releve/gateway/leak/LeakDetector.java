package io.releve.gateway.leak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The leak detector over a whole series of one meter (DESIGN §3.3): values in, alerts out. The
 * daemon runs the same rules reading by reading ({@link LeakTracker}); {@code releve leaks analyze}
 * and the tests run them here.
 */
public final class LeakDetector {

  private LeakDetector() {}

  /**
   * The alerts of a water meter's readings, as they stand at {@code now}.
   *
   * @param samples the readings of one meter, in any order; readings after {@code now} are left out
   *     with a {@link GuardType#FUTURE} event
   */
  public static LeakAnalysis analyze(List<IndexSample> samples, Instant now) {
    return analyze(samples, now, SeriesKind.WATER);
  }

  /** As {@link #analyze(List, Instant)}, for a series of the given kind. */
  public static LeakAnalysis analyze(List<IndexSample> samples, Instant now, SeriesKind kind) {
    List<IndexSample> ordered = new ArrayList<>(samples);
    // Stable: two readings at the same time keep their order, and the first one wins.
    ordered.sort(Comparator.comparing(IndexSample::time));
    LeakTracker tracker = new LeakTracker(kind);
    List<LeakAlert> alerts = new ArrayList<>();
    List<GuardEvent> events = new ArrayList<>();
    for (IndexSample sample : ordered) {
      if (sample.time().isAfter(now)) {
        events.add(
            new GuardEvent(
                sample.time(), GuardType.FUTURE, "read after the time of the analysis " + now));
        continue;
      }
      LeakTracker.Changes changes = tracker.accept(sample);
      alerts.addAll(changes.closed());
      events.addAll(changes.events());
    }
    tracker.active().ifPresent(alerts::add);
    return new LeakAnalysis(alerts, events);
  }
}
