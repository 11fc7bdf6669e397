package io.releve.cloud.ingest;

import io.releve.cloud.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@code cloud status} shows: each gateway's presence and each epoch's progress. */
public final class FleetStatus {

  /**
   * One epoch of one gateway (a gateway with a status but no batch yet has one line, epoch null).
   *
   * @param state {@code online}, {@code offline}, or null before the first status
   * @param since the {@code at} of that status, or null
   * @param ackedSeq the highest seq up to which every row is held: what the last ack said
   * @param refused payloads refused on this gateway's topics (the same on each of its lines)
   */
  public record Line(
      String gateway,
      String state,
      Instant since,
      String software,
      String epoch,
      long ackedSeq,
      long readings,
      long events,
      long inventoryChanges,
      long refused,
      Instant lastSeen) {}

  /**
   * @param lines by gateway, then epoch in the order first seen
   * @param refusedWithoutGateway payloads refused on topics that named no valid gateway
   */
  public record Report(List<Line> lines, long refusedWithoutGateway) {}

  private FleetStatus() {}

  public static Report read(Database database) {
    return database.read(
        "read the fleet status",
        c -> {
          List<Line> lines = new ArrayList<>();
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT g.id, g.state, g.status_at, g.software, e.epoch,"
                          + " coalesce(e.contiguous_seq, 0),"
                          + " (SELECT count(*) FROM readings r"
                          + "   WHERE r.gateway = g.id AND r.epoch = e.epoch),"
                          + " (SELECT count(*) FROM events v"
                          + "   WHERE v.gateway = g.id AND v.epoch = e.epoch),"
                          + " (SELECT count(*) FROM inventory_changes i"
                          + "   WHERE i.gateway = g.id AND i.epoch = e.epoch),"
                          + " coalesce((SELECT count FROM refusals f WHERE f.gateway = g.id), 0),"
                          + " g.last_seen"
                          + " FROM gateways g LEFT JOIN epochs e ON e.gateway = g.id"
                          + " ORDER BY g.id, e.id");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              lines.add(
                  new Line(
                      row.getString(1),
                      row.getString(2),
                      instant(row, 3),
                      row.getString(4),
                      row.getString(5),
                      row.getLong(6),
                      row.getLong(7),
                      row.getLong(8),
                      row.getLong(9),
                      row.getLong(10),
                      instant(row, 11)));
            }
          }
          long unknown = 0;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT coalesce(sum(count), 0) FROM refusals r"
                      + " WHERE NOT EXISTS (SELECT 1 FROM gateways g WHERE g.id = r.gateway)")) {
            try (ResultSet row = select.executeQuery()) {
              row.next();
              unknown = row.getLong(1);
            }
          }
          return new Report(List.copyOf(lines), unknown);
        });
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
