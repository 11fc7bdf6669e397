package io.releve.gateway.clock;

import java.time.Duration;
import java.util.Objects;

/**
 * How one run of the daemon stamps times (DESIGN §3.5): until the clock is synchronised, a stamp is
 * the anchor's wall time plus the monotonic time elapsed since the anchor, so that it maps back to
 * a monotonic time exactly; once synchronised, the wall time at the synchronisation and the
 * monotonic time then give every earlier stamp of the same boot its true time. Pure arithmetic: the
 * store keeps it in its meta table, {@link GatewayClock} makes it.
 *
 * @param bootId the boot the monotonic times belong to
 * @param anchorMonoNanos monotonic time of the anchor, ns since boot
 * @param anchorWallMillis wall time given to the anchor, ms since 1970, never before {@link
 *     GatewayClock#EARLIEST_TRUSTED}
 * @param syncMonoNanos monotonic time at the synchronisation, or -1 before it
 * @param syncWallMillis the synchronised wall time then, or -1 before it
 */
public record TimeBase(
    String bootId,
    long anchorMonoNanos,
    long anchorWallMillis,
    long syncMonoNanos,
    long syncWallMillis) {

  private static final long NANOS_PER_MILLI = 1_000_000;

  /**
   * A stamp before this margin under the synchronised time is surely from before the switch; below
   * it the two could be mixed up (a clock restored ahead of the real time), and nothing is guessed.
   */
  static final Duration SWITCH_MARGIN = Duration.ofMinutes(1);

  public TimeBase {
    Objects.requireNonNull(bootId, "bootId");
    if (bootId.isBlank() || bootId.contains(" ")) {
      throw new IllegalArgumentException("Boot id [" + bootId + "] must be one word.");
    }
    if ((syncMonoNanos < 0) != (syncWallMillis < 0)) {
      throw new IllegalArgumentException(
          "Synchronisation needs both its monotonic ["
              + syncMonoNanos
              + "] and its wall ["
              + syncWallMillis
              + "] time.");
    }
  }

  /** Anchored now, not synchronised yet. */
  public static TimeBase anchored(String bootId, long monoNanos, long wallMillis) {
    return new TimeBase(bootId, monoNanos, wallMillis, -1, -1);
  }

  /** This base, synchronised at {@code monoNanos} when the true time was {@code wallMillis}. */
  public TimeBase synchronisedAt(long monoNanos, long wallMillis) {
    return new TimeBase(bootId, anchorMonoNanos, anchorWallMillis, monoNanos, wallMillis);
  }

  public boolean synchronised() {
    return syncMonoNanos >= 0;
  }

  /** The anchored stamp of a monotonic time. */
  public long anchoredMillis(long monoNanos) {
    return anchorWallMillis + Math.floorDiv(monoNanos - anchorMonoNanos, NANOS_PER_MILLI);
  }

  /** The monotonic time an anchored stamp was taken at. */
  public long monoOf(long anchoredMillis) {
    return anchorMonoNanos + (anchoredMillis - anchorWallMillis) * NANOS_PER_MILLI;
  }

  /**
   * The true time of a monotonic time of this boot: sync wall − (sync mono − mono).
   *
   * @throws IllegalStateException before synchronisation
   */
  public long retimedMillis(long monoNanos) {
    if (!synchronised()) {
      throw new IllegalStateException("Boot " + bootId + " is not synchronised yet.");
    }
    return syncWallMillis - Math.floorDiv(syncMonoNanos - monoNanos, NANOS_PER_MILLI);
  }

  /**
   * The true time of a stamp this run handed out before the synchronisation: every such stamp moves
   * by the same amount, as they all count from the anchor. Equal to {@code
   * retimedMillis(monoOf(anchoredMillis))}.
   *
   * @throws IllegalStateException before synchronisation
   */
  public long retimedStamp(long anchoredMillis) {
    if (!synchronised()) {
      throw new IllegalStateException("Boot " + bootId + " is not synchronised yet.");
    }
    return anchoredMillis
        + syncWallMillis
        - anchorWallMillis
        - Math.floorDiv(syncMonoNanos - anchorMonoNanos, NANOS_PER_MILLI);
  }

  /**
   * Whether a stamp handed out by this run is surely an anchored one from before the
   * synchronisation, whatever it was flagged with: a batch stamped before the switch can be stored
   * just after it. True only when the anchored times stayed a {@link #SWITCH_MARGIN} under the true
   * time (the usual case: fake-hwclock restores a time from the past) and the stamp is under it.
   */
  public boolean stampedBeforeSync(long stampMillis) {
    return synchronised()
        && anchoredMillis(syncMonoNanos) + SWITCH_MARGIN.toMillis() <= syncWallMillis
        && stampMillis < syncWallMillis;
  }

  /** The form kept in the store: five words. */
  public String text() {
    return bootId
        + " "
        + anchorMonoNanos
        + " "
        + anchorWallMillis
        + " "
        + syncMonoNanos
        + " "
        + syncWallMillis;
  }

  /**
   * Reads {@link #text()}.
   *
   * @throws IllegalArgumentException naming the text when it is not five words with four numbers
   */
  public static TimeBase parse(String text) {
    String[] words = text.trim().split(" ");
    if (words.length != 5) {
      throw new IllegalArgumentException("Time base [" + text + "] must have five words.");
    }
    try {
      return new TimeBase(
          words[0],
          Long.parseLong(words[1]),
          Long.parseLong(words[2]),
          Long.parseLong(words[3]),
          Long.parseLong(words[4]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Time base [" + text + "] has a word that is no number.", e);
    }
  }
}
