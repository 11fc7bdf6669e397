package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The installed devices: which meter or allocator is in which dwelling. Devices heard but not
 * installed are in the database too (their readings are kept) but not in the inventory.
 *
 * <p>Rules: a device is installed once; a printed serial belongs to one device; a dwelling keeps
 * the lot it was given. A change that breaks one throws {@link InventoryException} and changes
 * nothing. SQLite failures throw {@link StoreException}.
 */
public final class Inventory {

  private static final String SELECT_INSTALLED =
      "SELECT d.manufacturer, d.meter_id, d.version, d.device_type, d.medium, d.printed_serial,"
          + " d.room, w.site_code, w.label, w.lot"
          + " FROM devices d JOIN dwellings w ON w.id = d.dwelling_id";

  private static final String ORDER = " ORDER BY w.site_code, w.label, d.manufacturer, d.meter_id";

  private final Database database;

  public Inventory(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Installs a device, creating its dwelling when needed. A device already heard (and so already in
   * the database, unattached) keeps its readings.
   *
   * @throws InventoryException when the device is already installed, its printed serial belongs to
   *     another device or its dwelling exists with another lot
   */
  public InstalledDevice add(InstalledDevice device) {
    importAll(List.of(device));
    return device;
  }

  /**
   * Installs all the devices in one transaction: all or none.
   *
   * @return how many were installed
   * @throws InventoryException listing every broken rule, each with the index of its device
   */
  public int importAll(List<InstalledDevice> devices) {
    List<InstalledDevice> copy = List.copyOf(devices);
    return database.write(
        "install " + copy.size() + " devices",
        // the changes take outbox numbers: see OutboxSequence
        Durability.FULL,
        c -> {
          List<InventoryException.Conflict> conflicts = conflicts(c, copy);
          if (!conflicts.isEmpty()) {
            throw new InventoryException(conflicts);
          }
          for (InstalledDevice device : copy) {
            install(c, device);
          }
          return copy.size();
        });
  }

  /**
   * Detaches a device from its dwelling. The device stays in the database with its readings, as a
   * device heard but not installed.
   *
   * @return false when the device was not installed
   */
  public boolean remove(DeviceIdentity identity) {
    return database.write(
        "remove meter " + identity.key(),
        Durability.FULL,
        c -> {
          Optional<InstalledDevice> before = installed(c, identity);
          if (before.isEmpty()) {
            return false;
          }
          InventoryChanges.record(c, "removed", before.get(), database.clock().millis());
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE devices SET dwelling_id = NULL, printed_serial = NULL, room = NULL"
                      + " WHERE manufacturer = ? AND meter_id = ? AND version = ?"
                      + " AND device_type = ? AND dwelling_id IS NOT NULL")) {
            bindIdentity(update, 1, identity);
            return update.executeUpdate() > 0;
          }
        });
  }

  /** Every installed device, by site, dwelling, manufacturer and id. */
  public List<InstalledDevice> list() {
    return database.read(
        "list the inventory",
        c -> {
          try (PreparedStatement query = c.prepareStatement(SELECT_INSTALLED + ORDER)) {
            return rows(query);
          }
        });
  }

  public Optional<InstalledDevice> find(DeviceIdentity identity) {
    return database.read(
        "find meter " + identity.key(),
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  SELECT_INSTALLED
                      + " WHERE d.manufacturer = ? AND d.meter_id = ? AND d.version = ?"
                      + " AND d.device_type = ?")) {
            bindIdentity(query, 1, identity);
            return rows(query).stream().findFirst();
          }
        });
  }

  public Optional<InstalledDevice> findByPrintedSerial(PrintedSerial serial) {
    return database.read(
        "find printed serial " + serial,
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(SELECT_INSTALLED + " WHERE d.printed_serial = ?")) {
            query.setString(1, serial.value());
            return rows(query).stream().findFirst();
          }
        });
  }

  private List<InventoryException.Conflict> conflicts(Connection c, List<InstalledDevice> devices)
      throws SQLException {
    List<InventoryException.Conflict> conflicts = new ArrayList<>();
    Map<DeviceIdentity, Integer> identities = new HashMap<>();
    Map<PrintedSerial, Integer> serials = new HashMap<>();
    Map<String, Dwelling> dwellings = new HashMap<>();
    for (int i = 0; i < devices.size(); i++) {
      InstalledDevice device = devices.get(i);
      DeviceIdentity identity = device.identity();
      Integer earlier = identities.putIfAbsent(identity, i);
      Optional<InstalledDevice> installed = installed(c, identity);
      if (earlier != null) {
        conflicts.add(conflict(i, identity, "is also at index " + earlier + " of the list"));
      } else if (installed.isPresent()) {
        conflicts.add(
            conflict(i, identity, "is already installed in " + installed.get().dwelling()));
      }
      PrintedSerial serial = device.printedSerial();
      if (serial != null) {
        Integer serialEarlier = serials.putIfAbsent(serial, i);
        Optional<DeviceIdentity> owner = serialOwner(c, serial);
        if (serialEarlier != null) {
          conflicts.add(serialConflict(i, serial, "is also at index " + serialEarlier));
        } else if (owner.isPresent() && !owner.get().equals(identity)) {
          conflicts.add(serialConflict(i, serial, "already belongs to meter " + owner.get()));
        }
      }
      String lotConflict = lotConflict(c, device.dwelling(), dwellings);
      if (lotConflict != null) {
        conflicts.add(new InventoryException.Conflict(i, "lot", device.lot(), lotConflict));
      }
    }
    return conflicts;
  }

  private static InventoryException.Conflict conflict(
      int index, DeviceIdentity identity, String problem) {
    return new InventoryException.Conflict(
        index, "id", identity.id(), "Meter [" + identity.key() + "] " + problem + ".");
  }

  private static InventoryException.Conflict serialConflict(
      int index, PrintedSerial serial, String problem) {
    return new InventoryException.Conflict(
        index,
        "printed_serial",
        serial.value(),
        "Printed serial [" + serial + "] " + problem + ".");
  }

  /** A lot that differs from the one already recorded for the dwelling, in the list or the file. */
  private static String lotConflict(Connection c, Dwelling dwelling, Map<String, Dwelling> seen)
      throws SQLException {
    if (dwelling.lot() == null) {
      return null;
    }
    String key = dwelling.toString();
    Dwelling earlier = seen.putIfAbsent(key, dwelling);
    String known =
        earlier != null && earlier.lot() != null ? earlier.lot() : storedLot(c, dwelling);
    if (known != null && !known.equals(dwelling.lot())) {
      return "Dwelling [" + key + "] has lot [" + known + "], not [" + dwelling.lot() + "].";
    }
    if (earlier != null && earlier.lot() == null) {
      seen.put(key, dwelling);
    }
    return null;
  }

  private static String storedLot(Connection c, Dwelling dwelling) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT lot FROM dwellings WHERE site_code = ? AND label = ?")) {
      query.setString(1, dwelling.site().value());
      query.setString(2, dwelling.label());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private Optional<InstalledDevice> installed(Connection c, DeviceIdentity identity)
      throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            SELECT_INSTALLED
                + " WHERE d.manufacturer = ? AND d.meter_id = ? AND d.version = ?"
                + " AND d.device_type = ?")) {
      bindIdentity(query, 1, identity);
      return rows(query).stream().findFirst();
    }
  }

  private static Optional<DeviceIdentity> serialOwner(Connection c, PrintedSerial serial)
      throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT manufacturer, meter_id, version, device_type FROM devices"
                + " WHERE printed_serial = ?")) {
      query.setString(1, serial.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(identity(row)) : Optional.empty();
      }
    }
  }

  private void install(Connection c, InstalledDevice device) throws SQLException {
    long dwellingId = dwellingId(c, device.dwelling());
    String serial = device.printedSerial() == null ? null : device.printedSerial().value();
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE devices SET medium = ?, printed_serial = ?, dwelling_id = ?, room = ?"
                + " WHERE manufacturer = ? AND meter_id = ? AND version = ? AND device_type = ?")) {
      update.setString(1, device.medium().label());
      update.setString(2, serial);
      update.setLong(3, dwellingId);
      update.setString(4, device.room());
      bindIdentity(update, 5, device.identity());
      if (update.executeUpdate() > 0) {
        InventoryChanges.record(c, "installed", device, database.clock().millis());
        return;
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO devices (manufacturer, meter_id, version, device_type, medium,"
                + " printed_serial, dwelling_id, room, added_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bindIdentity(insert, 1, device.identity());
      insert.setString(5, device.medium().label());
      insert.setString(6, serial);
      insert.setLong(7, dwellingId);
      insert.setString(8, device.room());
      insert.setLong(9, database.clock().millis());
      insert.executeUpdate();
    }
    InventoryChanges.record(c, "installed", device, database.clock().millis());
  }

  private static long dwellingId(Connection c, Dwelling dwelling) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO dwellings (site_code, label, lot) VALUES (?, ?, ?)"
                + " ON CONFLICT (site_code, label) DO UPDATE SET lot = coalesce(lot, excluded.lot)"
                + " RETURNING id")) {
      insert.setString(1, dwelling.site().value());
      insert.setString(2, dwelling.label());
      insert.setString(3, dwelling.lot());
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Binds manufacturer, id, version and type from {@code first} on. */
  static void bindIdentity(PreparedStatement statement, int first, DeviceIdentity identity)
      throws SQLException {
    statement.setString(first, identity.manufacturer());
    statement.setString(first + 1, identity.id());
    statement.setInt(first + 2, identity.version());
    statement.setInt(first + 3, identity.type());
  }

  /** Reads manufacturer, meter_id, version and device_type from the current row. */
  static DeviceIdentity identity(ResultSet row) throws SQLException {
    return new DeviceIdentity(
        row.getString("manufacturer"),
        row.getString("meter_id"),
        row.getInt("version"),
        row.getInt("device_type"));
  }

  private static List<InstalledDevice> rows(PreparedStatement query) throws SQLException {
    List<InstalledDevice> devices = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        String serial = row.getString("printed_serial");
        devices.add(
            new InstalledDevice(
                identity(row),
                Medium.fromLabel(row.getString("medium")),
                serial == null ? null : new PrintedSerial(serial),
                new Dwelling(
                    new SiteCode(row.getString("site_code")),
                    row.getString("label"),
                    row.getString("lot")),
                row.getString("room")));
      }
    }
    return devices;
  }
}
