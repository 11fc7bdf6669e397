package io.releve.common.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.common.sqlite.Migrations.Migration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileTest {

  /** The program's own exception type, as a module's StoreException would be. */
  static final class ProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProgramException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
  static final Migrations MIGRATIONS =
      new Migrations(
          MigrationsTest.FOLDER,
          List.of(new Migration(1, "notes"), new Migration(2, "note_author")));

  @TempDir Path folder;

  private SqliteFile open(Path file) {
    return SqliteFile.open(file, Duration.ofSeconds(1), 1024 * 1024, ProgramException::new);
  }

  @Test
  void open_newFileInMissingFolder_createsItInWalModeWithNormalSynchronous() throws Exception {
    Path file = folder.resolve("var/sub/test.db");
    try (SqliteFile sqlite = open(file)) {
      assertTrue(Files.exists(file));
      assertEquals("wal", sqlite.read("probe", c -> pragma(c, "journal_mode")));
      assertEquals("1", sqlite.read("probe", c -> pragma(c, "synchronous")));
      assertEquals("1", sqlite.read("probe", c -> pragma(c, "foreign_keys")));
      assertEquals("1048576", sqlite.read("probe", c -> pragma(c, "journal_size_limit")));
    }
  }

  @Test
  void write_synchronousFull_runsWithFullThenReturnsToNormal() {
    try (SqliteFile sqlite = open(folder.resolve("test.db"))) {
      assertEquals("2", sqlite.write("probe", true, c -> pragma(c, "synchronous")));
      assertEquals("1", sqlite.read("probe", c -> pragma(c, "synchronous")));
    }
  }

  @Test
  void write_whenWorkThrows_rollsBackAndRethrowsTheSameException() {
    try (SqliteFile sqlite = open(folder.resolve("test.db"))) {
      sqlite.migrate(MIGRATIONS, CLOCK, "test");
      IllegalStateException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  sqlite.write(
                      "fail halfway",
                      false,
                      c -> {
                        execute(c, "INSERT INTO note (text) VALUES ('lost')");
                        throw new IllegalStateException("halfway");
                      }));
      assertEquals("halfway", thrown.getMessage());
      long notes = sqlite.read("count", c -> count(c, "note"));
      assertEquals(0, notes);
    }
  }

  @Test
  void write_whenSqliteFails_throwsTheProgramsExceptionNamingWhatAndTheFile() {
    Path file = folder.resolve("test.db");
    try (SqliteFile sqlite = open(file)) {
      ProgramException thrown =
          assertThrows(
              ProgramException.class,
              () -> sqlite.write("store a note", false, c -> execute(c, "INSERT INTO nowhere")));
      assertTrue(
          thrown.getMessage().startsWith("Cannot store a note in database [" + file + "]: "),
          thrown.getMessage());
      assertInstanceOf(SQLException.class, thrown.getCause());
    }
  }

  @Test
  void migrate_appliesEachMigrationOnceAndRecordsIt() {
    Path file = folder.resolve("test.db");
    try (SqliteFile sqlite = open(file)) {
      assertEquals(2, sqlite.migrate(MIGRATIONS, CLOCK, "test"));
    }
    try (SqliteFile sqlite = open(file)) {
      assertEquals(2, sqlite.migrate(MIGRATIONS, CLOCK, "test"));
      long applied = sqlite.read("count", c -> count(c, "schema_version"));
      assertEquals(2, applied);
      sqlite.write("add a note", false, c -> execute(c, "INSERT INTO note VALUES (1, 'a', 'b')"));
    }
  }

  @Test
  void migrate_fileFromNewerCode_isRefusedWithClearMessage() {
    Path file = folder.resolve("test.db");
    try (SqliteFile sqlite = open(file)) {
      sqlite.migrate(MIGRATIONS, CLOCK, "test");
      sqlite.write(
          "pretend a newer schema",
          false,
          c -> execute(c, "INSERT INTO schema_version VALUES (9, 'from the future', 0)"));
    }
    try (SqliteFile sqlite = open(file)) {
      ProgramException refused =
          assertThrows(ProgramException.class, () -> sqlite.migrate(MIGRATIONS, CLOCK, "test"));
      assertEquals(
          "Database ["
              + file
              + "] has schema version 9 but this test knows versions up to 2: it was written by a"
              + " newer releve. Install that version or use another file.",
          refused.getMessage());
    }
  }

  @Test
  void open_fileThatIsNotADatabase_isRefusedNamingTheFile() throws Exception {
    Path file = folder.resolve("notes.db");
    Files.writeString(file, "not a database, only words ".repeat(100));
    ProgramException refused = assertThrows(ProgramException.class, () -> open(file));
    assertTrue(refused.getMessage().contains("[" + file + "]"), refused.getMessage());
  }

  @Test
  void checkpoint_withoutOtherReaders_completes() {
    try (SqliteFile sqlite = open(folder.resolve("test.db"))) {
      sqlite.migrate(MIGRATIONS, CLOCK, "test");
      assertTrue(sqlite.checkpoint());
    }
  }

  @Test
  void afterClose_everyTransactionFailsNamingTheFile() {
    Path file = folder.resolve("test.db");
    SqliteFile sqlite = open(file);
    sqlite.close();
    sqlite.close();
    ProgramException thrown =
        assertThrows(ProgramException.class, () -> sqlite.read("probe", c -> null));
    assertEquals("Database [" + file + "] is closed.", thrown.getMessage());
    assertNull(thrown.getCause());
  }

  private static String pragma(Connection c, String name) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA " + name)) {
      result.next();
      return result.getString(1);
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Void execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
    return null;
  }
}
