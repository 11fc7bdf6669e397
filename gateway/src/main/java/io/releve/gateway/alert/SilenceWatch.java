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
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Learns each watched meter's weekly transmit pattern and keeps its "not heard" alert in step.
 *
 * <p>Patterns stay in memory and are saved when their slots change (at most once an hour per
 * meter), not at every reception: the last reception is found again in the readings table when they
 * are loaded. Only called under {@link MeterHealth}'s lock.
 */
final class SilenceWatch {

  static final String SOURCE = "silence";

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** Records that {@code device} was heard at {@code time}, if its silence is watched. */
  void heard(Connection c, long device, Instant time, Set<Long> watched) throws SQLException {
    if (!watched.contains(device)) {
      return;
    }
    TransmitPattern pattern = loaded(c).computeIfAbsent(device, d -> new TransmitPattern(zone));
    pattern.heard(time);
    TransmitPattern.State state = pattern.state();
    TransmitPattern.State before = saved.get(device);
    if (before == null
        || !Arrays.equals(before.lastWeekHeard(), state.lastWeekHeard())
        || !before.firstHeard().equals(state.firstHeard())) {
      HealthStates.savePattern(c, device, write(state));
      saved.put(device, state);
    }
  }

  /** Opens "not heard" for watched meters silent beyond their pattern, closes it for the others. */
  void evaluate(Connection c, Instant now, Set<Long> watched) throws SQLException {
    Map<Long, AlertRow> open = new HashMap<>();
    for (AlertRow row : Alerts.activeOfType(c, AlertType.NOT_HEARD.label())) {
      open.put(row.deviceId(), row);
    }
    for (Map.Entry<Long, TransmitPattern> entry : loaded(c).entrySet()) {
      long device = entry.getKey();
      Silence silence = entry.getValue().evaluate(now);
      AlertRow row = open.get(device);
      if (silence.notHeard() && row == null && watched.contains(device)) {
        AlertBook.open(
            c,
            new AlertRow(
                0,
                device,
                AlertType.NOT_HEARD.label(),
                "",
                null,
                silence.lastHeard().orElseThrow(),
                now,
                null,
                null,
                null,
                describe(silence)),
            now);
      } else if (!silence.notHeard() && row != null) {
        Instant end = silence.lastHeard().orElse(now);
        AlertBook.update(
            c,
            new AlertRow(
                row.id(),
                device,
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
    }
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
      Map<Long, Instant> lastHeard = HealthStates.lastHeard(c);
      for (Map.Entry<Long, String> row : HealthStates.patterns(c).entrySet()) {
        TransmitPattern.State state = read(row.getValue());
        TransmitPattern pattern = TransmitPattern.restore(state, zone);
        Instant last = lastHeard.get(row.getKey());
        if (last != null) {
          pattern.heard(last);
        }
        patterns.put(row.getKey(), pattern);
        saved.put(row.getKey(), state);
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
