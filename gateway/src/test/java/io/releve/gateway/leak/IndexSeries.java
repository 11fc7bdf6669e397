package io.releve.gateway.leak;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a meter's readings from flows: the true volume accumulates exactly, and each reading shows
 * it rounded down to the meter's resolution, as a real index does.
 */
final class IndexSeries {

  private final int scale;
  private final double litresPerStep;
  private final List<IndexSample> samples = new ArrayList<>();
  private Instant time;
  private double litres;
  private Duration every = Duration.ofHours(1);
  private boolean recording = true;
  private double rangeLitres = Double.POSITIVE_INFINITY;

  private IndexSeries(Instant start, double initialLitres, int scale) {
    this.time = start;
    this.litres = initialLitres;
    this.scale = scale;
    this.litresPerStep = Math.pow(10, 3 - scale);
  }

  /**
   * A meter read to the litre (index with 3 decimals), starting with a reading at {@code start}.
   */
  static IndexSeries litreMeter(String start) {
    return new IndexSeries(Instant.parse(start), 1_234_000, 3).read();
  }

  /** A meter whose index has {@code scale} decimals in m³ (2 = 10 L steps). */
  static IndexSeries meter(String start, double initialLitres, int scale) {
    return new IndexSeries(Instant.parse(start), initialLitres, scale).read();
  }

  /** Readings from now on every {@code interval}. */
  IndexSeries every(Duration interval) {
    this.every = interval;
    return this;
  }

  /** {@code hours} hours at a constant flow, read every interval. */
  IndexSeries flow(double hours, double litresPerHour) {
    Instant end = time.plusMillis(Math.round(hours * 3_600_000));
    while (time.isBefore(end)) {
      Instant next = time.plus(every).isAfter(end) ? end : time.plus(every);
      litres += litresPerHour * Duration.between(time, next).toMillis() / 3_600_000.0;
      time = next;
      read();
    }
    return this;
  }

  /** Hourly volumes, one per hour, read every interval. */
  IndexSeries hourly(double... litresPerHour) {
    for (double volume : litresPerHour) {
      flow(1, volume);
    }
    return this;
  }

  /** {@code hours} hours at a constant flow with no reading at all (the meter is not heard). */
  IndexSeries unheard(double hours, double litresPerHour) {
    recording = false;
    flow(hours, litresPerHour);
    recording = true;
    return read();
  }

  /**
   * The next reading, one interval later, shows {@code indexM3}: a replacement, a reset, water that
   * flowed backwards. The meter counts on from there.
   */
  IndexSeries showing(String indexM3) {
    time = time.plus(every);
    litres = new BigDecimal(indexM3).doubleValue() * 1000;
    return read();
  }

  /** The index shows the volume modulo {@code rangeM3}, as a meter with that many digits does. */
  IndexSeries rollingOverAt(long rangeM3) {
    this.rangeLitres = rangeM3 * 1000.0;
    return this;
  }

  /** From now on the meter is not heard: the flow goes on, no reading is taken. */
  IndexSeries mute() {
    recording = false;
    return this;
  }

  /** The meter is heard again, from the next reading on. */
  IndexSeries unmute() {
    recording = true;
    return this;
  }

  /** One reading now (again, when there was one). */
  IndexSeries read() {
    if (recording) {
      samples.add(IndexSample.of(time, shown()));
    }
    return this;
  }

  /** One reading now flagged as estimated, showing {@code indexM3}. */
  IndexSeries estimated(String indexM3) {
    samples.add(new IndexSample(time, new BigDecimal(indexM3), true));
    return this;
  }

  Instant now() {
    return time;
  }

  List<IndexSample> samples() {
    return List.copyOf(samples);
  }

  LeakAnalysis analyze() {
    return LeakDetector.analyze(samples, time);
  }

  private BigDecimal shown() {
    long steps = (long) Math.floor(litres % rangeLitres / litresPerStep + 1e-9);
    return BigDecimal.valueOf(steps).movePointLeft(scale).setScale(scale);
  }
}
