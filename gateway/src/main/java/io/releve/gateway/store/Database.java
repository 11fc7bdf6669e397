package io.releve.gateway.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

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

  private final Path file;
  private final Clock clock;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile UUID epoch;
  private final int schemaVersion;
  private boolean closed;

  private Database(Path file, Clock clock, Connection connection) {
    this.file = file;
    this.clock = clock;
    this.connection = connection;
    this.schemaVersion = migrate();
    this.epoch = ensureEpoch();
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
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw new StoreException(
          "Cannot create the folder of database [" + file + "]: " + e.getMessage(), e);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
    } catch (SQLException e) {
      throw new StoreException("Cannot open database [" + file + "]: " + e.getMessage(), e);
    }
    try {
      configure(connection, file);
      return new Database(file, clock, connection);
    } catch (RuntimeException e) {
      closeAfterFailure(connection, e);
      throw e;
    }
  }

  private static void configure(Connection connection, Path file) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        String journalMode = mode.next() ? mode.getString(1) : "";
        if (!"wal".equalsIgnoreCase(journalMode)) {
          throw new StoreException(
              "Database [" + file + "] refused WAL mode (journal mode is [" + journalMode + "]).");
        }
      }
      statement.execute("PRAGMA synchronous = NORMAL");
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT_BYTES);
    } catch (SQLException e) {
      throw new StoreException("Cannot open database [" + file + "]: " + e.getMessage(), e);
    }
  }

  private static void closeAfterFailure(Connection connection, RuntimeException failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** The file this database lives in, as given to {@link #open}. */
  public Path file() {
    return file;
  }

  /**
   * The UUID made when this database was created; never changes afterwards. With the gateway name
   * and a sequence number it keys the outbox, so a re-imaged card never collides with the old one.
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
   * Runs {@code work} in a write transaction ({@code BEGIN IMMEDIATE}), committing when it returns
   * and rolling back when it throws. No other transaction of this process runs meanwhile.
   *
   * @param what what is being done, for the error message ("store 12 readings")
   * @throws StoreException when SQLite fails; a {@link RuntimeException} thrown by {@code work} is
   *     rethrown as is, after the rollback
   */
  public <T> T write(String what, Durability durability, SqlWork<T> work) {
    return transaction("BEGIN IMMEDIATE", durability, what, work);
  }

  /** Runs {@code work} in a read transaction, so that it sees one consistent state. */
  public <T> T read(String what, SqlWork<T> work) {
    return transaction("BEGIN DEFERRED", Durability.NORMAL, what, work);
  }

  /**
   * Copies the WAL into the database file and truncates the WAL ({@code wal_checkpoint(TRUNCATE)}).
   * SQLite also checkpoints on its own every 1000 pages; the daemon calls this periodically (see
   * {@link PeriodicCheckpoint}) and at shutdown so that the WAL stays small on the SD card.
   *
   * @return false when a reader in another process kept the checkpoint from completing
   */
  public boolean checkpoint() {
    lock.lock();
    try {
      ensureOpen();
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        return result.next() && result.getInt(1) == 0;
      }
    } catch (SQLException e) {
      throw failure("checkpoint", e);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the connection; SQLite checkpoints the WAL when the last connection closes. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T transaction(String begin, Durability durability, String what, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    lock.lock();
    try {
      ensureOpen();
      boolean full = durability == Durability.FULL;
      try {
        if (full) {
          // synchronous cannot change inside a transaction; the lock keeps others out until reset.
          execute("PRAGMA synchronous = FULL");
        }
        try {
          return inTransaction(begin, work);
        } finally {
          if (full) {
            execute("PRAGMA synchronous = NORMAL");
          }
        }
      } catch (SQLException e) {
        throw failure(what, e);
      }
    } finally {
      lock.unlock();
    }
  }

  private <T> T inTransaction(String begin, SqlWork<T> work) throws SQLException {
    execute(begin);
    try {
      T result = work.run(connection);
      execute("COMMIT");
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        execute("ROLLBACK");
      } catch (SQLException rollbackFailure) {
        // A failed COMMIT may already have rolled back; the first failure is the one to report.
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("Database [" + file + "] is closed.");
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException(
        "Cannot " + what + " in database [" + file + "]: " + e.getMessage(), e);
  }

  private int migrate() {
    write(
        "create the schema_version table",
        Durability.NORMAL,
        c -> {
          execute(
              "CREATE TABLE IF NOT EXISTS schema_version ("
                  + " version INTEGER PRIMARY KEY,"
                  + " description TEXT NOT NULL,"
                  + " applied_at INTEGER NOT NULL)");
          return null;
        });
    for (Migrations.Migration migration : Migrations.ALL) {
      write(
          "apply migration " + migration.resource(),
          Durability.FULL,
          c -> {
            // Checked inside the transaction: another process may have migrated meanwhile.
            int current = currentVersion(c);
            if (current >= migration.version()) {
              return null;
            }
            try (Statement statement = c.createStatement()) {
              for (String sql : migration.statements()) {
                statement.execute(sql);
              }
            }
            try (PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at)"
                        + " VALUES (?, ?, ?)")) {
              insert.setInt(1, migration.version());
              insert.setString(2, migration.description());
              insert.setLong(3, clock.millis());
              insert.executeUpdate();
            }
            return null;
          });
    }
    return read("read the schema version", this::currentVersion);
  }

  private int currentVersion(Connection c) throws SQLException {
    int version;
    try (Statement statement = c.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      result.next();
      version = result.getInt(1);
    }
    if (version > Migrations.latestVersion()) {
      throw new StoreException(
          "Database ["
              + file
              + "] has schema version "
              + version
              + " but this releve knows versions up to "
              + Migrations.latestVersion()
              + ": it was written by a newer releve. Install that version or use another file.");
    }
    return version;
  }

  private UUID ensureEpoch() {
    return write(
        "read the epoch",
        Durability.FULL,
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
