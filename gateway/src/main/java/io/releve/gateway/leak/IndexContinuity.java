package io.releve.gateway.leak;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Turns a meter's readings into one continuous index, in litres, across backward flow, rollovers,
 * set-day resets and replacements, and says which intervals between readings cannot be used.
 *
 * <p>Not thread-safe: one per meter.
 */
final class IndexContinuity {

  /**
   * The largest flow a dwelling's meter plausibly shows, L/h: the Q4 (overload) flow of a DN20
   * meter is 5 m³/h (EN ISO 4064 R160 series); beyond, the index jumped.
   */
  static final double MAX_PLAUSIBLE_FLOW_LPH = 6_000;

  /** A drop of at most this many litres (or two steps of a coarse meter) is backward flow. */
  static final double MAX_BACKWARD_LITRES = 20;

  /** An index that rolls over was within the last tenth of its range. */
  static final double ROLLOVER_FROM_SHARE = 0.9;

  private static final double MILLIS_PER_HOUR = 3_600_000.0;
  private static final long NONE = Long.MIN_VALUE;

  /** The continuous index of one reading, and whether the interval before it is usable. */
  record Step(long millis, double litres, boolean broken) {}

  record State(
      long lastMillis, double lastRawLitres, double continuousLitres, boolean inBackwardFlow) {}

  private final SeriesKind kind;
  private long lastMillis = NONE;
  private double lastRawLitres;
  private double continuousLitres;
  private boolean inBackwardFlow;

  IndexContinuity(SeriesKind kind) {
    this.kind = kind;
  }

  static IndexContinuity restore(SeriesKind kind, State state) {
    IndexContinuity continuity = new IndexContinuity(kind);
    continuity.lastMillis = state.lastMillis();
    continuity.lastRawLitres = state.lastRawLitres();
    continuity.continuousLitres = state.continuousLitres();
    continuity.inBackwardFlow = state.inBackwardFlow();
    return continuity;
  }

  State state() {
    return new State(lastMillis, lastRawLitres, continuousLitres, inBackwardFlow);
  }

  /**
   * The continuous index of {@code sample}, or null when the sample is not used (back-dated, a
   * duplicate, estimated); what the guards noticed goes to {@code events}.
   */
  Step accept(IndexSample sample, MeterResolution resolution, List<GuardEvent> events) {
    long millis = sample.time().toEpochMilli();
    double raw = sample.indexM3().doubleValue() * 1000;
    if (sample.estimated()) {
      return null;
    }
    if (lastMillis == NONE) {
      remember(millis, raw);
      continuousLitres = raw;
      return new Step(millis, continuousLitres, true);
    }
    if (millis < lastMillis) {
      events.add(
          event(sample, GuardType.BACKDATED, "read at " + sample.time() + ", after a later one"));
      return null;
    }
    if (millis == lastMillis) {
      if (raw != lastRawLitres) {
        events.add(
            event(
                sample,
                GuardType.CONFLICTING_DUPLICATE,
                "index " + m3(raw) + " m³ at the same time as " + m3(lastRawLitres) + " m³"));
      }
      return null;
    }
    double hours = (millis - lastMillis) / MILLIS_PER_HOUR;
    double plausible = MAX_PLAUSIBLE_FLOW_LPH * hours + resolution.litresPerStep();
    double delta = raw - lastRawLitres;
    boolean broken = false;
    boolean backward = false;
    if (delta >= 0) {
      if (delta <= plausible) {
        continuousLitres += delta;
      } else {
        events.add(replacement(sample, raw, hours));
        broken = true;
      }
    } else if (kind == SeriesKind.ALLOCATOR) {
      events.add(
          event(
              sample,
              GuardType.SET_DAY_RESET,
              "value " + lastRawLitres / 1000 + " then " + raw / 1000));
      continuousLitres += raw;
    } else if (-delta <= Math.max(MAX_BACKWARD_LITRES, 2 * resolution.litresPerStep())) {
      if (!inBackwardFlow) {
        events.add(
            event(
                sample,
                GuardType.BACKWARD_FLOW,
                "index " + m3(lastRawLitres) + " m³ then " + m3(raw) + " m³"));
      }
      backward = true;
      continuousLitres += delta;
    } else {
      double wrapped = rolledOver(raw);
      if (wrapped >= 0 && wrapped <= plausible) {
        events.add(
            event(
                sample,
                GuardType.ROLLOVER,
                "index " + m3(lastRawLitres) + " m³ then " + m3(raw) + " m³"));
        continuousLitres += wrapped;
      } else {
        events.add(replacement(sample, raw, hours));
        broken = true;
      }
    }
    inBackwardFlow = backward;
    remember(millis, raw);
    return new Step(millis, continuousLitres, broken);
  }

  /**
   * The volume across a rollover: the index ran to the end of its range, the smallest power of ten
   * above the last index, then from zero; negative when the last index was not near that end.
   */
  private double rolledOver(double raw) {
    double range = Math.pow(10, Math.floor(Math.log10(Math.max(lastRawLitres, 1))) + 1);
    if (lastRawLitres < ROLLOVER_FROM_SHARE * range) {
      return -1;
    }
    return range - lastRawLitres + raw;
  }

  private void remember(long millis, double raw) {
    lastMillis = millis;
    lastRawLitres = raw;
  }

  private GuardEvent replacement(IndexSample sample, double raw, double hours) {
    return event(
        sample,
        GuardType.REPLACEMENT,
        String.format(
            Locale.ROOT, "index %s m³ then %s m³ %.1f h later", m3(lastRawLitres), m3(raw), hours));
  }

  private static GuardEvent event(IndexSample sample, GuardType type, String detail) {
    return new GuardEvent(sample.time(), type, detail);
  }

  private static String m3(double litres) {
    return BigDecimal.valueOf(Math.round(litres * 1000), 6).stripTrailingZeros().toPlainString();
  }
}
