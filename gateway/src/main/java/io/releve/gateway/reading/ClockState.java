package io.releve.gateway.reading;

/**
 * Whether the gateway's clock could be trusted when a reading was received. A Raspberry Pi has no
 * real-time clock: until the time is synchronised, a plausible but wrong time is restored.
 */
public enum ClockState {
  /** The system clock was synchronised (NTP) when the reading was received. */
  SYNCHRONISED,
  /** Received before synchronisation; the receive time may be wrong and may be re-timed later. */
  UNSYNCHRONISED,
  /** Received before synchronisation and re-timed from the monotonic clock once it came. */
  RETIMED
}
