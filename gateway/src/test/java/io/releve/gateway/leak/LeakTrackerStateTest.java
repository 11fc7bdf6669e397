package io.releve.gateway.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakTrackerStateTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void trackerSavedAsJsonAndRestored_goesOnExactlyAsOneThatNeverStopped() throws Exception {
    List<IndexSample> samples =
        IndexSeries.litreMeter("2025-03-09T00:00:00Z")
            .flow(24, 0)
            .flow(40, 9)
            .flow(3, 0)
            .flow(30, 14)
            .samples();
    LeakTracker straight = new LeakTracker(SeriesKind.WATER);
    List<LeakAlert> straightClosed = new ArrayList<>();
    for (IndexSample sample : samples) {
      straightClosed.addAll(straight.accept(sample).closed());
    }

    LeakTracker restarted = new LeakTracker(SeriesKind.WATER);
    List<LeakAlert> restartedClosed = new ArrayList<>();
    for (IndexSample sample : samples) {
      String saved = json.writeValueAsString(restarted.state());
      restarted = LeakTracker.restore(json.readValue(saved, LeakTracker.State.class));
      restartedClosed.addAll(restarted.accept(sample).closed());
    }

    assertEquals(1, straightClosed.size());
    assertEquals(straightClosed, restartedClosed);
    assertEquals(straight.active(), restarted.active());
    assertEquals(LeakLevel.LEVEL_3, restarted.active().orElseThrow().level());
  }
}
