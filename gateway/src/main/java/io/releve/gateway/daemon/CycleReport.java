package io.releve.gateway.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one poll cycle of one bus did: the daemon logs it, and health reporting reads the latest.
 *
 * @param bus the bus name
 * @param number the cycle's number since the daemon started, from 1
 * @param started when it started, by the daemon's clock
 * @param elapsed how long it took, in real time
 * @param meters how many meters were to be read
 * @param silent the meters that did not answer or answered garbled after the retries, as keys with
 *     the reason
 * @param frames telegrams received
 * @param readings readings stored (in one transaction)
 * @param rejected telegrams put in quarantine
 * @param capped meters whose readout the telegram cap cut short
 * @param failure why the cycle stopped early (the port or connection went away), or null
 */
public record CycleReport(
    String bus,
    long number,
    Instant started,
    Duration elapsed,
    int meters,
    List<String> silent,
    int frames,
    int readings,
    int rejected,
    int capped,
    String failure) {

  public CycleReport {
    silent = List.copyOf(silent);
  }

  /** The meters that answered. */
  public int answered() {
    return meters - silent.size();
  }

  /** One line for the log. */
  public String summary() {
    String line =
        String.format(
            java.util.Locale.ROOT,
            "bus %s cycle %d: %d/%d meters answered, %d telegrams, %d readings stored, %d"
                + " quarantined in %d ms",
            bus,
            number,
            answered(),
            meters,
            frames,
            readings,
            rejected,
            elapsed.toMillis());
    if (capped > 0) {
      line += ", " + capped + " readouts cut by the telegram cap";
    }
    return failure == null ? line : line + "; stopped early: " + failure;
  }
}
