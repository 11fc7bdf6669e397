package io.releve.gateway.daemon;

import io.releve.gateway.link.MBusMaster;
import java.io.IOException;

/**
 * Work done on a bus's own thread, between two meters of a cycle or between two cycles: the only
 * thread that may talk through the bus's port (see {@link Daemon#onBus}).
 *
 * @param <T> what the work gives back
 */
@FunctionalInterface
public interface BusWork<T> {

  /**
   * @param master the bus's link layer, connected
   * @throws IOException when the port or connection went away: the bus thread closes it and opens
   *     it again for what comes next
   */
  T run(MBusMaster master) throws IOException;
}
