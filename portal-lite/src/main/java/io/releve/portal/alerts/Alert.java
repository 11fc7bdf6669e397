package io.releve.portal.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One alert of a meter as it stands (a row of the bridge's {@code alerts} table) with the meter's
 * printed serial and medium from the registry.
 *
 * @param gateway the gateway that raised it
 * @param epoch that gateway's database epoch; with {@code gateway} and {@code id}, the alert's key
 * @param id the gateway's number for it, unique within the epoch
 * @param device the meter's link-layer key ({@code SEN-12345601-68-16})
 * @param printedSerial the serial printed on the meter; null when the registry has none
 * @param medium the meter's medium as installed ({@code cold_water}); null when unknown
 * @param type the stored type word ({@code leak}, {@code meter_alarm}, {@code not_heard}…)
 * @param condition for a meter alarm, what the meter reports ({@code burst}…); empty otherwise
 * @param level for a leak, 1 to 3; null otherwise
 * @param start since when: for a leak, the onset of the continuous flow
 * @param detectedAt when the gateway raised it
 * @param end when it ended; null while active
 * @param totalLossM3 for a leak, the water lost since the onset in m³, with the scale the gateway
 *     wrote ({@code 0.355}); null otherwise
 * @param averageFlowLph for a leak, the total loss over the time since the onset in L/h; null
 *     otherwise
 * @param source where it comes from: {@code flow}, the meter's record or status bit, {@code
 *     silence: …}
 */
public record Alert(
    String gateway,
    String epoch,
    long id,
    String device,
    String printedSerial,
    String medium,
    String type,
    String condition,
    Integer level,
    Instant start,
    Instant detectedAt,
    Instant end,
    BigDecimal totalLossM3,
    BigDecimal averageFlowLph,
    String source) {

  /** Whether it is still going on (no end yet). */
  public boolean active() {
    return end == null;
  }

  /** The type as this portal knows it. */
  public AlertType kind() {
    return AlertType.of(type);
  }

  /** The leak level, for a leak that has one. */
  public Optional<LeakLevel> leakLevel() {
    return LeakLevel.of(level);
  }
}
