package io.releve.gateway.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.gateway.health.Silence;
import io.releve.gateway.health.TransmitPattern;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.HealthStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns each watched meter's weekly transmit pattern and keeps its "not heard" alert in step.
 *
 * <p>Patterns stay in memory and are saved when their slots change (at most once an hour per
 * meter), not at every reception: the last reception is found again in the readings table when they
 * are loaded. Only called under {@link MeterHealth}'s lock.
 */
final class SilenceWatch {

  static final String SOURCE = "silence";

  /** A meter installed (or found on a bus) and never heard is reported after two days. */
  static final Duration NEVER_HEARD_AFTER = Duration.ofHours(48);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

  private final ZoneId zone;
  // Null until loaded from the database; dropped when a transaction fails.
  private Map<Long, TransmitPattern> patterns;
  private final Map<Long, TransmitPattern.State> saved = new HashMap<>();

  SilenceWatch(ZoneId zone) {
    this.zone = zone;
  }

  /** Forgets every pattern: a transaction did not commit. They are loaded again when needed. */
  void forget() {
    patterns = null;
    saved.clear();
  }

  /**
   * Records that {@code device} was heard at {@code time}. Every device's pattern is learnt (a
   * meter may be installed after it was first heard); only watched ones are saved.
   */
  void heard(Connection c, long device, Instant time, Map<Long, Instant> watched)
      throws SQLException {
    TransmitPattern pattern = loaded(c).computeIfAbsent(device, d -> new TransmitPattern(zone));
    pattern.heard(time);
    if (!watched.containsKey(device)) {
      return;
    }
    TransmitPattern.State state = pattern.state();
    TransmitPattern.State before = saved.get(device);
    if (before == null
        || !Arrays.equals(before.lastWeekHeard(), state.lastWeekHeard())
        || !before.firstHeard().equals(state.firstHeard())) {
      HealthStates.savePattern(c, device, write(state));
      saved.put(device, state);
    }
  }

  /**
   * Opens "not heard" for watched meters silent beyond their pattern, and for those never heard
   * {@link #NEVER_HEARD_AFTER} after they were added; closes it for meters heard again and for
   * meters no longer watched (uninstalled).
   *
   * @param watched the watched devices, with the time each was added
   */
  void evaluate(Connection c, Instant now, Map<Long, Instant> watched) throws SQLException {
    Map<Long, AlertRow> open = new HashMap<>();
    for (AlertRow row : Alerts.activeOfType(c, AlertType.NOT_HEARD.label())) {
      open.put(row.deviceId(), row);
    }
    Map<Long, TransmitPattern> known = loaded(c);
    for (Map.Entry<Long, Instant> entry : watched.entrySet()) {
      long device = entry.getKey();
      TransmitPattern pattern = known.get(device);
      if (pattern == null) {
        // heard before the patterns were loaded, by a path that does not learn them
        Optional<Instant> last = HealthStates.lastHeard(c, device);
        if (last.isPresent()) {
          pattern = new TransmitPattern(zone);
          pattern.heard(last.get());
          known.put(device, pattern);
        }
      }
      AlertRow row = open.remove(device);
      if (pattern == null) {
        Instant added = entry.getValue();
        if (row == null && !now.isBefore(added.plus(NEVER_HEARD_AFTER))) {
          AlertBook.open(
              c, notHeard(device, added, now, SOURCE + ": never heard since added"), now);
        }
        continue;
      }
      Silence silence = pattern.evaluate(now);
      if (silence.notHeard() && row == null) {
        AlertBook.open(
            c, notHeard(device, silence.lastHeard().orElseThrow(), now, describe(silence)), now);
      } else if (!silence.notHeard() && row != null) {
        close(c, row, silence.lastHeard().orElse(now), now);
      }
    }
    // what is left is no longer watched: an uninstalled meter is nobody's alert
    for (AlertRow row : open.values()) {
      close(c, row, now, now);
    }
  }

  private static AlertRow notHeard(long device, Instant since, Instant now, String source) {
    return new AlertRow(
        0, device, AlertType.NOT_HEARD.label(), "", null, since, now, null, null, null, source);
  }

  private static void close(Connection c, AlertRow row, Instant end, Instant now)
      throws SQLException {
    AlertBook.update(
        c,
        new AlertRow(
            row.id(),
            row.deviceId(),
            row.type(),
            row.condition(),
            null,
            row.startedAt(),
            row.detectedAt(),
            end.isBefore(row.startedAt()) ? row.startedAt() : end,
            null,
            null,
            row.source()),
        now);
  }

  private static String describe(Silence silence) {
    if (silence.learning()) {
      return SOURCE + ": 48 h without a reception while its pattern is learnt";
    }
    return SOURCE
        + ": "
        + silence.missedSlots()
        + " of its "
        + silence.activeSlots()
        + " weekly transmit hours missed";
  }

  private Map<Long, TransmitPattern> loaded(Connection c) throws SQLException {
    if (patterns == null) {
      patterns = new HashMap<>();
      Map<Long, String> stored = HealthStates.patterns(c);
      for (Map.Entry<Long, Instant> heard : HealthStates.lastHeard(c).entrySet()) {
        long device = heard.getKey();
        String json = stored.get(device);
        TransmitPattern pattern;
        pattern = null;
        if (json != null) {
          try {
            TransmitPattern.State state = read(json);
            pattern = TransmitPattern.restore(state, zone);
            saved.put(device, state);
          } catch (RuntimeException e) {
            // one unreadable pattern must not stop the gateway storing readings
            LOG.warn("transmit pattern of device {} learnt again: {}", device, e.getMessage());
          }
        }
        if (pattern == null) {
          // heard before patterns were kept (or unreadable): learning starts from the last
          // reception
          pattern = new TransmitPattern(zone);
        }
        pattern.heard(heard.getValue());
        patterns.put(device, pattern);
      }
    }
    return patterns;
  }

  private static String write(TransmitPattern.State state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a transmit pattern", e);
    }
  }

  private static TransmitPattern.State read(String json) {
    try {
      return JSON.readValue(json, TransmitPattern.State.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read a saved transmit pattern", e);
    }
  }
}
