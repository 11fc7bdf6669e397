package io.releve.gateway.sim;

import io.releve.gateway.link.SecondaryAddress;
import java.time.Instant;
import java.util.List;

/**
 * A meter of the simulated building as its M-Bus slave sees it: an identity and, for each readout,
 * the telegrams it answers with.
 *
 * <p>The bus half of the simulator (slaves, collisions, timing) and the building half (meters,
 * consumption) meet here: the slave frames what the meter returns and never looks inside.
 */
public interface SimulatedMeter {

  /** The secondary address the meter answers to and puts in its telegram headers. */
  SecondaryAddress address();

  /**
   * The user data of each telegram of one readout taken at {@code now}, CI field first (CI 0x72,
   * the long header, the data records). Every telegram but the last ends with the DIF 0x1F that
   * says more records follow. Each call is a new readout: the meter advances its access number with
   * each telegram (EN 13757-3: after each RSP_UD).
   */
  List<byte[]> readout(Instant now);

  /** How many telegrams one readout gives: a master needs that many exchanges to read it. */
  default int telegramsPerReadout() {
    return 1;
  }
}
