package io.releve.gateway.radio;

import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What was heard of one meter while listening.
 *
 * @param identity the link-layer identity it sent
 * @param modes the link modes it was heard in
 * @param lastMode the mode of its last telegram, when the receiver said
 * @param lastRssiDbm the RSSI of its last telegram, when measured
 * @param bestRssiDbm the best RSSI of all its telegrams, when measured
 * @param count the telegrams kept (copies dropped as duplicates not counted)
 * @param lastSeen when the last one was received
 * @param status what decoding its last telegram gave
 * @param receivers the receivers whose copies were kept
 */
public record HeardMeter(
    DeviceIdentity identity,
    Set<LinkMode> modes,
    Optional<LinkMode> lastMode,
    Optional<Integer> lastRssiDbm,
    Optional<Integer> bestRssiDbm,
    long count,
    Instant lastSeen,
    HeardStatus status,
    Set<String> receivers) {

  public HeardMeter {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(lastMode, "lastMode");
    Objects.requireNonNull(lastRssiDbm, "lastRssiDbm");
    Objects.requireNonNull(bestRssiDbm, "bestRssiDbm");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(status, "status");
    modes = Set.copyOf(modes);
    receivers = Set.copyOf(receivers);
  }
}
