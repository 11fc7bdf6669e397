package io.releve.gateway.leak;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A leak found from a meter's flow, as the residents' alert table shows it (DESIGN §3.3).
 *
 * @param start the onset of the continuous flow: the end of the last hour with less than 4 L/h
 *     before the alert
 * @param detectedAt the hour boundary at which the detector first saw a whole day at 4 L/h or more
 * @param end when the leak stopped (the start of the hour without flow, or the end of the day whose
 *     minimum fell below 4 L/h); null while active
 * @param level the highest level its daily minimum flows reached
 * @param totalLossM3 the sum of the hourly leak volumes since {@code start}, m³, to the litre
 * @param averageFlowLph {@code totalLossM3} over the time from {@code start} to {@code end} (or to
 *     the last hour known while active), L/h, two decimals
 */
public record LeakAlert(
    Instant start,
    Instant detectedAt,
    Instant end,
    LeakLevel level,
    BigDecimal totalLossM3,
    BigDecimal averageFlowLph) {

  public LeakAlert {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(totalLossM3, "totalLossM3");
    Objects.requireNonNull(averageFlowLph, "averageFlowLph");
  }

  /** True while the leak goes on. */
  public boolean active() {
    return end == null;
  }
}
