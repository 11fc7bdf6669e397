package io.releve.gateway.radio;

import io.releve.gateway.config.RadioConfig;
import java.time.Clock;

/**
 * Makes the receiver a configuration block describes: the one place where each kind of receiver is
 * registered.
 */
@FunctionalInterface
public interface ReceiverFactory {

  /** A receiver, not started yet. */
  RadioReceiver open(RadioConfig.Receiver config);

  /** The receivers this build drives. */
  static ReceiverFactory standard(Clock clock) {
    return config -> {
      if (config instanceof RadioConfig.RtlWmbus rtl) {
        return RtlWmbusReceiver.of(rtl, clock);
      }
      RadioConfig.Stick stick = (RadioConfig.Stick) config;
      String name = stick.name().substring("stick.".length());
      String device = stick.device().toString();
      // a stick listens in S1, or in T1 and C1 together (LinkMode.T1 hears C1 too)
      LinkMode mode = stick.modes() == RadioConfig.Modes.S1 ? LinkMode.S1 : LinkMode.T1;
      return switch (stick.type()) {
        case IM871A -> new Im871aStick(name, device, mode);
        case AMBER -> new AmberStick(name, device, mode);
      };
    };
  }
}
