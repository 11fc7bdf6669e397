package io.releve.cloud.faults;

import java.time.Duration;

/** Polling with a deadline, for conditions that other processes and threads make true. */
public final class Await {

  /** Long enough for a resend after the gateway's longest ack wait in these tests. */
  static final Duration DEADLINE = Duration.ofSeconds(120);

  private Await() {}

  public interface Condition {
    boolean holds() throws Exception;
  }

  public static void until(String what, Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      try {
        if (condition.holds()) {
          return;
        }
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("timed out waiting for " + what + ": " + e, e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(25);
    }
  }
}
