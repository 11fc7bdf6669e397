package io.releve.gateway.radio;

/**
 * The wireless M-Bus link modes a receiver listens in (EN 13757-4). A stick hears S1, or T1 and C1
 * together, never all three.
 */
public enum LinkMode {
  /** Stationary, 868.3 MHz, 32.768 kchip/s Manchester; meters that send a few times a day. */
  S1,
  /** Frequent transmit, 868.95 MHz, 3 out of 6 coding, frame format A. */
  T1,
  /** Compact, 868.95 MHz, NRZ, frame format A or B. */
  C1;

  /** Whether a receiver set to {@code this} also hears {@code other}: T1 and C1 go together. */
  public boolean hearsWith(LinkMode other) {
    return this == other || (this != S1 && other != S1);
  }
}
