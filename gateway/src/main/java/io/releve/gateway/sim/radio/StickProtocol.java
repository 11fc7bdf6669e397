package io.releve.gateway.sim.radio;

import java.util.List;

/**
 * The serial protocol of one kind of wM-Bus stick, as the stick speaks it: it reads the host's
 * requests and frames the telegrams it hears. One class per stick kind; not thread-safe (the
 * virtual stick calls it under its own lock).
 */
interface StickProtocol {

  /**
   * Takes {@code n} bytes from the host and returns the complete frames to send back, in order.
   * Bytes that are no request of the protocol are skipped and counted in {@link
   * StickSettings#garbageBytes}.
   */
  List<byte[]> accept(byte[] bytes, int n, StickSettings settings);

  /**
   * The frame that hands {@code telegram} (from its L field on) to the host.
   *
   * @param rssiDbm the signal strength the stick measured
   * @param timestamp the stick's running time in milliseconds, for protocols that attach one
   */
  byte[] indication(byte[] telegram, int rssiDbm, long timestamp, StickSettings settings);
}
