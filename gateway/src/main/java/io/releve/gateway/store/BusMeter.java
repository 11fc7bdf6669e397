package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * A meter on a wired bus and how the daemon reaches it.
 *
 * @param bus the bus name of the configuration
 * @param identity the meter's secondary address
 * @param addressing whether it is polled by primary or by secondary address
 * @param primaryAddress the primary address it answered with (0–250; 0 is the factory default)
 * @param foundAt when a scan (or the installer) last recorded it
 */
public record BusMeter(
    String bus,
    DeviceIdentity identity,
    Addressing addressing,
    int primaryAddress,
    Instant foundAt) {

  /** The highest primary address a meter may have (EN 13757-2: 1–250, 0 unconfigured). */
  public static final int MAX_PRIMARY_ADDRESS = 250;

  public BusMeter {
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(addressing, "addressing");
    Objects.requireNonNull(foundAt, "foundAt");
    if (primaryAddress < 0 || primaryAddress > MAX_PRIMARY_ADDRESS) {
      throw new IllegalArgumentException(
          "Primary address [" + primaryAddress + "] must lie between 0 and 250.");
    }
  }

  /** How a meter is addressed when polled. */
  public enum Addressing {
    /** By its primary address: only when that address is its own on the bus. */
    PRIMARY,
    /** Selected by its secondary address (id, manufacturer, version, medium), then read at 0xFD. */
    SECONDARY;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
