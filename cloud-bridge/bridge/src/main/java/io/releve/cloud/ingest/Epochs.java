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
                + " ON CONFLICT (id) DO UPDATE SET last_seen = CASE"
                + " WHEN excluded.last_seen > gateways.last_seen THEN excluded.last_seen"
                + " ELSE gateways.last_seen END")) {
      upsert.setString(1, gateway.value());
      upsert.setLong(2, now);
      upsert.executeUpdate();
    }
  }

  /**
   * The epoch's row, made when first seen, and locked until the transaction ends: the batches of
   * one epoch that several bridge instances (or workers) store at once then compute the contiguous
   * seq one after the other, each seeing what the previous one committed. The gateway's row must
   * exist.
   */
  static Epoch ensure(Connection c, GatewayId gateway, UUID epoch, long now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO epochs (gateway, epoch, contiguous_seq, first_seen)"
                + " VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, gateway.value());
      insert.setString(2, epoch.toString());
      insert.setLong(3, now);
      insert.executeUpdate();
    }
    // an update that changes nothing takes the row lock on both engines, and under PostgreSQL's
    // READ COMMITTED it returns the row as the transaction that held the lock committed it. (The
    // gateway's row, which every transaction of the gateway updates first in seen(), serializes
    // them already; this lock keeps the computation right without relying on that.)
    try (PreparedStatement lock =
        c.prepareStatement(
            "UPDATE epochs SET contiguous_seq = contiguous_seq WHERE gateway = ? AND epoch = ?"
                + " RETURNING id, contiguous_seq")) {
      lock.setString(1, gateway.value());
      lock.setString(2, epoch.toString());
      try (ResultSet row = lock.executeQuery()) {
        row.next();
        return new Epoch(row.getLong(1), row.getLong(2));
      }
    }
  }

  /** How many seqs past the contiguous one each look at the three tables covers. */
  static final int WINDOW = 4096;

  /**
   * Moves the epoch's contiguous seq up from {@code from} while the next seq is held in any of the
   * three tables, stores it and returns it. Seqs are shared by readings, events and inventory
   * changes, so the three tables are read together: each look reads the seqs of a window of {@link
   * #WINDOW} past the contiguous one along the primary keys, so a gap followed by a long held
   * stretch costs one short read per batch, not a scan of the stretch.
   */
  static long advance(Connection c, GatewayId gateway, UUID epoch, Epoch row, long from)
      throws SQLException {
    long contiguous = from;
    String range = " WHERE gateway = ? AND epoch = ? AND seq > ? AND seq <= ?";
    try (PreparedStatement held =
        c.prepareStatement(
            "SELECT seq FROM readings"
                + range
                + " UNION ALL SELECT seq FROM events"
                + range
                + " UNION ALL SELECT seq FROM inventory_changes"
                + range
                + " ORDER BY seq")) {
      while (true) {
        // saturating: seqs may go up to Long.MAX_VALUE, where a plain sum would overflow
        long windowEnd =
            contiguous > Long.MAX_VALUE - WINDOW ? Long.MAX_VALUE : contiguous + WINDOW;
        for (int table = 0; table < 3; table++) {
          held.setString(table * 4 + 1, gateway.value());
          held.setString(table * 4 + 2, epoch.toString());
          held.setLong(table * 4 + 3, contiguous);
          held.setLong(table * 4 + 4, windowEnd);
        }
        try (ResultSet seqs = held.executeQuery()) {
          while (seqs.next()) {
            long seq = seqs.getLong(1);
            if (seq == contiguous + 1) {
              contiguous++;
            } else if (seq > contiguous) {
              break;
            }
            // a seq held in two tables (a faulty gateway) comes twice: the second is skipped
          }
        }
        if (contiguous < windowEnd || windowEnd == Long.MAX_VALUE) {
          break;
        }
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
