package io.releve.cloud.store;

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
import java.util.concurrent.locks.ReentrantLock;

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

  private final Path file;
  private final Clock clock;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private Database(Path file, Clock clock, Connection connection) {
    this.file = file;
    this.clock = clock;
    this.connection = connection;
    migrate();
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
      configure(connection, file, busyTimeout);
      return new Database(file, clock, connection);
    } catch (RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
  }

  private static void configure(Connection connection, Path file, Duration busyTimeout) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
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

  /** The file this database lives in, as given to {@link #open}. */
  public Path file() {
    return file;
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
   * @throws StoreException when SQLite fails, the commit included; a {@link RuntimeException}
   *     thrown by {@code work} is rethrown as is, after the rollback
   */
  public <T> T write(String what, Durability durability, SqlWork<T> work) {
    return transaction("BEGIN IMMEDIATE", durability, what, work);
  }

  /** Runs {@code work} in a read transaction, so that it sees one consistent state. */
  public <T> T read(String what, SqlWork<T> work) {
    return transaction("BEGIN DEFERRED", Durability.NORMAL, what, work);
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
      if (closed) {
        throw new StoreException("Database [" + file + "] is closed.");
      }
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

  private StoreException failure(String what, SQLException e) {
    return new StoreException(
        "Cannot " + what + " in database [" + file + "]: " + e.getMessage(), e);
  }

  private void migrate() {
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
            if (currentVersion(c) >= migration.version()) {
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
    int version = read("read the schema version", this::currentVersion);
    if (version > Migrations.latestVersion()) {
      throw new StoreException(
          "Database ["
              + file
              + "] has schema version "
              + version
              + " but this bridge knows versions up to "
              + Migrations.latestVersion()
              + ": it was written by a newer releve. Install that version or use another file.");
    }
  }

  private int currentVersion(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      result.next();
      return result.getInt(1);
    }
  }
}
