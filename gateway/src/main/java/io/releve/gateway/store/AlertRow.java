package io.releve.gateway.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the alerts table.
 *
 * @param id the row id; 0 before it is inserted
 * @param deviceId the devices row
 * @param type {@code leak}, {@code meter_alarm} or {@code not_heard}
 * @param condition for a meter alarm, what the meter reports ({@code leak}, {@code burst}…); empty
 *     otherwise
 * @param level for a leak, 1 to 3; null otherwise
 * @param startedAt since when
 * @param detectedAt when the gateway raised it
 * @param endedAt when it ended; null while active
 * @param totalLossM3 for a leak, to the litre; null otherwise
 * @param averageFlowLph for a leak, two decimals; null otherwise
 * @param source where it comes from: {@code flow} for a leak found by the gateway, the record or
 *     status bit for a meter alarm, {@code silence} for not heard
 */
public record AlertRow(
    long id,
    long deviceId,
    String type,
    String condition,
    Integer level,
    Instant startedAt,
    Instant detectedAt,
    Instant endedAt,
    BigDecimal totalLossM3,
    BigDecimal averageFlowLph,
    String source) {

  public AlertRow {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(source, "source");
  }

  public boolean active() {
    return endedAt == null;
  }

  public AlertRow withId(long newId) {
    return new AlertRow(
        newId,
        deviceId,
        type,
        condition,
        level,
        startedAt,
        detectedAt,
        endedAt,
        totalLossM3,
        averageFlowLph,
        source);
  }
}
