package io.releve.gateway.store;

import io.releve.common.sqlite.Migrations;
import io.releve.common.sqlite.Migrations.Migration;
import io.releve.common.sqlite.SqliteFile;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The gateway's SQLite file (DESIGN §3.2): WAL journal, one connection shared by all threads and
 * guarded by a lock, so there is one writer and transactions never interleave. Opening creates the
 * file and its parent folders when missing, applies pending migrations and, the first time, makes
 * the database's epoch.
 *
 * <p>Every method throws {@link StoreException} when SQLite fails; the message names the file.
 * {@link #close()} closes the connection; afterwards every method throws.
 */
public final class Database implements AutoCloseable {

  /** How long a statement waits for another process's lock (the CLI while the daemon runs). */
  public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

  /** The WAL is truncated back to this size after a checkpoint: an SD card is small. */
  public static final long JOURNAL_SIZE_LIMIT_BYTES = 16L * 1024 * 1024;

  /**
   * The schema migrations, in order; adding a migration is adding its file under this folder and
   * its line here.
   */
  static final Migrations MIGRATIONS =
      new Migrations(
          "/io/releve/gateway/store/migration",
          List.of(
              new Migration(1, "initial"),
              new Migration(2, "bus_meters"),
              new Migration(3, "alerts"),
              new Migration(4, "inventory_changes"),
              new Migration(5, "gateway_events"),
              new Migration(6, "clock")));

  private final SqliteFile sqlite;
  private final Clock clock;
  private volatile UUID epoch;
  private final int schemaVersion;

  private Database(SqliteFile sqlite, Clock clock, int schemaVersion, UUID epoch) {
    this.sqlite = sqlite;
    this.clock = clock;
    this.schemaVersion = schemaVersion;
    this.epoch = epoch;
  }

  /**
   * Opens the database file, creating it (and its parent folders) when missing, and brings its
   * schema up to date.
   *
   * @param clock the time written for migrations and inventory changes
   * @throws StoreException when the file cannot be opened, is not a database, or has a schema newer
   *     than this code
   */
  public static Database open(Path file, Clock clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    SqliteFile sqlite =
        SqliteFile.open(file, BUSY_TIMEOUT, JOURNAL_SIZE_LIMIT_BYTES, StoreException::new);
    try {
      int schemaVersion = sqlite.migrate(MIGRATIONS, clock, "releve");
      return new Database(sqlite, clock, schemaVersion, ensureEpoch(sqlite));
    } catch (RuntimeException e) {
      sqlite.closeAfter(e);
      throw e;
    }
  }

  /** The file this database lives in, as given to {@link #open}. */
  public Path file() {
    return sqlite.file();
  }

  /**
   * The UUID made when this database was created; changes only by {@link #renewEpoch}. With the
   * gateway name and a sequence number it keys the outbox, so a re-imaged card never collides with
   * the old one.
   */
  public UUID epoch() {
    return epoch;
  }

  /**
   * Gives the database a new epoch (DESIGN §3.2), for a file found to be a restored older copy: the
   * bridge holds rows of the old epoch under seqs this file will hand out again, so the rows from
   * now on must be keyed apart. Seqs go on from where they are.
   *
   * @return the new epoch
   */
  public UUID renewEpoch() {
    UUID fresh = UUID.randomUUID();
    write(
        "renew the epoch",
        Durability.FULL,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE meta SET value = ? WHERE key = 'epoch'")) {
            update.setString(1, fresh.toString());
            return update.executeUpdate();
          }
        });
    epoch = fresh;
    return fresh;
  }

  /** The schema version of the file, which is the latest this code knows once opened. */
  public int schemaVersion() {
    return schemaVersion;
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
   * @throws StoreException when SQLite fails
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

  /**
   * Copies the WAL into the database file and truncates the WAL ({@code wal_checkpoint(TRUNCATE)}).
   * SQLite also checkpoints on its own every 1000 pages; the daemon calls this periodically (see
   * {@link PeriodicCheckpoint}) and at shutdown so that the WAL stays small on the SD card.
   *
   * @return false when a reader in another process kept the checkpoint from completing
   */
  public boolean checkpoint() {
    return sqlite.checkpoint();
  }

  /** Closes the connection; SQLite checkpoints the WAL when the last connection closes. */
  @Override
  public void close() {
    sqlite.close();
  }

  private static UUID ensureEpoch(SqliteFile sqlite) {
    return sqlite.write(
        "read the epoch",
        true,
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement("INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.executeUpdate();
          }
          try (Statement statement = c.createStatement();
              ResultSet result =
                  statement.executeQuery("SELECT value FROM meta WHERE key = 'epoch'")) {
            result.next();
            return UUID.fromString(result.getString(1));
          }
        });
  }
}
