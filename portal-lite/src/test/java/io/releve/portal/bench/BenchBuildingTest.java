package io.releve.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchBuildingTest {

  private static final String INDEX_SQL =
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'readings_by_stored_at'";

  @TempDir Path folder;

  @Test
  void theFleet_isWrittenWithTheStoredAtIndexSetAside_andTheIndexIsBuiltAgainAsTheSchemaMadeIt() {
    try (Database database =
        Database.open(new StoreSettings.Sqlite(folder.resolve("cloud.db")), Clock.systemUTC())) {
      String before = database.read("read the index", c -> text(c, INDEX_SQL));
      Instant now = Instant.parse("2026-11-29T09:00:00Z");
      ZoneId paris = ZoneId.of("Europe/Paris");

      long readings =
          new BenchBuilding(database, paris, LocalDate.ofInstant(now, paris), 4, now)
              .write(2, "not-a-real-hash");

      assertEquals(2 * (2 + BenchBuilding.RADIATORS) * 4, readings);
      assertEquals(
          String.valueOf(readings),
          database.read("count", c -> text(c, "SELECT count(*) FROM readings")));
      assertEquals(before, database.read("read the index", c -> text(c, INDEX_SQL)));
      assertEquals("CREATE INDEX readings_by_stored_at ON readings (stored_at)", before.strip());
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    }
  }
}
