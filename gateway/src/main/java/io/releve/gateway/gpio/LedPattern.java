package io.releve.gateway.gpio;

/**
 * The status LED's patterns, one 2-second cycle each, in steps of {@link #STEP_MILLIS}: {@code #}
 * lit, {@code .} dark. From the worst state down: a stalled poll loop, an open alert, an uplink
 * down, all well.
 */
public enum LedPattern {
  /** A poll loop is stuck or the radio loop stopped: lit steadily. */
  STALLED("####################"),
  /** An alert is open: half a second lit, half a second dark. */
  ALERT("#####.....#####....."),
  /** The broker cannot be reached: two short blinks every two seconds. */
  UPLINK_DOWN("##..##.............."),
  /** All well: one short blink every two seconds. */
  HEARTBEAT("##..................");

  /** One step of a pattern. */
  public static final long STEP_MILLIS = 100;

  /** Steps in a cycle: 2 s. */
  public static final int STEPS = 20;

  private final String steps;

  LedPattern(String steps) {
    if (steps.length() != STEPS) {
      throw new IllegalArgumentException("Pattern [" + steps + "] must have " + STEPS + " steps.");
    }
    this.steps = steps;
  }

  /** Whether the LED is lit at {@code step} of the cycle (0 to {@link #STEPS} − 1). */
  public boolean lit(int step) {
    return steps.charAt(step) == '#';
  }

  /** The pattern of the worst thing going on. */
  public static LedPattern of(GatewayStatus status) {
    if (!status.polling()) {
      return STALLED;
    }
    if (status.alertActive()) {
      return ALERT;
    }
    return status.uplinkDown() ? UPLINK_DOWN : HEARTBEAT;
  }
}
