package io.releve.portal.usage;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.SiteCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh store on one engine with the registry rows and readings the usage tests need, the rollups
 * over it in {@link #zone}, and the read side.
 */
final class UsageStore implements AutoCloseable {

  static final SiteCode SITE = new SiteCode("LY003");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  final Database database;
  final ZoneId zone;
  final Rollups rollups;
  final Usage usage;
  private final Landlord landlord;
  private int seq;

  /** The stored_at of the next readings; moved by tests that arrive late. */
  long storedAt = 1_000;

  UsageStore(Engine engine, Path folder, ZoneId zone) {
    database = PortalTestStores.open(engine, folder);
    this.zone = zone;
    rollups = new Rollups(database, zone);
    usage = new Usage(database);
    landlord = new Landlord(database);
  }

  long dwelling(String label) {
    return PortalTestStores.write(
        database, c -> landlord.upsertDwelling(c, SITE, label, label, null, PortalTestStores.NOW));
  }

  /** A device of {@code medium} in the dwelling, installed or removed, in a room when not null. */
  void device(
      long dwelling, String key, String medium, String serial, String room, boolean installed) {
    PortalTestStores.write(
        database,
        c -> {
          PortalWorld.installedDevice(c, dwelling, key, serial);
          Long roomId = null;
          if (room != null) {
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO rooms (dwelling, label) VALUES (?, ?) RETURNING id")) {
              insert.setLong(1, dwelling);
              insert.setString(2, room);
              try (var row = insert.executeQuery()) {
                row.next();
                roomId = row.getLong(1);
              }
            }
          }
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE devices SET medium = ?, state = ?, room = ? WHERE device = ?")) {
            update.setString(1, medium);
            update.setString(2, installed ? "installed" : "removed");
            if (roomId == null) {
              update.setNull(3, java.sql.Types.BIGINT);
            } else {
              update.setLong(3, roomId);
            }
            update.setString(4, key);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** An index reading received at local time {@code local} ("2026-01-31T23:30") of the zone. */
  void reading(
      String device, String medium, String quantity, String local, String value, String unit) {
    readings(List.of(new Row(device, medium, quantity, local(local), value, unit)));
  }

  /** A water volume index in m3. */
  void water(String device, String local, String value) {
    reading(device, "water", "volume", local, value, "m3");
  }

  /** An allocator's units. */
  void allocator(String device, String local, String value) {
    reading(device, "heat_cost_allocator", "heat_cost_allocation", local, value, "HCA");
  }

  Instant local(String local) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  record Row(
      String device, String medium, String quantity, Instant at, String value, String unit) {}

  void readings(List<Row> rows) {
    PortalTestStores.write(database, c -> insert(c, rows));
  }

  private Void insert(Connection c, List<Row> rows) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                + " received_at, clock_state, source, rssi, status, stored_at)"
                + " VALUES ('gw-1', 'e1', ?, ?, ?, ?, ?, 'number', ?, 0, 0, 0, 'instantaneous',"
                + " NULL, ?, 'synced', 'radio', -70, 0, ?)")) {
      for (Row row : rows) {
        insert.setInt(1, ++seq);
        insert.setString(2, row.device());
        insert.setString(3, row.medium());
        insert.setString(4, row.quantity());
        insert.setString(5, row.value());
        insert.setString(6, row.unit());
        insert.setLong(7, row.at().toEpochMilli());
        insert.setLong(8, storedAt);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return null;
  }

  /** The device's device_days rows as "day used span jump last_value" lines, in day order. */
  List<String> days(String device) {
    return database.read(
        "read for the test",
        c -> {
          List<String> lines = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT day, used, span_days, jump, last_value, unit FROM device_days"
                      + " WHERE device = ? ORDER BY day")) {
            select.setString(1, device);
            try (var row = select.executeQuery()) {
              while (row.next()) {
                lines.add(
                    row.getString(1)
                        + " "
                        + row.getString(2)
                        + " "
                        + row.getString(3)
                        + " "
                        + row.getString(4)
                        + " "
                        + row.getString(5)
                        + " "
                        + row.getString(6));
              }
            }
          }
          return lines;
        });
  }

  /** The device's device_months rows as "month used days" lines. */
  List<String> months(String device) {
    return database.read(
        "read for the test",
        c -> {
          List<String> lines = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT month, used, days, unit FROM device_months WHERE device = ? ORDER BY month")) {
            select.setString(1, device);
            try (var row = select.executeQuery()) {
              while (row.next()) {
                lines.add(
                    row.getString(1)
                        + " "
                        + row.getString(2)
                        + " "
                        + row.getString(3)
                        + " "
                        + row.getString(4));
              }
            }
          }
          return lines;
        });
  }

  DwellingUsage usage(long dwelling, String first, String last, String today) {
    return usage.of(
        dwelling, LocalDate.parse(first), LocalDate.parse(last), LocalDate.parse(today));
  }

  @Override
  public void close() {
    database.close();
  }
}
