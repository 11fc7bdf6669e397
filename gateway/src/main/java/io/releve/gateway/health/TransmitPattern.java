package io.releve.gateway.health;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * When one meter transmits, learnt week by week, to tell a meter that is silent because of its
 * schedule from one that is silent because something is wrong. Many radio meters only send in
 * working hours or on set days, so silence is measured against the hours of the week in which the
 * meter is usually heard, not against a mean interval.
 *
 * <p>The week has 168 one-hour slots of local time in the zone given at creation (slot 0 is Monday
 * 00:00–01:00). A slot is <em>active</em> when the meter was heard in it at least once in the 4
 * weeks up to its last reception. Once the pattern covers a week, a meter is <em>not heard</em>
 * when the active slots that have fully passed since its last reception (that reception's hour not
 * counted) number at least {@code min(6, 2 × active slots)}: a meter that sends in one hour a week
 * after two missed weeks, a working-hours meter after six missed working hours, a meter that sends
 * around the clock after six missed hours. Before that, while learning, it is not heard after 48
 * hours of silence.
 *
 * <p>Pure: times are parameters, nothing is read from a clock. Not thread-safe: one owner at a
 * time.
 */
public final class TransmitPattern {

  /** The pattern is trusted once its receptions span this long: a whole week of slots. */
  static final Duration LEARNING = Duration.ofDays(7);

  /** While learning, the silence after which a meter is not heard. */
  static final Duration LEARNING_SILENCE = Duration.ofHours(48);

  /** A slot stays active this many weeks (the week of the last reception included). */
  static final int ACTIVE_WEEKS = 4;

  /** Missed active slots that make any meter not heard, however many slots it has. */
  static final int MAX_MISSED_SLOTS = 6;

  /** A meter with few active slots is not heard after missing them this many weeks running. */
  static final int MISSED_WEEKS = 2;

  private final ZoneId zone;

  /** Per slot, the last week number it was heard in ({@link HourOfWeek#week}), 0 for never. */
  private final int[] lastWeekHeard;

  private Instant firstHeard; // null until the first reception
  private Instant lastHeard; // null until the first reception

  /** A pattern of a meter not heard yet, in the local time of {@code zone}. */
  public TransmitPattern(ZoneId zone) {
    this(zone, null, null, new int[HourOfWeek.SLOTS]);
  }

