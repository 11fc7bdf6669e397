package io.releve.gateway.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults one virtual slave shows, settable at run time from any thread: how tests of the link layer
 * and of the daemon make a meter fall silent, lose or garble its replies, answer late or answer
 * under another address.
 *
 * <p>Dropping, corrupting and the wrong address apply to RSP_UD telegrams only, never to E5
 * acknowledgements, so that a test can aim at the data of a readout: the slave still believes it
 * sent the telegram, so the master's retry with the same FCB gets the same telegram again (EN
 * 13757-2). {@link #silent} and {@link #extraDelay} apply to every reply.
 */
public final class SlaveFaults {
  private final AtomicInteger dropNext = new AtomicInteger();
  private final AtomicInteger corruptNext = new AtomicInteger();
  private volatile boolean silent;
  private volatile boolean wrongAddress;
  private volatile Duration extraDelay = Duration.ZERO;

  /** The slave hears but never answers: a dead meter, a cut drop cable. */
  public SlaveFaults silent(boolean silent) {
    this.silent = silent;
    return this;
  }

  /**
   * The next {@code count} telegrams are lost on the way (the slave sends, the master hears none).
   */
  public SlaveFaults dropNext(int count) {
    dropNext.set(checkCount(count));
    return this;
  }

  /** The next {@code count} telegrams arrive with a wrong checksum. */
  public SlaveFaults corruptNext(int count) {
    corruptNext.set(checkCount(count));
    return this;
  }

  /**
   * Added to the bus's reply delay for every reply; beyond EN 13757-2's 330 bit times + 50 ms the
   * master gives up waiting.
   */
  public SlaveFaults extraDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("Extra reply delay [" + delay + "] must not be negative.");
    }
    this.extraDelay = delay;
    return this;
  }

  /** Telegrams carry another A field than the one asked (a misconfigured meter). */
  public SlaveFaults wrongAddress(boolean wrongAddress) {
    this.wrongAddress = wrongAddress;
    return this;
  }

  /** Back to a healthy slave. */
  public SlaveFaults clear() {
    silent = false;
    wrongAddress = false;
    extraDelay = Duration.ZERO;
    dropNext.set(0);
    corruptNext.set(0);
    return this;
  }

  public boolean isSilent() {
    return silent;
  }

  public boolean isWrongAddress() {
    return wrongAddress;
  }

  public Duration extraDelay() {
    return extraDelay;
  }

  /** Telegrams still to drop. */
  public int pendingDrops() {
    return dropNext.get();
  }

  /** Telegrams still to corrupt. */
  public int pendingCorruptions() {
    return corruptNext.get();
  }

  /** Whether to drop this telegram; counts it down. */
  boolean takeDrop() {
    return takeOne(dropNext);
  }

  /** Whether to corrupt this telegram; counts it down. */
  boolean takeCorruption() {
    return takeOne(corruptNext);
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  private static int checkCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("Reply count [" + count + "] must not be negative.");
    }
    return count;
  }
}
