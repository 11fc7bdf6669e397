package io.releve.cloud.store;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.common.sqlite.Migrations;
import io.releve.common.sqlite.SqliteFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The bridge's SQLite file: WAL journal, one connection guarded by a lock, so there is one writer
 * and transactions never interleave. Opening creates the file and its parent folders when missing
 * and applies pending migrations. Enough for one bridge instance.
 */
public final class SqliteDatabase extends Database {

  /** How long a statement waits for another process's lock (the CLI while the bridge runs). */
  public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  /** The WAL is truncated back to this size after a checkpoint. */
  public static final long JOURNAL_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;

  /**
   * The schema migrations, in order; adding a migration is adding its file under this folder (and
   * its PostgreSQL twin under {@link PostgresDatabase#MIGRATIONS}'s) and its line here.
   */
  static final Migrations MIGRATIONS =
      new Migrations("/io/releve/cloud/store/sqlite", Schema.VERSIONS);

  private final SqliteFile sqlite;

  private SqliteDatabase(SqliteFile sqlite, Clock clock) {
    super(clock);
    this.sqlite = sqlite;
  }

  /**
   * Opens the database file, creating it (and its parent folders) when missing, and brings its
   * schema up to date.
   *
   * @param busyTimeout how long a statement waits for a lock held by another connection
   * @throws StoreException when the file cannot be opened, is not a database, or has a schema newer
   *     than this code
   */
  public static SqliteDatabase open(Path file, Clock clock, Duration busyTimeout) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    SqliteFile sqlite =
        SqliteFile.open(file, busyTimeout, JOURNAL_SIZE_LIMIT_BYTES, StoreException::new);
    try {
      sqlite.migrate(MIGRATIONS, clock, "bridge");
      return new SqliteDatabase(sqlite, clock);
    } catch (RuntimeException e) {
      sqlite.closeAfter(e);
      throw e;
    }
  }

  /** The file this database lives in, as given to {@link #open}. */
  public Path file() {
    return sqlite.file();
  }

  @Override
  public Engine engine() {
    return Engine.SQLITE;
  }

  @Override
  public String describe() {
    return sqlite.file().toString();
  }

  @Override
  public <T> T write(String what, Durability durability, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    return sqlite.write(what, durability == Durability.FULL, work::run);
  }

  @Override
  public <T> T read(String what, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    return sqlite.read(what, work::run);
  }

  /** Closes the connection; SQLite checkpoints the WAL when the last connection closes. */
  @Override
  public void close() {
    sqlite.close();
  }
}
