package io.releve.gateway.sim.building;

import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.sim.SimulatedMeter;
import java.util.Objects;

/**
 * A meter on a planned bus, with the primary address it answers to.
 *
 * @param primaryAddress 1 to 250 (EN 13757-2: 0 is the factory address, above 250 broadcast and
 *     network-layer addresses)
 * @param meter what the slave answers with
 */
public record PlannedSlave(int primaryAddress, SimulatedMeter meter) {
  public PlannedSlave {
    Objects.requireNonNull(meter, "meter");
    if (primaryAddress < 1 || primaryAddress > LinkFrames.MAX_PRIMARY) {
      throw new IllegalArgumentException(
          "Primary address ["
              + primaryAddress
              + "] of "
              + meter
              + " must lie between 1 and "
              + LinkFrames.MAX_PRIMARY
              + ".");
    }
  }
}
