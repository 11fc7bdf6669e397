package io.releve.portal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling, never by sleeping a guessed time. */
public final class Poll {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** Between two looks: short against the waits it replaces, long enough to leave the CPU. */
  private static final long INTERVAL_MILLIS = 20;

  private Poll() {}

  public static void until(BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + TIMEOUT.toSeconds() + " s for " + what.get());
      }
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what.get());
      }
    }
  }
}
