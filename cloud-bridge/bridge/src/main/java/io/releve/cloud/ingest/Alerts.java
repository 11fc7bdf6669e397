package io.releve.cloud.ingest;

import io.releve.contract.AlertEntry;
import io.releve.contract.EventEntry;
import io.releve.contract.GatewayId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The current state of each alert, from the events that carry one. */
final class Alerts {

  private Alerts() {}

  /**
   * Sets the alert of {@code event} as it stands, unless an event with a higher seq already set it:
   * batches may arrive out of order, and the later event knows better.
   */
  static void update(Connection c, GatewayId gateway, UUID epoch, EventEntry event)
      throws SQLException {
    AlertEntry a = event.alert();
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO alerts (gateway, epoch, alert_id, device, type, condition, level, start,"
                + " detected_at, ended_at, total_loss_m3, average_flow_lph, source, event_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (gateway, epoch, alert_id) DO UPDATE SET device = excluded.device,"
                + " type = excluded.type, condition = excluded.condition, level = excluded.level,"
                + " start = excluded.start, detected_at = excluded.detected_at,"
                + " ended_at = excluded.ended_at, total_loss_m3 = excluded.total_loss_m3,"
                + " average_flow_lph = excluded.average_flow_lph, source = excluded.source,"
                + " event_seq = excluded.event_seq"
                + " WHERE excluded.event_seq > alerts.event_seq")) {
      int i = 0;
      upsert.setString(++i, gateway.value());
      upsert.setString(++i, epoch.toString());
      upsert.setLong(++i, a.id());
      upsert.setString(++i, event.device());
      upsert.setString(++i, a.type());
      upsert.setString(++i, a.condition());
      UpRows.setInteger(upsert, ++i, a.level());
      UpRows.setMillis(upsert, ++i, a.start());
      UpRows.setMillis(upsert, ++i, a.detectedAt());
      UpRows.setMillis(upsert, ++i, a.end());
      upsert.setString(++i, a.totalLossM3());
      upsert.setString(++i, a.averageFlowLph());
      upsert.setString(++i, a.source());
      upsert.setLong(++i, event.seq());
      upsert.executeUpdate();
    }
  }
}
