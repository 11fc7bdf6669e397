package io.releve.gateway.transport;

import java.util.Set;

/** The wired M-Bus line speeds we support (DESIGN §3.1): 2400 bit/s by default, 300 and 9600. */
final class BusSpeeds {
  private static final Set<Integer> SUPPORTED = Set.of(300, 2400, 9600);

  private BusSpeeds() {}

  /** Returns {@code baud}, or throws naming it and {@code where}. */
  static int check(int baud, String where) {
    if (!SUPPORTED.contains(baud)) {
      throw new IllegalArgumentException(
          "Baud rate [" + baud + "] for " + where + " must be 300, 2400 or 9600.");
    }
    return baud;
  }
}
