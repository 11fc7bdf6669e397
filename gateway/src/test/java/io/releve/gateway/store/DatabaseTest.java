package io.releve.gateway.store;

import static io.releve.gateway.store.TestReadings.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path folder;

  @Test
  void open_newFile_createsFolderAndAppliesEveryMigration() {
    Path file = folder.resolve("var/sub/releve.db");
    try (Database database = Database.open(file, CLOCK)) {
      assertTrue(Files.exists(file));
      assertEquals(Database.MIGRATIONS.latestVersion(), database.schemaVersion());
      assertEquals(List.of(1, 2, 3, 4, 5, 6), versions(database));
    }
  }

  @Test
  void open_twice_appliesMigrationsOnlyOnce() {
    Path file = folder.resolve("releve.db");
    Database.open(file, CLOCK).close();
    try (Database database = Database.open(file, CLOCK)) {
      assertEquals(List.of(1, 2, 3, 4, 5, 6), versions(database));
    }
  }

  @Test
  void open_setsWalForeignKeysAndNormalSynchronous() {
    try (Database database = Database.open(folder.resolve("releve.db"), CLOCK)) {
      assertEquals("wal", pragma(database, "journal_mode"));
      assertEquals("1", pragma(database, "foreign_keys"));
      // 1 = NORMAL: FULL (2) is only for the transactions that number readings.
      assertEquals("1", pragma(database, "synchronous"));
      assertEquals(
          String.valueOf(Database.JOURNAL_SIZE_LIMIT_BYTES),
          pragma(database, "journal_size_limit"));
    }
  }

  @Test
  void write_withFullDurability_runsWithSynchronousFullThenReturnsToNormal() {
    try (Database database = Database.open(folder.resolve("releve.db"), CLOCK)) {
      String inside =
          database.write(
              "probe", Durability.FULL, c -> pragmaOn(c.createStatement(), "synchronous"));
      assertEquals("2", inside);
      assertEquals("1", pragma(database, "synchronous"));
    }
  }

  @Test
  void epoch_isStableAcrossReopen() {
    Path file = folder.resolve("releve.db");
    UUID first;
    try (Database database = Database.open(file, CLOCK)) {
      first = database.epoch();
    }
    try (Database database = Database.open(file, CLOCK)) {
      assertEquals(first, database.epoch());
    }
  }

  @Test
  void epoch_differsBetweenTwoDatabases() {
    try (Database one = Database.open(folder.resolve("one.db"), CLOCK);
        Database two = Database.open(folder.resolve("two.db"), CLOCK)) {
      assertNotEquals(one.epoch(), two.epoch());
    }
  }

  @Test
  void open_databaseFromNewerCode_isRefusedWithClearMessage() {
    Path file = folder.resolve("releve.db");
    try (Database database = Database.open(file, CLOCK)) {
      database.write(
          "pretend a newer schema",
          Durability.NORMAL,
          c ->
              c.createStatement()
                  .executeUpdate("INSERT INTO schema_version VALUES (99, 'from the future', 0)"));
    }
    StoreException refused = assertThrows(StoreException.class, () -> Database.open(file, CLOCK));
    assertEquals(
        "Database ["
            + file
            + "] has schema version 99 but this releve knows versions up to 6: it was written by"
            + " a newer releve. Install that version or use another file.",
        refused.getMessage());
  }

  @Test
  void open_fileThatIsNotADatabase_isRefusedNamingTheFile() throws Exception {
    Path file = folder.resolve("notes.db");
    Files.writeString(file, "these are not the pages you are looking for ".repeat(100));
    StoreException refused = assertThrows(StoreException.class, () -> Database.open(file, CLOCK));
    assertTrue(refused.getMessage().contains("[" + file + "]"), refused.getMessage());
  }

  @Test
  void write_whenWorkThrows_rollsBackAndRethrowsTheSameException() {
    try (Database database = Database.open(folder.resolve("releve.db"), CLOCK)) {
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  database.write(
                      "fail halfway",
                      Durability.NORMAL,
                      c -> {
                        c.createStatement()
                            .executeUpdate("INSERT INTO meta (key, value) VALUES ('x', 'y')");
                        throw new IllegalStateException("halfway");
                      }));
      assertEquals("halfway", thrown.getMessage());
      long rows =
          database.read(
              "count",
              c -> {
                ResultSet r =
                    c.createStatement().executeQuery("SELECT count(*) FROM meta WHERE key = 'x'");
                r.next();
                return r.getLong(1);
              });
      assertEquals(0, rows);
    }
  }

  @Test
  void checkpoint_withNoOtherReader_completes() {
    try (Database database = Database.open(folder.resolve("releve.db"), CLOCK)) {
      new ReadingStore(database)
          .storeBatch(TestReadings.series(TestReadings.WATER, 10, TestReadings.T0), List.of());
      assertTrue(database.checkpoint());
    }
  }

  @Test
  void read_afterClose_throwsNamingTheFile() {
    Path file = folder.resolve("releve.db");
    Database database = Database.open(file, CLOCK);
    database.close();
    StoreException thrown =
        assertThrows(StoreException.class, () -> new Quarantine(database).count());
    assertEquals("Database [" + file + "] is closed.", thrown.getMessage());
  }

  private static List<Integer> versions(Database database) {
    return database.read(
        "versions",
        c -> {
          List<Integer> versions = new ArrayList<>();
          try (PreparedStatement query =
                  c.prepareStatement("SELECT version FROM schema_version ORDER BY version");
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              versions.add(row.getInt(1));
            }
          }
          return versions;
        });
  }

  static String pragma(Database database, String name) {
    return database.read("pragma", c -> pragmaOn(c.createStatement(), name));
  }

  private static String pragmaOn(Statement statement, String name) throws java.sql.SQLException {
    try (statement;
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }
}
