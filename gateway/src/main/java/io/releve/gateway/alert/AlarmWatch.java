package io.releve.gateway.alert;

import io.releve.gateway.health.MeterAlarm;
import io.releve.gateway.health.MeterCondition;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.BatchWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opens a "meter alarm" alert when a meter reports a condition (leak, burst, tamper, backflow…) and
 * closes it at the first frame that could report it and does not.
 */
final class AlarmWatch {

  private AlarmWatch() {}

  static void apply(Connection c, BatchWork.DeviceIds ids, List<FrameAlarms> frames, Instant now)
      throws SQLException {
    List<FrameAlarms> ordered =
        frames.stream().sorted(Comparator.comparing(FrameAlarms::receivedAt)).toList();
    for (FrameAlarms frame : ordered) {
      if (frame.alarms().isEmpty() && frame.reportable().isEmpty()) {
        continue;
      }
      long device = ids.of(frame.device());
      Set<MeterCondition> present = new HashSet<>();
      for (MeterAlarm alarm : frame.alarms()) {
        present.add(alarm.condition());
        if (active(c, device, alarm.condition()).isEmpty()) {
          AlertBook.open(
              c,
              new AlertRow(
                  0,
                  device,
                  AlertType.METER_ALARM.label(),
                  alarm.condition().label(),
                  null,
                  frame.receivedAt(),
                  frame.receivedAt(),
                  null,
                  null,
                  null,
                  alarm.source()),
              now);
        }
      }
      for (MeterCondition condition : frame.reportable()) {
        if (present.contains(condition)) {
          continue;
        }
        Optional<AlertRow> row = active(c, device, condition);
        // a frame older than the alarm (another source, stored late) says nothing about it
        if (row.isPresent() && !frame.receivedAt().isBefore(row.get().startedAt())) {
          AlertRow open = row.get();
          AlertBook.update(
              c,
              new AlertRow(
                  open.id(),
                  device,
                  open.type(),
                  open.condition(),
                  null,
                  open.startedAt(),
                  open.detectedAt(),
                  frame.receivedAt(),
                  null,
                  null,
                  open.source()),
              now);
        }
      }
    }
  }

  private static Optional<AlertRow> active(Connection c, long device, MeterCondition condition)
      throws SQLException {
    return Alerts.active(c, device, AlertType.METER_ALARM.label(), condition.label());
  }
}
