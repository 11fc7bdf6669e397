package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The meters of each wired bus, as scans found them: the daemon's list of what to poll. A scan adds
 * and updates rows; it never removes a meter that happened not to answer (a meter with a flat
 * battery or a cut wire is exactly the one the installer must hear about).
 */
public final class BusMeters {

  private static final String SELECT =
      "SELECT b.bus, b.addressing, b.primary_address, b.found_at, d.manufacturer, d.meter_id,"
          + " d.version, d.device_type FROM bus_meters b JOIN devices d ON d.id = b.device_id";
  private static final String ORDER = " ORDER BY b.bus, b.primary_address, d.meter_id";

  private final Database database;

  public BusMeters(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Records the meters a scan found, in one transaction.
   *
   * @return how many of them were not known on that bus before
   */
  public int save(List<BusMeter> meters) {
    return database.write(
        "save " + meters.size() + " scanned meters",
        Durability.FULL,
        c -> {
          int added = 0;
          for (BusMeter meter : meters) {
            added += save(c, meter) ? 1 : 0;
          }
          return added;
        });
  }

  private boolean save(Connection c, BusMeter meter) throws SQLException {
    long device = Devices.idOf(c, meter.identity(), meter.foundAt().toEpochMilli());
    boolean known;
    try (PreparedStatement query =
        c.prepareStatement("SELECT 1 FROM bus_meters WHERE bus = ? AND device_id = ?")) {
      query.setString(1, meter.bus());
      query.setLong(2, device);
      try (ResultSet row = query.executeQuery()) {
        known = row.next();
      }
    }
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO bus_meters (bus, device_id, addressing, primary_address, found_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (bus, device_id) DO UPDATE SET"
                + " addressing = excluded.addressing, primary_address = excluded.primary_address,"
                + " found_at = excluded.found_at")) {
      upsert.setString(1, meter.bus());
      upsert.setLong(2, device);
      upsert.setString(3, meter.addressing().label());
      upsert.setInt(4, meter.primaryAddress());
      upsert.setLong(5, meter.foundAt().toEpochMilli());
      upsert.executeUpdate();
    }
    return !known;
  }

  /** The meters of one bus, by primary address then id. */
  public List<BusMeter> onBus(String bus) {
    return database.read(
        "list the meters of bus " + bus,
        c -> {
          try (PreparedStatement query = c.prepareStatement(SELECT + " WHERE b.bus = ?" + ORDER)) {
            query.setString(1, bus);
            return rows(query);
          }
        });
  }

  /** Every bus's meters, by bus, primary address and id. */
  public List<BusMeter> all() {
    return database.read(
        "list the meters of every bus",
        c -> {
          try (PreparedStatement query = c.prepareStatement(SELECT + ORDER)) {
            return rows(query);
          }
        });
  }

  /** Forgets a meter on a bus (its readings stay); false when it was not there. */
  public boolean remove(String bus, DeviceIdentity identity) {
    return database.write(
        "remove meter " + identity.key() + " from bus " + bus,
        Durability.FULL,
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM bus_meters WHERE bus = ? AND device_id = (SELECT id FROM devices"
                      + " WHERE manufacturer = ? AND meter_id = ? AND version = ?"
                      + " AND device_type = ?)")) {
            delete.setString(1, bus);
            Inventory.bindIdentity(delete, 2, identity);
            return delete.executeUpdate() == 1;
          }
        });
  }

  private static List<BusMeter> rows(PreparedStatement query) throws SQLException {
    List<BusMeter> meters = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        meters.add(
            new BusMeter(
                row.getString("bus"),
                Inventory.identity(row),
                BusMeter.Addressing.valueOf(row.getString("addressing").toUpperCase(Locale.ROOT)),
                row.getInt("primary_address"),
                Instant.ofEpochMilli(row.getLong("found_at"))));
      }
    }
    return meters;
  }
}
