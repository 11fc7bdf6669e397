package io.releve.gateway.radio;

import java.util.Objects;

/** Which serial paths a stick may be configured with. */
final class StickPaths {
  /** Stable across reboots and replugging, unlike {@code /dev/ttyUSBn}. */
  static final String BY_ID = "/dev/serial/by-id/";

  /** A simulated stick's pseudo-terminal. */
  static final String PSEUDO_TERMINAL = "/dev/pts/";

  private StickPaths() {}

  /**
   * Returns {@code path} when it is a {@code /dev/serial/by-id/…} or {@code /dev/pts/…} path.
   *
   * @throws IllegalArgumentException naming the stick and the path otherwise
   */
  static String check(String path, String stick) {
    Objects.requireNonNull(path, "path");
    if ((path.startsWith(BY_ID) && path.length() > BY_ID.length())
        || (path.startsWith(PSEUDO_TERMINAL) && path.length() > PSEUDO_TERMINAL.length())) {
      return path;
    }
    throw new IllegalArgumentException(
        "Stick "
            + stick
            + ": port ["
            + path
            + "] must be a /dev/serial/by-id/… path (stable across replugging), or /dev/pts/… for"
            + " a simulated stick");
  }
}
