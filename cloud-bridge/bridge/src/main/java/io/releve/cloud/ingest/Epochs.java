package io.releve.cloud.ingest;

import io.releve.contract.GatewayId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** The gateways and epochs tables, inside an ingest transaction. */
final class Epochs {

  /** One epoch of a gateway: its row id (order of first sight) and its acknowledged seq. */
  record Epoch(long id, long contiguousSeq) {}

  private Epochs() {}

  /** Records that something came from {@code gateway} now, adding it when new. */
  static void seen(Connection c, GatewayId gateway, long now) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO gateways (id, last_seen) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)")) {
      upsert.setString(1, gateway.value());
      upsert.setLong(2, now);
      upsert.executeUpdate();
    }
  }

  /** The epoch's row, made when first seen; the gateway's row must exist. */
  static Epoch ensure(Connection c, GatewayId gateway, UUID epoch, long now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT OR IGNORE INTO epochs (gateway, epoch, contiguous_seq, first_seen)"
                + " VALUES (?, ?, 0, ?)")) {
      insert.setString(1, gateway.value());
      insert.setString(2, epoch.toString());
      insert.setLong(3, now);
      insert.executeUpdate();
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, contiguous_seq FROM epochs WHERE gateway = ? AND epoch = ?")) {
      select.setString(1, gateway.value());
      select.setString(2, epoch.toString());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return new Epoch(row.getLong(1), row.getLong(2));
      }
    }
  }

  /**
   * Moves the epoch's contiguous seq up from {@code from} while the next seq is held in any of the
   * three tables, stores it and returns it. Seqs are shared by readings, events and inventory
   * changes, so each one is looked for in all three (three primary-key lookups per seq).
   */
  static long advance(Connection c, GatewayId gateway, UUID epoch, Epoch row, long from)
      throws SQLException {
    long contiguous = from;
    try (PreparedStatement held =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM readings WHERE gateway = ?1 AND epoch = ?2 AND seq = ?3)"
                + " OR EXISTS (SELECT 1 FROM events WHERE gateway = ?1 AND epoch = ?2 AND seq = ?3)"
                + " OR EXISTS (SELECT 1 FROM inventory_changes"
                + " WHERE gateway = ?1 AND epoch = ?2 AND seq = ?3)")) {
      held.setString(1, gateway.value());
      held.setString(2, epoch.toString());
      while (true) {
        held.setLong(3, contiguous + 1);
        try (ResultSet result = held.executeQuery()) {
          result.next();
          if (!result.getBoolean(1)) {
            break;
          }
        }
        contiguous++;
      }
    }
    if (contiguous != row.contiguousSeq()) {
      try (PreparedStatement update =
          c.prepareStatement("UPDATE epochs SET contiguous_seq = ? WHERE id = ?")) {
        update.setLong(1, contiguous);
        update.setLong(2, row.id());
        update.executeUpdate();
      }
    }
    return contiguous;
  }
}
