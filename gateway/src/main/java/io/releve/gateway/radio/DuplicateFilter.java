package io.releve.gateway.radio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Drops the copies of a telegram that several receivers, repeaters or the meter's own repeated
 * sends deliver (DESIGN §3.1), keeping the copy with the best RSSI. Copies are the same by {@link
 * DuplicateKey}.
 *
 * <p><b>Settle, then window.</b> The first copy of a telegram is held for {@code settle}; copies
 * arriving meanwhile replace it when their RSSI is better (a copy with an RSSI beats one without).
 * When the settle delay has passed, {@link #flushDue()} delivers the best copy held. Copies that
 * come later, until {@code window} after the first, are counted and dropped: they can no longer
 * change what was delivered. The settle delay is short (2 s by default) because the copies a stick
 * pair or a repeater makes arrive within a second; the window is long because some meters send the
 * same telegram again several seconds later.
 *
 * <p><b>Threads.</b> Receivers call {@link #accept} on their own threads; whoever drives the filter
 * calls {@link #flushDue()} now and then (a tenth of a second is enough). Frames are delivered
 * outside the filter's lock, on the caller's thread of {@link #flushDue()} or {@link #flushAll()}.
 */
public final class DuplicateFilter implements Consumer<RadioFrame> {

  /** How long the first copy waits for better ones. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);

  private final Duration window;
  private final Duration settle;
  private final Clock clock;
  private final Consumer<RadioFrame> downstream;

  private final Map<DuplicateKey, Entry> entries = new HashMap<>();
  private final Map<String, Long> droppedByMeter = new TreeMap<>();
  private final Map<String, Long> receivedByReceiver = new TreeMap<>();
  private final Map<String, Long> keptByReceiver = new TreeMap<>();

  private static final class Entry {
    final Instant first;
    RadioFrame best;
    boolean delivered;

    Entry(Instant first, RadioFrame best) {
      this.first = first;
      this.best = best;
    }
  }

  /** Counts, per meter ({@code M M A A A A V T} hex) and per receiver. */
  public record Counts(
      Map<String, Long> droppedByMeter,
      Map<String, Long> receivedByReceiver,
      Map<String, Long> keptByReceiver) {
    public Counts {
      droppedByMeter = Map.copyOf(droppedByMeter);
      receivedByReceiver = Map.copyOf(receivedByReceiver);
      keptByReceiver = Map.copyOf(keptByReceiver);
    }
  }

  /**
   * @param window how long copies are dropped after the first; at least {@code settle}
   * @param settle how long the first copy waits for a better one
   * @param downstream receives the kept copies
   */
  public DuplicateFilter(
      Duration window, Duration settle, Clock clock, Consumer<RadioFrame> downstream) {
    this.window = Objects.requireNonNull(window, "window");
    this.settle = Objects.requireNonNull(settle, "settle");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    if (settle.isNegative() || window.compareTo(settle) < 0) {
      throw new IllegalArgumentException(
          "The duplicate window ("
              + window
              + ") must not be shorter than the settle delay ("
              + settle
              + ").");
    }
  }

  /** Takes one received frame: held, kept instead of the held copy, or dropped. */
  @Override
  public void accept(RadioFrame frame) {
    Optional<DuplicateKey> key = DuplicateKey.of(frame.telegram());
    RadioFrame release;
    synchronized (this) {
      receivedByReceiver.merge(frame.receiver(), 1L, Long::sum);
      if (key.isEmpty()) {
        // Too short to know its sender: nothing to compare it with, the decoder will say why.
        keptByReceiver.merge(frame.receiver(), 1L, Long::sum);
        release = frame;
      } else {
        release = hold(key.get(), frame);
      }
    }
    if (release != null) {
      downstream.accept(release);
    }
  }

  /** Holds, keeps or drops {@code frame}; returns a held copy that must go now, or null. */
  private RadioFrame hold(DuplicateKey key, RadioFrame frame) {
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry == null || !now.isBefore(entry.first.plus(window))) {
      entries.put(key, new Entry(now, frame));
      if (entry != null && !entry.delivered) {
        // Nobody flushed during a whole window: the old transmission still goes out.
        keptByReceiver.merge(entry.best.receiver(), 1L, Long::sum);
        return entry.best;
      }
      return null;
    }
    droppedByMeter.merge(key.meter(), 1L, Long::sum);
    if (!entry.delivered && better(frame, entry.best)) {
      entry.best = frame;
    }
    return null;
  }

  private static boolean better(RadioFrame candidate, RadioFrame held) {
    if (candidate.rssiDbm().isEmpty()) {
      return false;
    }
    return held.rssiDbm().isEmpty() || candidate.rssiDbm().get() > held.rssiDbm().get();
  }

  /** Delivers the copies whose settle delay has passed and forgets those past the window. */
  public void flushDue() {
    deliver(collect(clock.instant(), false));
  }

  /** Delivers every copy still held, whatever its settle delay: when listening ends. */
  public void flushAll() {
    deliver(collect(clock.instant(), true));
  }

  private synchronized List<RadioFrame> collect(Instant now, boolean all) {
    List<RadioFrame> due = new ArrayList<>();
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry entry = it.next();
      if (!entry.delivered && (all || !now.isBefore(entry.first.plus(settle)))) {
        entry.delivered = true;
        due.add(entry.best);
        keptByReceiver.merge(entry.best.receiver(), 1L, Long::sum);
      }
      if (entry.delivered && !now.isBefore(entry.first.plus(window))) {
        it.remove();
      }
    }
    due.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
    return due;
  }

  private void deliver(List<RadioFrame> frames) {
    for (RadioFrame frame : frames) {
      downstream.accept(frame);
    }
  }

  /** The copies dropped per meter, and the frames received and kept per receiver. */
  public synchronized Counts counts() {
    return new Counts(droppedByMeter, receivedByReceiver, keptByReceiver);
  }
}
