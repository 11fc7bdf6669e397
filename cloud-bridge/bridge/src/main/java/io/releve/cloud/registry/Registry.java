package io.releve.cloud.registry;

import io.releve.cloud.store.Database;
import io.releve.contract.GatewayId;
import io.releve.contract.InventoryChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site registry, gateway half (DESIGN §5): sites, dwellings, rooms and devices, built from the
 * gateways' inventory changes.
 *
 * <p>Changes are ordered only within one gateway: the epochs of a gateway in the order the bridge
 * first saw them, then seq within an epoch; the changes of two gateways never compare. The registry
 * keeps, per gateway and device, the last change applied from that gateway ({@code
 * device_changes}), and a change that is not newer than it is ignored (a redelivery, a reordered
 * batch). A newer installation moves the device to its gateway, whichever gateway held it before (a
 * meter re-commissioned elsewhere); a newer removal is recorded as the gateway's last change but
 * marks the device removed only when that gateway holds it, so a former gateway never clears a
 * device another one now holds.
 */
public final class Registry {

  private Registry() {}

  /**
   * Applies one inventory change inside the caller's transaction.
   *
   * @param epochId the row id of the change's epoch in {@code epochs}
   * @return true when the device's entry changed; false when the gateway already applied a newer
   *     change of the device, or for a removal from a gateway that does not hold the device
   */
  public static boolean apply(
      Connection c, GatewayId gateway, long epochId, InventoryChange change, long now)
      throws SQLException {
    if (!isNewer(c, gateway, change.device(), epochId, change.seq())) {
      return false;
    }
    record(c, gateway, epochId, change);
    if (change.action() == InventoryChange.Action.REMOVED) {
      return remove(c, gateway, epochId, change, now);
    }
    long dwelling = dwelling(c, change.site(), change.dwelling(), change.lot(), now);
    Long room = change.room() == null ? null : room(c, dwelling, change.room());
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO devices (device, state, medium, printed_serial, dwelling, room,"
                + " gateway, change_epoch, change_seq, changed_at)"
                + " VALUES (?, 'installed', ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (device) DO UPDATE SET state = excluded.state,"
                + " medium = excluded.medium, printed_serial = excluded.printed_serial,"
                + " dwelling = excluded.dwelling, room = excluded.room, gateway = excluded.gateway,"
                + " change_epoch = excluded.change_epoch, change_seq = excluded.change_seq,"
                + " changed_at = excluded.changed_at")) {
      int i = 0;
      upsert.setString(++i, change.device());
      upsert.setString(++i, change.medium());
      upsert.setString(++i, change.printedSerial());
      upsert.setLong(++i, dwelling);
      if (room == null) {
        upsert.setNull(++i, Types.BIGINT);
      } else {
        upsert.setLong(++i, room);
      }
      upsert.setString(++i, gateway.value());
      upsert.setLong(++i, epochId);
      upsert.setLong(++i, change.seq());
      upsert.setLong(++i, now);
      upsert.executeUpdate();
    }
    return true;
  }

  /** Whether the change is newer than the last one applied from the same gateway to the device. */
  private static boolean isNewer(
      Connection c, GatewayId gateway, String device, long epochId, long seq) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT change_epoch, change_seq FROM device_changes"
                + " WHERE gateway = ? AND device = ?")) {
      select.setString(1, gateway.value());
      select.setString(2, device);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return true;
        }
        long appliedEpoch = row.getLong(1);
        return epochId > appliedEpoch || (epochId == appliedEpoch && seq > row.getLong(2));
      }
    }
  }

  /** Records the change as the last one applied from its gateway to the device. */
  private static void record(Connection c, GatewayId gateway, long epochId, InventoryChange change)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO device_changes (gateway, device, change_epoch, change_seq)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (gateway, device) DO UPDATE SET"
                + " change_epoch = excluded.change_epoch, change_seq = excluded.change_seq")) {
      upsert.setString(1, gateway.value());
      upsert.setString(2, change.device());
      upsert.setLong(3, epochId);
      upsert.setLong(4, change.seq());
      upsert.executeUpdate();
    }
  }

  /**
   * A removed device keeps its last place, marked removed; one never seen is recorded so. A device
   * another gateway holds is left alone: returns false then.
   */
  private static boolean remove(
      Connection c, GatewayId gateway, long epochId, InventoryChange change, long now)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO devices (device, state, gateway, change_epoch, change_seq, changed_at)"
                + " VALUES (?, 'removed', ?, ?, ?, ?)"
                + " ON CONFLICT (device) DO UPDATE SET state = 'removed',"
                + " change_epoch = excluded.change_epoch, change_seq = excluded.change_seq,"
                + " changed_at = excluded.changed_at"
                + " WHERE devices.gateway = excluded.gateway")) {
      upsert.setString(1, change.device());
      upsert.setString(2, gateway.value());
      upsert.setLong(3, epochId);
      upsert.setLong(4, change.seq());
      upsert.setLong(5, now);
      return upsert.executeUpdate() == 1;
    }
  }

  private static long dwelling(Connection c, String site, String label, String lot, long now)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO sites (code, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, site);
      insert.setLong(2, now);
      insert.executeUpdate();
    }
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO dwellings (site, label, lot) VALUES (?, ?, ?)"
                + " ON CONFLICT (site, label) DO UPDATE SET lot = coalesce(excluded.lot, dwellings.lot)"
                + " RETURNING id")) {
      upsert.setString(1, site);
      upsert.setString(2, label);
      upsert.setString(3, lot);
      return id(upsert);
    }
  }

  private static long room(Connection c, long dwelling, String label) throws SQLException {
    // the no-op update makes an existing room return its id too
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO rooms (dwelling, label) VALUES (?, ?)"
                + " ON CONFLICT (dwelling, label) DO UPDATE SET label = excluded.label"
                + " RETURNING id")) {
      upsert.setLong(1, dwelling);
      upsert.setString(2, label);
      return id(upsert);
    }
  }

  private static long id(PreparedStatement returningId) throws SQLException {
    try (ResultSet row = returningId.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** A site and its dwellings, by label. */
  public record Site(String code, List<Dwelling> dwellings) {}

  /** A dwelling and the devices installed in it, by key. */
  public record Dwelling(String label, String lot, List<Device> devices) {}

  /**
   * An installed device.
   *
   * @param room the radiator's room, or null
   */
  public record Device(
      String key, String medium, String printedSerial, String room, String gateway) {}

  /** The whole registry: every site, its dwellings and their installed devices. */
  public static List<Site> sites(Database database) {
    return database.read(
        "read the site registry",
        c -> {
          Map<String, Map<String, Dwelling>> sites = new LinkedHashMap<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT s.code, w.label, w.lot, d.device, d.medium, d.printed_serial,"
                          + " r.label, d.gateway"
                          + " FROM sites s"
                          + " LEFT JOIN dwellings w ON w.site = s.code"
                          + " LEFT JOIN devices d ON d.dwelling = w.id AND d.state = 'installed'"
                          + " LEFT JOIN rooms r ON r.id = d.room"
                          + " ORDER BY s.code, w.label, d.device");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              Map<String, Dwelling> dwellings =
                  sites.computeIfAbsent(row.getString(1), code -> new LinkedHashMap<>());
              String label = row.getString(2);
              if (label == null) {
                continue;
              }
              String lot = row.getString(3);
              Dwelling dwelling =
                  dwellings.computeIfAbsent(label, l -> new Dwelling(l, lot, new ArrayList<>()));
              String device = row.getString(4);
              if (device != null) {
                dwelling
                    .devices()
                    .add(
                        new Device(
                            device,
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getString(8)));
              }
            }
          }
          List<Site> result = new ArrayList<>();
          sites.forEach(
              (code, dwellings) ->
                  result.add(
                      new Site(
                          code,
                          dwellings.values().stream()
                              .map(d -> new Dwelling(d.label(), d.lot(), List.copyOf(d.devices())))
                              .toList())));
          return result;
        });
  }
}
