package io.releve.gateway.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.gateway.decode.ApplicationStatus;
import io.releve.gateway.decode.StatusFlags;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.leak.GuardEvent;
import io.releve.gateway.leak.IndexSample;
import io.releve.gateway.leak.LeakAlert;
import io.releve.gateway.leak.LeakTracker;
import io.releve.gateway.leak.SeriesKind;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.BatchWork;
import io.releve.gateway.store.HealthStates;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each water meter's (and allocator's) readings through its {@link LeakTracker} inside the
 * transaction that stores them, and keeps the leak alerts and the guards' events in step.
 *
 * <p>Trackers stay in memory; each is saved when it decides an hour, and when loaded again the
 * readings received since its save are replayed from the readings table. Only called under {@link
 * MeterHealth}'s lock.
 */
final class LeakWatch {

  static final String SOURCE = "flow";

  /** The event recorded when the detector fails on a meter's readings. */
  static final String DETECTOR_ERROR = "detector_error";

  /** How far back a tracker whose saved state cannot be read is rebuilt from: a week and a day. */
  static final Duration REBUILD = Duration.ofDays(8);

  private static final Logger LOG = LoggerFactory.getLogger(LeakWatch.class);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Medium> WATER =
      Set.of(Medium.WATER, Medium.COLD_WATER, Medium.WARM_WATER, Medium.HOT_WATER);

  private static final class Entry {
    final LeakTracker tracker;
    Instant lastReadingAt;
    Optional<Instant> savedHour;
    // whether the database holds a state of this tracker: until it does, a restart would rebuild
    // it from every reading and record their changes a second time
    boolean persisted;

    Entry(LeakTracker tracker, Instant lastReadingAt) {
      this.tracker = tracker;
      this.lastReadingAt = lastReadingAt;
      this.savedHour = tracker.lastHourDecided();
    }
  }

  private final Map<Long, Entry> trackers = new HashMap<>();

  /** Forgets the trackers of these devices: their transaction did not commit. */
  void forget(Set<Long> devices) {
    trackers.keySet().removeAll(devices);
  }

  /** Forgets every tracker: the clock was switched; each is loaded again at its next batch. */
  void forgetAll() {
    trackers.clear();
  }

  /**
   * @param firstSeq the number of the batch's first reading: rows below it were stored before
   */
  void apply(
      Connection c,
      BatchWork.DeviceIds ids,
      List<Reading> readings,
      long firstSeq,
      Instant now,
      Set<Long> touched)
      throws SQLException {
    for (Map.Entry<DeviceIdentity, Series> series : byDevice(readings).entrySet()) {
      long device = ids.of(series.getKey());
      touched.add(device);
      Savepoint before = c.setSavepoint();
      try {
        follow(c, device, series.getValue(), firstSeq, now);
        c.releaseSavepoint(before);
      } catch (RuntimeException e) {
        // A detector failure must not cost the batch its readings: they are stored without it,
        // and the meter's tracker goes on from its saved state at its next batch, replaying them.
        c.rollback(before);
        trackers.remove(device);
        LOG.warn("leak detection failed for {}: its readings are stored", series.getKey(), e);
        Alerts.addEvent(
            c, device, now, DETECTOR_ERROR, "leak detection failed: " + e.getMessage(), null);
      }
    }
  }

  private void follow(Connection c, long device, Series batch, long firstSeq, Instant now)
      throws SQLException {
    List<LeakTracker.Changes> changes = new ArrayList<>();
    Entry entry = trackers.get(device);
    if (entry == null) {
      entry = load(c, device, batch.kind, firstSeq, changes);
      trackers.put(device, entry);
    }
    for (IndexSample sample : batch.samples) {
      changes.add(entry.tracker.accept(sample));
    }
    entry.lastReadingAt = later(entry.lastReadingAt, batch.samples.get(batch.samples.size() - 1));
    record(c, device, entry.tracker, changes, now);
    if (!entry.persisted || !entry.tracker.lastHourDecided().equals(entry.savedHour)) {
      HealthStates.saveTracker(c, device, json(entry.tracker), entry.lastReadingAt);
      entry.savedHour = entry.tracker.lastHourDecided();
      entry.persisted = true;
    }
  }

  /** The series a reading belongs to, or null when the leak tracker does not follow it. */
  static SeriesKind kindOf(Reading reading) {
    if (reading.storage() != 0
        || reading.tariff() != 0
        || reading.subunit() != 0
        || reading.function() != RecordFunction.INSTANTANEOUS
        || !(reading.value() instanceof Value.Number)) {
      return null;
    }
    if (reading.quantity() == Quantity.VOLUME
        && reading.unit() == Unit.CUBIC_METRE
        && WATER.contains(reading.medium())) {
      return SeriesKind.WATER;
    }
    return reading.quantity() == Quantity.HCA_UNITS ? SeriesKind.ALLOCATOR : null;
  }

  /**
   * A value the meter flags as not measured: taken in an application error, or with a permanent or
   * temporary error (EN 13757-3 status byte).
   */
  static boolean estimated(int status) {
    StatusFlags flags = StatusFlags.of(status);
    return flags.application() == ApplicationStatus.ERROR
        || flags.permanentError()
        || flags.temporaryError();
  }

  private record Series(SeriesKind kind, List<IndexSample> samples) {}

