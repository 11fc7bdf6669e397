package io.releve.gateway.radio;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stick is watched and brought back.
 *
 * @param answerTimeout longest wait for the stick's answer to one request (ping, reset, config)
 * @param pingInterval how often a stick that is listening is pinged
 * @param silence longest time without a single byte from the stick before it counts as lost; a
 *     pinged stick answers, so this catches a line that swallows our requests without failing
 * @param firstBackoff wait before the first reopen after a loss; it doubles up to {@code
 *     maxBackoff}
 * @param maxBackoff longest wait between two reopen attempts
 */
public record StickTimings(
    Duration answerTimeout,
    Duration pingInterval,
    Duration silence,
    Duration firstBackoff,
    Duration maxBackoff) {

  /** 2 s answers, a ping every 30 s, 90 s of silence, reopen after 1 s doubling to 60 s. */
  public static final StickTimings DEFAULT =
      new StickTimings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          Duration.ofSeconds(90),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  public StickTimings {
    positive(answerTimeout, "answerTimeout");
    positive(pingInterval, "pingInterval");
    positive(silence, "silence");
    positive(firstBackoff, "firstBackoff");
    positive(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff " + maxBackoff + " must not be shorter than firstBackoff " + firstBackoff);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
