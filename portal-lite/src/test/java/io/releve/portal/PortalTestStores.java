package io.releve.portal;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.cloud.store.SqlWork;
import io.releve.cloud.store.StoreSettings;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The stores the portal's tests run on: every repository test runs on both engines, a SQLite file
 * in the test's folder and an empty database of its own on the JVM's shared PostgreSQL ({@link
 * TestPostgres#shared()}).
 */
public final class PortalTestStores {

  /** The tests' "now": a fixed instant, so that dates and expiries are exact. */
  public static final Instant NOW = Instant.parse("2026-11-12T09:00:00Z");

  private PortalTestStores() {}

  /** The settings of a new, empty store on {@code engine}. */
  public static StoreSettings fresh(Engine engine, Path folder) {
    if (engine == Engine.SQLITE) {
      return new StoreSettings.Sqlite(folder.resolve("cloud.db"));
    }
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    return new StoreSettings.Postgres(database.url(), database.user(), null, 4);
  }

  /** Opens a new, empty store on {@code engine}, migrated, whose clock stands at {@link #NOW}. */
  public static Database open(Engine engine, Path folder) {
    return Database.open(fresh(engine, folder), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Runs {@code work} in a write transaction; for tests' arrangements. */
  public static <T> T write(Database database, SqlWork<T> work) {
    return database.write("arrange the test", Durability.FULL, work);
  }
}
