package io.releve.gateway.link;

import java.util.List;
import java.util.Objects;

/**
 * What a wildcard scan by secondary address found.
 *
 * @param meters the meters, each read out in full
 * @param unresolved complete ids on which replies still collided: meters sharing an id (differing
 *     in manufacturer, version or medium) or a noisy bus; check them by hand
 */
public record SecondaryScan(List<FoundMeter> meters, List<SecondaryAddressMask> unresolved) {
  public SecondaryScan {
    meters = List.copyOf(Objects.requireNonNull(meters, "meters"));
    unresolved = List.copyOf(Objects.requireNonNull(unresolved, "unresolved"));
  }
}