  private static Map<DeviceIdentity, Series> byDevice(List<Reading> readings) {
    Map<DeviceIdentity, Series> series = new LinkedHashMap<>();
    for (Reading reading : readings) {
      SeriesKind kind = kindOf(reading);
      if (kind != null) {
        series
            .computeIfAbsent(reading.device(), d -> new Series(kind, new ArrayList<>()))
            .samples
            .add(
                new IndexSample(
                    reading.receivedAt(),
                    ((Value.Number) reading.value()).amount(),
                    estimated(reading.status())));
      }
    }
    for (Series each : series.values()) {
      each.samples.sort(java.util.Comparator.comparing(IndexSample::time));
    }
    return series;
  }

  /**
   * The device's tracker as it stood before this batch: the saved one brought up to date with the
   * readings stored since it was saved, whose alerts and events were recorded by their own batches;
   * or, for a meter the daemon never followed (history written by a backfill, or an older release),
   * one built from all its readings, whose changes go to {@code changes} to be recorded. A saved
   * state that cannot be read (another version) is rebuilt silently from the last {@link #REBUILD}
   * of readings before it.
   */
  private Entry load(
      Connection c, long device, SeriesKind kind, long firstSeq, List<LeakTracker.Changes> changes)
      throws SQLException {
    Optional<HealthStates.SavedTracker> saved = HealthStates.tracker(c, device);
    LeakTracker tracker = null;
    Instant after = Instant.EPOCH;
    boolean recordReplay = saved.isEmpty();
    if (saved.isPresent()) {
      after = saved.get().lastReadingAt();
      if (saved.get().toRebuild()) {
        LOG.info("leak tracker of device {} rebuilt from its re-timed readings", device);
        after = rebuildFrom(c, device, after);
      } else {
        try {
          tracker = LeakTracker.restore(parse(saved.get().state()));
        } catch (RuntimeException e) {
          LOG.warn(
              "leak tracker of device {} rebuilt from its readings: {}", device, e.getMessage());
          after = rebuildFrom(c, device, after);
        }
      }
    }
    boolean restored = tracker != null;
    if (tracker == null) {
      tracker = new LeakTracker(kind);
    }
    Optional<Instant> savedHour = recordReplay ? Optional.empty() : tracker.lastHourDecided();
    String quantity =
        kind == SeriesKind.WATER ? Quantity.VOLUME.label() : Quantity.HCA_UNITS.label();
    Instant last = after;
    for (HealthStates.IndexReading reading :
        HealthStates.indexReadingsBetween(c, device, quantity, after, firstSeq)) {
      try {
        LeakTracker.Changes change =
            tracker.accept(
                new IndexSample(
                    reading.receivedAt(),
                    new BigDecimal(reading.valueText()),
                    estimated(reading.status())));
        if (recordReplay) {
          changes.add(change);
        }
      } catch (RuntimeException e) {
        // a reading the detector cannot take is left out, or it would fail every batch
        LOG.warn(
            "leak tracker of device {}: reading of {} left out", device, reading.receivedAt(), e);
      }
      last = later(last, reading.receivedAt());
    }
    Entry entry = new Entry(tracker, last);
    entry.savedHour = savedHour;
    entry.persisted = restored;
    return entry;
  }

  /**
   * Where a tracker whose state cannot be read is rebuilt from: {@link #REBUILD} before its last
   * reading, or a day before its active leak began, whichever is earlier, so that the leak keeps
   * its onset and its loss.
   */
  private static Instant rebuildFrom(Connection c, long device, Instant lastReadingAt)
      throws SQLException {
    Instant from = lastReadingAt.minus(REBUILD);
    Optional<AlertRow> active = Alerts.active(c, device, AlertType.LEAK.label(), "");
    if (active.isPresent()) {
      Instant dayBefore = active.get().startedAt().minus(Duration.ofDays(1));
      from = dayBefore.isBefore(from) ? dayBefore : from;
    }
    return from;
  }

  private static void record(
      Connection c,
      long device,
      LeakTracker tracker,
      List<LeakTracker.Changes> changes,
      Instant now)
      throws SQLException {
    for (LeakTracker.Changes change : changes) {
      for (GuardEvent event : change.events()) {
        Alerts.addEvent(c, device, event.time(), event.type().label(), event.detail(), null);
      }
      for (LeakAlert closed : change.closed()) {
        Optional<AlertRow> row = Alerts.active(c, device, AlertType.LEAK.label(), "");
        if (row.isPresent() && row.get().startedAt().equals(closed.start())) {
          AlertBook.update(c, row(row.get().id(), device, closed), now);
        } else {
          AlertBook.open(c, row(0, device, closed), now);
        }
      }
    }
    Optional<LeakAlert> active = tracker.active();
    if (active.isEmpty()) {
      return;
    }
    Optional<AlertRow> row = Alerts.active(c, device, AlertType.LEAK.label(), "");
    AlertRow current = row(row.map(AlertRow::id).orElse(0L), device, active.get());
    if (row.isEmpty()) {
      AlertBook.open(c, current, now);
    } else if (!row.get().equals(current)) {
      Alerts.update(c, current, now);
    }
  }

  private static AlertRow row(long id, long device, LeakAlert alert) {
    return new AlertRow(
        id,
        device,
        AlertType.LEAK.label(),
        "",
        alert.level().number(),
        alert.start(),
        alert.detectedAt(),
        alert.end(),
        alert.totalLossM3(),
        alert.averageFlowLph(),
        SOURCE);
  }

  private static Instant later(Instant a, IndexSample sample) {
    return later(a, sample.time());
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static String json(LeakTracker tracker) {
    try {
      return JSON.writeValueAsString(tracker.state());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a leak tracker's state", e);
    }
  }

  private static LeakTracker.State parse(String json) {
    try {
      return JSON.readValue(json, LeakTracker.State.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a saved leak tracker's state", e);
    }
  }
}
