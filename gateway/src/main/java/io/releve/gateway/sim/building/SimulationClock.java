package io.releve.gateway.sim.building;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock for the simulated building that runs {@code speed} times faster than real time: it shows
 * {@code base} at the real instant {@code start}, and each real second later adds {@code speed}
 * simulated seconds. With speed 1 and base = start it is the real clock; with speed 3600 an hour of
 * the building passes every second, so a day of poll cycles takes 24 seconds.
 *
 * <p>Immutable and thread-safe. The meters take their readout instant from it, so that a readout at
 * any simulated time gives the index of that time.
 */
public final class SimulationClock extends Clock {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Instant base;
  private final Instant start;
  private final double speed;
  private final Clock real;
  private final ZoneId zone;

  /**
   * A clock driven by the system clock, in UTC.
   *
   * @param base the simulated instant shown at {@code start}
   * @param start the real instant the simulation starts
   * @param speed simulated seconds per real second, more than 0
   */
  public SimulationClock(Instant base, Instant start, double speed) {
    this(base, start, speed, Clock.systemUTC(), ZoneOffset.UTC);
  }

  /**
   * A clock driven by {@code real} instead of the system clock (a fixed clock in tests), with the
   * zone {@code zone}.
   */
  public SimulationClock(Instant base, Instant start, double speed, Clock real, ZoneId zone) {
    this.base = Objects.requireNonNull(base, "base");
    this.start = Objects.requireNonNull(start, "start");
    this.real = Objects.requireNonNull(real, "real");
    this.zone = Objects.requireNonNull(zone, "zone");
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException(
          "Speed [" + speed + "] must be a finite number of simulated seconds per second above 0.");
    }
    this.speed = speed;
  }

  /** Starts now: shows {@code base} at this very moment of the system clock. */
  public static SimulationClock startingAt(Instant base, double speed) {
    return new SimulationClock(base, Instant.now(), speed);
  }

  public double speed() {
    return speed;
  }

  /** How much real time passes while the simulated clock advances by {@code simulated}. */
  public Duration realTimeFor(Duration simulated) {
    return Duration.ofNanos(Math.round(simulated.toNanos() / speed));
  }

  @Override
  public Instant instant() {
    Duration realElapsed = Duration.between(start, real.instant());
    double nanos = realElapsed.toNanos() * speed;
    long seconds = (long) Math.floor(nanos / NANOS_PER_SECOND);
    long rest = (long) (nanos - (double) seconds * NANOS_PER_SECOND);
    return base.plusSeconds(seconds).plusNanos(rest);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return newZone.equals(zone) ? this : new SimulationClock(base, start, speed, real, newZone);
  }

  @Override
  public String toString() {
    return "SimulationClock[base=" + base + ", start=" + start + ", speed=" + speed + "]";
  }
}
