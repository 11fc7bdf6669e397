package io.releve.gateway.leak;

import java.util.List;

/**
 * What the detector found in one meter's series.
 *
 * @param alerts closed alerts by start time, then the active one if any
 * @param events what the guards noticed, in series order
 */
public record LeakAnalysis(List<LeakAlert> alerts, List<GuardEvent> events) {

  public LeakAnalysis {
    alerts = List.copyOf(alerts);
    events = List.copyOf(events);
  }
}
