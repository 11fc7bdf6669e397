package io.releve.gateway.alert;

import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Opens, updates and closes alert rows, each opening and closing recorded as a meter event ({@code
 * leak_opened}, {@code not_heard_closed}…) in the same transaction.
 */
final class AlertBook {

  private AlertBook() {}

  static AlertRow open(Connection c, AlertRow row, Instant now) throws SQLException {
    AlertRow inserted = Alerts.insert(c, row, now);
    Alerts.addEvent(
        c, row.deviceId(), row.detectedAt(), row.type() + "_opened", describe(row), inserted.id());
    if (!row.active()) {
      Alerts.addEvent(
          c, row.deviceId(), row.endedAt(), row.type() + "_closed", describe(row), inserted.id());
    }
    return inserted;
  }

  /** Writes {@code row}'s figures; when it has just ended, records the closing. */
  static void update(Connection c, AlertRow row, Instant now) throws SQLException {
    Alerts.update(c, row, now);
    if (!row.active()) {
      Alerts.addEvent(
          c, row.deviceId(), row.endedAt(), row.type() + "_closed", describe(row), row.id());
    }
  }

  private static String describe(AlertRow row) {
    StringBuilder text = new StringBuilder();
    if (!row.condition().isEmpty()) {
      text.append(row.condition()).append(", ");
    }
    if (row.level() != null) {
      text.append("level ").append(row.level()).append(", ");
    }
    if (row.totalLossM3() != null) {
      text.append(row.totalLossM3().toPlainString())
          .append(" m³ lost, ")
          .append(row.averageFlowLph().toPlainString())
          .append(" L/h on average, ");
    }
    text.append("since ").append(row.startedAt());
    if (!row.active()) {
      text.append(" until ").append(row.endedAt());
    }
    return text.append(" (").append(row.source()).append(')').toString();
  }
}