  private TransmitPattern(ZoneId zone, Instant firstHeard, Instant lastHeard, int[] weeks) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.firstHeard = firstHeard;
    this.lastHeard = lastHeard;
    this.lastWeekHeard = weeks;
  }

  /**
   * The pattern {@link #state()} saved. {@code zone} must be the one it was learnt in: the slots
   * are hours of that zone's local time.
   */
  public static TransmitPattern restore(State state, ZoneId zone) {
    Objects.requireNonNull(state, "state");
    return new TransmitPattern(
        zone,
        state.firstHeard() == null ? null : Instant.parse(state.firstHeard()),
        state.lastHeard() == null ? null : Instant.parse(state.lastHeard()),
        state.lastWeekHeard());
  }

  /**
   * Records a reception at {@code time}. Receptions may come out of order (a backlog read late):
   * the first and last receptions and each slot's week only ever move outwards.
   *
   * @throws IllegalArgumentException when {@code time} is before 1970, which only a clock that was
   *     never set gives
   */
  public void heard(Instant time) {
    Objects.requireNonNull(time, "time");
    if (time.isBefore(Instant.EPOCH)) {
      throw new IllegalArgumentException(
          "Reception time [" + time + "] is before 1970: the clock was not set.");
    }
    LocalDateTime local = LocalDateTime.ofInstant(time, zone);
    int slot = HourOfWeek.slot(local);
    lastWeekHeard[slot] = Math.max(lastWeekHeard[slot], HourOfWeek.week(local.toLocalDate()));
    if (firstHeard == null || time.isBefore(firstHeard)) {
      firstHeard = time;
    }
    if (lastHeard == null || time.isAfter(lastHeard)) {
      lastHeard = time;
    }
  }

  /**
   * Whether the meter is heard as its pattern expects at {@code now}. A {@code now} before the last
   * reception (a clock set back) counts as no silence at all.
   *
   * <p>The pattern is trusted once its receptions span a week, not merely once a week has passed
   * since the first: so a meter heard once and then silent stays not heard, rather than being
   * cleared a week later by a pattern of one slot: "not heard" is cleared by a reception.
   */
  public Silence evaluate(Instant now) {
    Objects.requireNonNull(now, "now");
    if (lastHeard == null) {
      return Silence.neverHeard();
    }
    boolean[] active = activeSlots();
    int activeCount = 0;
    for (boolean slot : active) {
      activeCount += slot ? 1 : 0;
    }
    LocalDateTime afterLastHour =
        LocalDateTime.ofInstant(lastHeard, zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    LocalDateTime currentHour = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS);
    long missed =
        now.isAfter(lastHeard)
            ? HourOfWeek.countActive(active, afterLastHour, currentHour, zone)
            : 0;
    boolean learning = Duration.between(firstHeard, lastHeard).compareTo(LEARNING) < 0;
    boolean notHeard =
        learning
            ? Duration.between(lastHeard, now).compareTo(LEARNING_SILENCE) >= 0
            : missed >= Math.min(MAX_MISSED_SLOTS, MISSED_WEEKS * activeCount);
    return new Silence(notHeard, Optional.of(lastHeard), missed, activeCount, learning);
  }

  /** What to persist to {@link #restore} this pattern later; a copy, unaffected by later calls. */
  public State state() {
    return new State(
        firstHeard == null ? null : firstHeard.toString(),
        lastHeard == null ? null : lastHeard.toString(),
        lastWeekHeard);
  }

  /** The slots heard in the {@value #ACTIVE_WEEKS} weeks up to the last reception. */
  private boolean[] activeSlots() {
    int lastWeek = HourOfWeek.week(LocalDateTime.ofInstant(lastHeard, zone).toLocalDate());
    boolean[] active = new boolean[HourOfWeek.SLOTS];
    for (int slot = 0; slot < HourOfWeek.SLOTS; slot++) {
      active[slot] = lastWeekHeard[slot] != 0 && lastWeekHeard[slot] > lastWeek - ACTIVE_WEEKS;
    }
    return active;
  }

  /**
   * A pattern as it is persisted, in plain JSON types (Jackson writes and reads it as it is).
   *
   * @param firstHeard the first reception, ISO-8601 ({@code 2024-03-04T10:15:30Z}); null when never
   *     heard
   * @param lastHeard the last reception, ISO-8601; null when never heard
   * @param lastWeekHeard 168 numbers, one per hour-of-week slot of local time (0 = Monday
   *     00:00–01:00): the last week the meter was heard in that slot, counted in Monday-to-Sunday
   *     weeks of local time from week 1, that of Monday 29 December 1969; 0 for never
   * @throws IllegalArgumentException naming the bad value when the state is not one a pattern gives
   */
  public record State(String firstHeard, String lastHeard, int[] lastWeekHeard) {

    public State {
      Objects.requireNonNull(lastWeekHeard, "lastWeekHeard");
      if (lastWeekHeard.length != HourOfWeek.SLOTS) {
        throw new IllegalArgumentException(
            "lastWeekHeard has "
                + lastWeekHeard.length
                + " slots; a week has "
                + HourOfWeek.SLOTS
                + ".");
      }
      lastWeekHeard = lastWeekHeard.clone();
      if ((firstHeard == null) != (lastHeard == null)) {
        throw new IllegalArgumentException(
            "firstHeard ["
                + firstHeard
                + "] and lastHeard ["
                + lastHeard
                + "] must both be"
                + " given, or both be null for a meter never heard.");
      }
      boolean neverHeard = firstHeard == null;
      for (int slot = 0; slot < lastWeekHeard.length; slot++) {
        int week = lastWeekHeard[slot];
        if (week < 0 || (neverHeard && week != 0)) {
          throw new IllegalArgumentException(
              "lastWeekHeard["
                  + slot
                  + "] is "
                  + week
                  + "; it must be a week number (1 or"
                  + " more) or 0 for never, and 0 for a meter never heard.");
        }
      }
      if (!neverHeard
          && instant("firstHeard", firstHeard).isAfter(instant("lastHeard", lastHeard))) {
        throw new IllegalArgumentException(
            "firstHeard [" + firstHeard + "] is after lastHeard [" + lastHeard + "].");
      }
    }

    /** A copy: the state cannot be changed through it. */
    @Override
    public int[] lastWeekHeard() {
      return lastWeekHeard.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof State that
          && Objects.equals(firstHeard, that.firstHeard)
          && Objects.equals(lastHeard, that.lastHeard)
          && Arrays.equals(lastWeekHeard, that.lastWeekHeard);
    }

    @Override
    public int hashCode() {
      return Objects.hash(firstHeard, lastHeard, Arrays.hashCode(lastWeekHeard));
    }

    @Override
    public String toString() {
      return "State[firstHeard="
          + firstHeard
          + ", lastHeard="
          + lastHeard
          + ", lastWeekHeard="
          + Arrays.toString(lastWeekHeard)
          + "]";
    }

    private static Instant instant(String name, String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            name + " [" + text + "] is not an ISO-8601 instant such as 2024-03-04T10:15:30Z.", e);
      }
    }
  }
}
