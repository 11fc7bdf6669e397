package io.releve.gateway.transport;

import java.util.List;

/** The wired M-Bus line speeds we support (DESIGN §3.1): 2400 bit/s by default, 300 and 9600. */
public final class BusSpeeds {
  /** Every speed a bus may be configured at, in bit/s. */
  public static final List<Integer> SUPPORTED = List.of(300, 2400, 9600);

  private BusSpeeds() {}

  /** Returns {@code baud}, or throws naming it and {@code where}. */
  public static int check(int baud, String where) {
    if (!SUPPORTED.contains(baud)) {
      throw new IllegalArgumentException(
          "Baud rate [" + baud + "] for " + where + " must be 300, 2400 or 9600.");
    }
    return baud;
  }
}
