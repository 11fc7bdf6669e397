package io.releve.gateway.alert;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Durability;
import io.releve.gateway.store.HealthStates;
import io.releve.gateway.store.RawFrame;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.StoredBatch;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Leak detection and meter health on the gateway (DESIGN §3.3): leaks from the flow, the meters'
 * own alarms, and meters not heard. Everything a batch of readings causes is written in the
 * transaction that stores them. Thread-safe: the bus pollers and the radio collector share one.
 */
public final class MeterHealth {

  private final Clock clock;
  private final LeakWatch leaks = new LeakWatch();
  private final SilenceWatch silence;

  /**
   * @param zone the building's zone, in which the meters' weekly transmit patterns are learnt
   * @param clock the time at which silence is judged
   */
  public MeterHealth(ZoneId zone, Clock clock) {
    this.silence = new SilenceWatch(Objects.requireNonNull(zone, "zone"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a batch (see {@link ReadingStore#storeBatch}) with the alerts and events it causes, in
   * one transaction.
   *
   * @param alarms the conditions reported by the batch's frames
   * @throws io.releve.gateway.store.StoreException when the database fails: nothing is stored
   */
  public synchronized StoredBatch store(
      ReadingStore store, List<Reading> readings, List<RawFrame> frames, List<FrameAlarms> alarms) {
    Instant now = clock.instant();
    Set<Long> touched = new HashSet<>();
    try {
      return store.storeBatch(
          readings,
          frames,
          (c, ids, firstSeq, stored) -> {
            leaks.apply(c, ids, stored, firstSeq, now, touched);
            AlarmWatch.apply(c, ids, asStored(alarms, readings, stored), now);
            Map<Long, Instant> watched = HealthStates.watchedDevices(c);
            for (Map.Entry<DeviceIdentity, Instant> heard : lastHeard(stored).entrySet()) {
              silence.heard(c, ids.of(heard.getKey()), heard.getValue(), watched);
            }
            silence.evaluate(c, now, watched);
          });
    } catch (RuntimeException e) {
      leaks.forget(touched);
      silence.forget();
      throw e;
    }
  }

  /**
   * Judges every watched meter's silence now, in a transaction of its own: for when no batch comes
   * (a bus down, a stick unplugged).
   */
  public synchronized void checkSilence(Database database) {
    Instant now = clock.instant();
    try {
      database.write(
          "check which meters are not heard",
          Durability.FULL,
          (Connection c) -> {
            silence.evaluate(c, now, HealthStates.watchedDevices(c));
            return null;
          });
    } catch (RuntimeException e) {
      silence.forget();
      throw e;
    }
  }

  /**
   * Switches the clock (DESIGN §3.5) while no batch is being stored, then forgets what was kept in
   * memory of the times stamped before: the leak trackers and transmit patterns are loaded again
   * from the store, where {@code clockSwitch} re-timed them.
   */
  public synchronized void switchClock(Runnable clockSwitch) {
    clockSwitch.run();
    leaks.forgetAll();
    silence.forget();
  }

  /**
   * The frames' alarms at the time their readings were stored: a frame stamped just before the
   * clock's synchronisation and stored just after it has its true time.
   */
  private static List<FrameAlarms> asStored(
      List<FrameAlarms> alarms, List<Reading> readings, List<Reading> stored) {
    Map<Instant, Instant> retimed = new HashMap<>();
    for (int i = 0; i < readings.size(); i++) {
      Instant before = readings.get(i).receivedAt();
      Instant after = stored.get(i).receivedAt();
      if (!before.equals(after)) {
        retimed.put(before, after);
      }
    }
    if (retimed.isEmpty()) {
      return alarms;
    }
    List<FrameAlarms> moved = new ArrayList<>(alarms.size());
    for (FrameAlarms frame : alarms) {
      Instant at = retimed.get(frame.receivedAt());
      moved.add(at == null ? frame : frame.withReceivedAt(at));
    }
    return moved;
  }

  private static Map<DeviceIdentity, Instant> lastHeard(List<Reading> readings) {
    Map<DeviceIdentity, Instant> heard = new LinkedHashMap<>();
    for (Reading reading : readings) {
      heard.merge(reading.device(), reading.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return heard;
  }
}
