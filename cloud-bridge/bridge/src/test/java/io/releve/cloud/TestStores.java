package io.releve.cloud;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqliteDatabase;
import io.releve.cloud.store.StoreSettings;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.testkit.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The store the bridge's tests run on. The build runs the whole suite twice: on SQLite, and with
 * {@code -Dreleve.test.store=postgresql} on a real PostgreSQL the tests start themselves ({@link
 * TestPostgres#shared()}), each test on an empty database of its own.
 */
public final class TestStores {

  /**
   * The system property that picks the engine: {@code sqlite} (the default) or {@code postgresql}.
   */
  public static final String PROPERTY = "releve.test.store";

  private TestStores() {}

  /** The engine of this run. */
  public static Engine engine() {
    String value = System.getProperty(PROPERTY, "sqlite").toUpperCase(Locale.ROOT);
    return Engine.valueOf(value);
  }

  /** A new, empty store: {@code cloud.db} in {@code folder}, or a new PostgreSQL database. */
  public static StoreSettings fresh(Path folder) {
    if (engine() == Engine.SQLITE) {
      return new StoreSettings.Sqlite(folder.resolve("cloud.db"));
    }
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    return new StoreSettings.Postgres(database.url(), database.user(), null, 8);
  }

  /** Opens a new, empty store; see {@link #fresh}. */
  public static Database open(Path folder, Clock clock) {
    return Database.open(fresh(folder), clock);
  }

  /**
   * Opens {@code store}; a SQLite file with {@code sqliteBusyTimeout}, so that a test holding its
   * lock makes writes fail soon.
   */
  public static Database open(StoreSettings store, Clock clock, Duration sqliteBusyTimeout) {
    if (store instanceof StoreSettings.Sqlite sqlite) {
      return SqliteDatabase.open(sqlite.file(), clock, sqliteBusyTimeout);
    }
    return Database.open(store, clock);
  }

  /**
   * Makes every write to the store fail until closed: SQLite's write lock held by another
   * connection (writes fail after their busy timeout), or PostgreSQL's {@code readings} table
   * renamed away (inserts fail at once).
   */
  public static AutoCloseable breakWrites(StoreSettings store) throws SQLException {
    Connection other = connect(store);
    Statement statement = other.createStatement();
    if (store instanceof StoreSettings.Sqlite) {
      statement.execute("BEGIN IMMEDIATE");
      return () -> {
        statement.execute("ROLLBACK");
        other.close();
      };
    }
    statement.execute("ALTER TABLE readings RENAME TO readings_away");
    return () -> {
      statement.execute("ALTER TABLE readings_away RENAME TO readings");
      other.close();
    };
  }

  /** A plain JDBC connection to the store, for tests that read it as another process would. */
  public static Connection connect(StoreSettings store) throws SQLException {
    if (store instanceof StoreSettings.Sqlite sqlite) {
      return DriverManager.getConnection("jdbc:sqlite:" + sqlite.file());
    }
    StoreSettings.Postgres postgres = (StoreSettings.Postgres) store;
    return DriverManager.getConnection(postgres.url(), postgres.user(), "");
  }

  /** The lines of a {@code cloud.conf} that name this store. */
  public static String configLines(StoreSettings store) {
    if (store instanceof StoreSettings.Sqlite sqlite) {
      return "database.path = " + sqlite.file() + "\n";
    }
    StoreSettings.Postgres postgres = (StoreSettings.Postgres) store;
    return "database.url = " + postgres.url() + "\ndatabase.user = " + postgres.user() + "\n";
  }
}
