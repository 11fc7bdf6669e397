package io.releve.gateway.sim.radio;

import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;

/**
 * What one kind of radio meter reports: the EN 13757-3 data records of a telegram sent at a given
 * instant. One class per kind of meter; the values come from the consumption models of the
 * simulated building, so they are deterministic for a given instant.
 */
public interface MeterRecords {

  /** The data records of a telegram sent at {@code now}. */
  byte[] at(Instant now);

  /**
   * Checks that {@code identity} announces a device type this kind of meter can be.
   *
   * @throws IllegalArgumentException naming the identity and the expected types
   */
  void checkIdentity(DeviceIdentity identity);
}
