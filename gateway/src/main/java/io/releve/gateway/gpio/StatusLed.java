package io.releve.gateway.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives the status LED from the daemon's state: the state is read at the start of each cycle, so a
 * pattern always plays whole.
 */
final class StatusLed {

  private final DigitalOutput line;
  private final Supplier<GatewayStatus> status;
  private LedPattern pattern;
  private long cycle = -1;
  private Boolean lit;

  StatusLed(DigitalOutput line, Supplier<GatewayStatus> status) {
    this.line = Objects.requireNonNull(line, "line");
    this.status = Objects.requireNonNull(status, "status");
  }

  /** Sets the LED for the moment {@code sinceStartNanos} after the panel started. */
  void tick(long sinceStartNanos) {
    long step = TimeUnit.NANOSECONDS.toMillis(sinceStartNanos) / LedPattern.STEP_MILLIS;
    long thisCycle = step / LedPattern.STEPS;
    if (thisCycle != cycle) {
      cycle = thisCycle;
      pattern = LedPattern.of(status.get());
    }
    boolean on = pattern.lit((int) (step % LedPattern.STEPS));
    if (lit == null || lit != on) {
      lit = on;
      line.state(on ? DigitalState.HIGH : DigitalState.LOW);
    }
  }

  /** The pattern playing, null before the first tick. */
  LedPattern pattern() {
    return pattern;
  }

  void off() {
    line.low();
  }
}
