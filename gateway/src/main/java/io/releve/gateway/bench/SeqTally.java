package io.releve.gateway.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How many readings one side holds and their lowest and highest seq: the drain is right when the
 * bridge's tally for the gateway's epoch is the gateway's own. With seqs unique on both sides
 * ({@code PRIMARY KEY (gateway, epoch, seq)} on the bridge), equal counts and bounds mean every
 * reading is there once.
 *
 * @param count readings
 * @param minSeq lowest seq, 0 when none
 * @param maxSeq highest seq, 0 when none
 */
public record SeqTally(long count, long minSeq, long maxSeq) {

  /** The gateway's readings, from its own connection. */
  static SeqTally ofGateway(Connection c) throws SQLException {
    try (PreparedStatement query =
            c.prepareStatement(
                "SELECT count(*), coalesce(min(outbox_seq), 0), coalesce(max(outbox_seq), 0)"
                    + " FROM readings");
        ResultSet row = query.executeQuery()) {
      row.next();
      return new SeqTally(row.getLong(1), row.getLong(2), row.getLong(3));
    }
  }

  /**
   * The bridge's readings of one gateway's epoch, read from its SQLite file (the bridge may still
   * run: the file is in WAL mode, a reader sees the last commit).
   */
  static SeqTally ofBridge(Path database, String gateway, UUID epoch) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement query =
            c.prepareStatement(
                "SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0) FROM readings"
                    + " WHERE gateway = ? AND epoch = ?")) {
      query.setString(1, gateway);
      query.setString(2, epoch.toString());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new SeqTally(row.getLong(1), row.getLong(2), row.getLong(3));
      }
    }
  }

  /** What differs from {@code expected}, one phrase each; empty when nothing does. */
  public List<String> differencesFrom(SeqTally expected) {
    List<String> differences = new ArrayList<>();
    if (count != expected.count) {
      differences.add("count " + count + " instead of " + expected.count);
    }
    if (minSeq != expected.minSeq) {
      differences.add("lowest seq " + minSeq + " instead of " + expected.minSeq);
    }
    if (maxSeq != expected.maxSeq) {
      differences.add("highest seq " + maxSeq + " instead of " + expected.maxSeq);
    }
    return differences;
  }
}
