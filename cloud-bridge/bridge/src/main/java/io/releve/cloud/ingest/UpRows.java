package io.releve.cloud.ingest;

import io.releve.cloud.registry.Registry;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.contract.AlertEntry;
import io.releve.contract.EventEntry;
import io.releve.contract.EventsMessage;
import io.releve.contract.InventoryChange;
import io.releve.contract.InventoryMessage;
import io.releve.contract.ReadingEntry;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.UpMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Stores the rows of one batch with {@code ON CONFLICT DO NOTHING} on (gateway, epoch, seq): a row
 * delivered twice is stored once. Rows stored for the first time also update what derives from
 * them: an event's alert, an inventory change's device in the registry.
 */
final class UpRows {

  private UpRows() {}

  /**
   * Inserts every row of {@code message}; returns how many were new.
   *
   * @param epochId the epoch's row id, which orders inventory changes across epochs
   */
  static int insert(Connection c, UpMessage message, long epochId, long now, Engine engine)
      throws SQLException {
    if (message instanceof ReadingsMessage readings) {
      return readings(c, readings, now, engine == Engine.POSTGRESQL ? ROWS_PER_STATEMENT : 1);
    }
    if (message instanceof EventsMessage events) {
      return events(c, events, now);
    }
    return inventory(c, (InventoryMessage) message, epochId, now);
  }

  /**
   * Readings per multi-row statement on PostgreSQL: 20 parameters each, well under its limit.
   * SQLite, in the same process, runs a one-row statement prepared once faster than it parses a
   * long one.
   */
  static final int ROWS_PER_STATEMENT = 250;

  private static final String READING_COLUMNS =
      "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
          + " value_kind, unit, storage, tariff, subunit, function, meter_time, received_at,"
          + " clock_state, source, rssi, status, stored_at) VALUES ";

  private static final String READING_ROW =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Inserts the readings with statements of up to {@code rowsPerStatement} rows: on PostgreSQL one
   * statement, one round trip and one plan for many rows, where a statement per row costs a round
   * of parse, bind and execute each. Each statement is prepared once per size and used for every
   * chunk of that size. The count each execution returns is the rows it inserted, the duplicates
   * left out.
   */
  private static int readings(Connection c, ReadingsMessage message, long now, int rowsPerStatement)
      throws SQLException {
    List<ReadingEntry> readings = message.readings();
    int added = 0;
    PreparedStatement full = null;
    try {
      for (int from = 0; from < readings.size(); from += rowsPerStatement) {
        List<ReadingEntry> chunk =
            readings.subList(from, Math.min(readings.size(), from + rowsPerStatement));
        if (chunk.size() == rowsPerStatement) {
          if (full == null) {
            full = c.prepareStatement(readingsInsert(rowsPerStatement));
          }
          added += insertReadings(full, message, chunk, now);
        } else {
          try (PreparedStatement last = c.prepareStatement(readingsInsert(chunk.size()))) {
            added += insertReadings(last, message, chunk, now);
          }
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
    return added;
  }

  private static String readingsInsert(int rows) {
    return READING_COLUMNS
        + String.join(", ", Collections.nCopies(rows, READING_ROW))
        + " ON CONFLICT DO NOTHING";
  }

  private static int insertReadings(
      PreparedStatement insert, ReadingsMessage message, List<ReadingEntry> chunk, long now)
      throws SQLException {
    int i = 0;
    for (ReadingEntry r : chunk) {
      insert.setString(++i, message.gateway().value());
      insert.setString(++i, message.epoch().toString());
      insert.setLong(++i, r.seq());
      insert.setString(++i, r.device());
      insert.setString(++i, r.medium());
      insert.setString(++i, r.quantity());
      insert.setString(++i, r.value());
      insert.setString(++i, r.valueKind().wireName());
      insert.setString(++i, r.unit());
      insert.setInt(++i, r.storage());
      insert.setInt(++i, r.tariff());
      insert.setInt(++i, r.subunit());
      insert.setString(++i, r.function().wireName());
      setMillis(insert, ++i, r.meterTime());
      setMillis(insert, ++i, r.receivedAt());
      insert.setString(++i, r.clockState().wireName());
      insert.setString(++i, r.source());
      setInteger(insert, ++i, r.rssi());
      insert.setInt(++i, r.status());
      insert.setLong(++i, now);
    }
    return insert.executeUpdate();
  }

  private static int events(Connection c, EventsMessage message, long now) throws SQLException {
    int added = 0;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO events (gateway, epoch, seq, device, at, type, detail,"
                + " alert_id, alert_type, alert_condition, alert_level, alert_start,"
                + " alert_detected_at, alert_end, alert_total_loss_m3, alert_average_flow_lph,"
                + " alert_source, stored_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (EventEntry e : message.events()) {
        int i = key(insert, message, e.seq());
        insert.setString(++i, e.device());
        setMillis(insert, ++i, e.at());
        insert.setString(++i, e.type());
        insert.setString(++i, e.detail());
        AlertEntry a = e.alert();
        if (a == null) {
          for (int column = 0; column < 10; column++) {
            insert.setNull(++i, Types.NULL);
          }
        } else {
          insert.setLong(++i, a.id());
          insert.setString(++i, a.type());
          insert.setString(++i, a.condition());
          setInteger(insert, ++i, a.level());
          setMillis(insert, ++i, a.start());
          setMillis(insert, ++i, a.detectedAt());
          setMillis(insert, ++i, a.end());
          insert.setString(++i, a.totalLossM3());
          insert.setString(++i, a.averageFlowLph());
          insert.setString(++i, a.source());
        }
        insert.setLong(++i, now);
        if (insert.executeUpdate() == 1) {
          added++;
          if (a != null) {
            Alerts.update(c, message.gateway(), message.epoch(), e);
          }
        }
      }
    }
    return added;
  }

  private static int inventory(Connection c, InventoryMessage message, long epochId, long now)
      throws SQLException {
    int added = 0;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO inventory_changes (gateway, epoch, seq, action, device, medium,"
                + " site, dwelling, lot, printed_serial, room, stored_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      for (InventoryChange change : message.changes()) {
        int i = key(insert, message, change.seq());
        insert.setString(++i, change.action().wireName());
        insert.setString(++i, change.device());
        insert.setString(++i, change.medium());
        insert.setString(++i, change.site());
        insert.setString(++i, change.dwelling());
        insert.setString(++i, change.lot());
        insert.setString(++i, change.printedSerial());
        insert.setString(++i, change.room());
        insert.setLong(++i, now);
        if (insert.executeUpdate() == 1) {
          added++;
          Registry.apply(c, message.gateway(), epochId, change, now);
        }
      }
    }
    return added;
  }

  /** Sets gateway, epoch and seq; returns the index of the last parameter set. */
  private static int key(PreparedStatement insert, UpMessage message, long seq)
      throws SQLException {
    insert.setString(1, message.gateway().value());
    insert.setString(2, message.epoch().toString());
    insert.setLong(3, seq);
    return 3;
  }

  static void setMillis(PreparedStatement statement, int index, Instant time) throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, time.toEpochMilli());
    }
  }

  static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setInt(index, value);
    }
  }
}
