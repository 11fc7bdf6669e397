package io.releve.cloud.store;

import io.releve.common.sqlite.Migrations;
import io.releve.common.sqlite.Migrations.Migration;
import io.releve.common.sqlite.SqliteFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The bridge's SQLite file: WAL journal, one connection guarded by a lock, so there is one writer
 * and transactions never interleave. Opening creates the file and its parent folders when missing
 * and applies pending migrations.
 *
 * <p>Every method throws {@link StoreException} when SQLite fails; the message names the file.
 * {@link #close()} closes the connection; afterwards every method throws.
 */
public final class Database implements AutoCloseable {

  /** How long a statement waits for another process's lock (the CLI while the bridge runs). */
  public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  /** The WAL is truncated back to this size after a checkpoint. */
  public static final long JOURNAL_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;

  /**
   * The schema migrations, in order; adding a migration is adding its file under this folder and
   * its line here.
   */
  static final Migrations MIGRATIONS =
      new Migrations(
          "/io/releve/cloud/store/migration",
          List.of(new Migration(1, "initial"), new Migration(2, "device_changes")));

  private final SqliteFile sqlite;
  private final Clock clock;

  private Database(SqliteFile sqlite, Clock clock) {
    this.sqlite = sqlite;
    this.clock = clock;
  }

  /**
   * Opens {@code file} with the default {@link #BUSY_TIMEOUT}; see {@link #open(Path, Clock,
   * Duration)}.
   */
  public static Database open(Path file, Clock clock) {
    return open(file, clock, BUSY_TIMEOUT);
  }

  /**
   * Opens the database file, creating it (and its parent folders) when missing, and brings its
   * schema up to date.
   *
   * @param clock the time written as {@code stored_at}, {@code last_seen} and the like
   * @param busyTimeout how long a statement waits for a lock held by another connection
   * @throws StoreException when the file cannot be opened, is not a database, or has a schema newer
   *     than this code
   */
  public static Database open(Path file, Clock clock, Duration busyTimeout) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    SqliteFile sqlite =
        SqliteFile.open(file, busyTimeout, JOURNAL_SIZE_LIMIT_BYTES, StoreException::new);
    try {
      sqlite.migrate(MIGRATIONS, clock, "bridge");
      return new Database(sqlite, clock);
    } catch (RuntimeException e) {
      sqlite.closeAfter(e);
      throw e;
    }
  }

  /** The file this database lives in, as given to {@link #open}. */
  public Path file() {
    return sqlite.file();
  }

  /** The clock given to {@link #open}. */
  public Clock clock() {
    return clock;
  }

  /**
   * Runs {@code work} in a write transaction, committing when it returns and rolling back when it
   * throws; see {@link SqliteFile#write}.
   *
   * @param what what is being done, for the error message ("store 12 readings")
   * @throws StoreException when SQLite fails, the commit included
   */
  public <T> T write(String what, Durability durability, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    return sqlite.write(what, durability == Durability.FULL, work::run);
  }

  /** Runs {@code work} in a read transaction; see {@link SqliteFile#read}. */
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
