package io.releve.gateway.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.Objects;

/**
 * The service button, read at every tick: a press held {@link #LONG_PRESS} re-announces the gateway
 * (once per press, while still held, so the LED's answer is seen before letting go). A change of
 * level counts only once it has held {@link #DEBOUNCE}: contact bounce neither starts a press nor
 * ends one.
 */
final class ServiceButton {

  /** How long a press must last to re-announce the gateway. */
  static final Duration LONG_PRESS = Duration.ofSeconds(3);

  /** Mechanical switches bounce for a few milliseconds; 50 ms is well above. */
  static final Duration DEBOUNCE = Duration.ofMillis(50);

  private final DigitalInput line;
  private final Runnable onLongPress;
  private boolean raw;
  private long rawSince;
  private boolean pressed;
  private long pressedSince;
  private boolean fired;
  private int longPresses;
  private int shortPresses;

  ServiceButton(DigitalInput line, Runnable onLongPress) {
    this.line = Objects.requireNonNull(line, "line");
    this.onLongPress = Objects.requireNonNull(onLongPress, "onLongPress");
  }

  /** Samples the button at {@code nowNanos} (a monotonic time). */
  void tick(long nowNanos) {
    // wired to ground with the pull-up on: pressed is low
    boolean level = line.state() == DigitalState.LOW;
    if (level != raw) {
      raw = level;
      rawSince = nowNanos;
    }
    if (raw != pressed && nowNanos - rawSince >= DEBOUNCE.toNanos()) {
      pressed = raw;
      if (pressed) {
        pressedSince = rawSince;
        fired = false;
      } else if (!fired) {
        shortPresses++;
      }
    }
    if (pressed && !fired && nowNanos - pressedSince >= LONG_PRESS.toNanos()) {
      fired = true;
      longPresses++;
      onLongPress.run();
    }
  }

  /** Presses that re-announced the gateway. */
  int longPresses() {
    return longPresses;
  }

  /** Presses released before {@link #LONG_PRESS}: they do nothing. */
  int shortPresses() {
    return shortPresses;
  }
}
