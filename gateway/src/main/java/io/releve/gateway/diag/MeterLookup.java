package io.releve.gateway.diag;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the meter a technician names: by device key, or by the serial printed on its label. */
final class MeterLookup {

  /** {@code SEN-12345601-68-16}: manufacturer, id, version and device type in hex. */
  private static final Pattern KEY =
      Pattern.compile("[A-Za-z@]{3}-[0-9A-Fa-f]{8}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}");

  /** The last telegram heard from a meter: when, and by which receiver or bus. */
  record LastHeard(Instant at, String source) {}

  private final Database database;

  MeterLookup(Database database) {
    this.database = database;
  }

  /**
   * The identity {@code meter} names: a device key as is, a printed serial through the inventory.
   *
   * @throws CommandException 400 when it is neither, 404 for a serial nobody installed
   */
  DeviceIdentity identity(String meter) throws CommandException {
    if (KEY.matcher(meter).matches()) {
      return DeviceIdentity.parseKey(meter.toUpperCase(java.util.Locale.ROOT));
    }
    PrintedSerial serial;
    try {
      serial = PrintedSerial.of(meter);
    } catch (IllegalArgumentException e) {
      throw CommandException.badRequest(
          "Argument [meter] must be a device key such as SEN-12345601-68-16 or a printed serial,"
              + " found ["
              + meter
              + "].");
    }
    Optional<InstalledDevice> device = new Inventory(database).findByPrintedSerial(serial);
    return device
        .map(InstalledDevice::identity)
        .orElseThrow(
            () ->
                CommandException.notFound(
                    "No meter with printed serial [" + serial + "] in this gateway's inventory."));
  }

  /** The last telegram stored from {@code meter}, if any. */
  Optional<LastHeard> lastHeard(DeviceIdentity meter) {
    return database.read(
        "find when " + meter.key() + " was last heard",
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT r.received_at, r.source FROM readings r JOIN devices d"
                      + " ON d.id = r.device_id WHERE d.manufacturer = ? AND d.meter_id = ?"
                      + " AND d.version = ? AND d.device_type = ?"
                      + " ORDER BY r.received_at DESC LIMIT 1")) {
            query.setString(1, meter.manufacturer());
            query.setString(2, meter.id());
            query.setInt(3, meter.version());
            query.setInt(4, meter.type());
            try (ResultSet row = query.executeQuery()) {
              return row.next()
                  ? Optional.of(
                      new LastHeard(
                          Instant.ofEpochMilli(row.getLong("received_at")),
                          row.getString("source")))
                  : Optional.empty();
            }
          }
        });
  }
}
