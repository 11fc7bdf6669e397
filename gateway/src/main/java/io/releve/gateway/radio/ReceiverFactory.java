package io.releve.gateway.radio;

import io.releve.gateway.config.RadioConfig;
import java.time.Clock;

/**
 * Makes the receiver a configuration block describes: the one place where each kind of receiver is
 * registered. A stick kind is one line here once its driver exists.
 */
@FunctionalInterface
public interface ReceiverFactory {

  /**
   * A receiver, not started yet.
   *
   * @throws UnsupportedOperationException when this build has no driver for that kind
   */
  RadioReceiver open(RadioConfig.Receiver config);

  /** The receivers this build drives. */
  static ReceiverFactory standard(Clock clock) {
    return config -> {
      if (config instanceof RadioConfig.RtlWmbus rtl) {
        return RtlWmbusReceiver.of(rtl, clock);
      }
      RadioConfig.Stick stick = (RadioConfig.Stick) config;
      switch (stick.type()) {
          // One line per driver once merged: case IM871A -> { return Im871aStick.of(stick, clock);
          // }
        case IM871A, AMBER -> throw notAvailable(stick);
        default -> throw notAvailable(stick);
      }
    };
  }

  private static UnsupportedOperationException notAvailable(RadioConfig.Stick stick) {
    return new UnsupportedOperationException(
        stick.name()
            + ": the "
            + stick.type().name().toLowerCase(java.util.Locale.ROOT)
            + " stick driver is not available in this build.");
  }
}
