package io.releve.common.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite file in WAL mode behind one connection guarded by a lock, so there is one writer and
 * transactions never interleave. This is the transaction core each program's {@code Database}
 * wraps; the SQLite JDBC driver comes from the program's class path.
 *
 * <p>Every failure is reported through the program's own exception type, made by the {@link
 * Failures} given to {@link #open}; messages name the file. After {@link #close()} every method
 * fails.
 */
public final class SqliteFile implements AutoCloseable {

  /** Work done on the connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Makes the program's exception for a failure; {@code cause} may be null. */
  @FunctionalInterface
  public interface Failures {
    RuntimeException failure(String message, Throwable cause);
  }

  private final Path file;
  private final Connection connection;
  private final Failures failures;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  private SqliteFile(Path file, Connection connection, Failures failures) {
    this.file = file;
    this.connection = connection;
    this.failures = failures;
  }

  /**
   * Opens the database file, creating it (and its parent folders) when missing, in WAL mode with
   * {@code synchronous=NORMAL} and foreign keys on.
   *
   * @param busyTimeout how long a statement waits for a lock held by another connection
   * @param journalSizeLimitBytes the size the WAL is truncated back to after a checkpoint
   * @throws RuntimeException made by {@code failures} when the folder cannot be created or the file
   *     cannot be opened as a database in WAL mode; the connection is then closed
   */
  public static SqliteFile open(
      Path file, Duration busyTimeout, long journalSizeLimitBytes, Failures failures) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(failures, "failures");
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw failures.failure(
          "Cannot create the folder of database [" + file + "]: " + e.getMessage(), e);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
    } catch (SQLException e) {
      throw failures.failure("Cannot open database [" + file + "]: " + e.getMessage(), e);
    }
    SqliteFile opened = new SqliteFile(file, connection, failures);
    try {
      opened.configure(busyTimeout, journalSizeLimitBytes);
      return opened;
    } catch (RuntimeException e) {
      opened.closeAfter(e);
      throw e;
    }
  }

  private void configure(Duration busyTimeout, long journalSizeLimitBytes) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        String journalMode = mode.next() ? mode.getString(1) : "";
        if (!"wal".equalsIgnoreCase(journalMode)) {
          throw failures.failure(
              "Database [" + file + "] refused WAL mode (journal mode is [" + journalMode + "]).",
              null);
        }
      }
      statement.execute("PRAGMA synchronous = NORMAL");
      statement.execute("PRAGMA foreign_keys = ON");
      statement.execute("PRAGMA journal_size_limit = " + journalSizeLimitBytes);
    } catch (SQLException e) {
      throw failures.failure("Cannot open database [" + file + "]: " + e.getMessage(), e);
    }
  }

  /** The file as given to {@link #open}. */
  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in a write transaction ({@code BEGIN IMMEDIATE}), committing when it returns
   * and rolling back when it throws. No other transaction of this process runs meanwhile.
   *
   * @param what what is being done, for the error message ("store 12 readings")
   * @param synchronousFull whether the commit must survive a power cut ({@code synchronous=FULL}:
   *     the WAL is synced at commit); otherwise {@code NORMAL}
   * @throws RuntimeException made by the failures when SQLite fails, the commit included; a {@link
   *     RuntimeException} thrown by {@code work} is rethrown as is, after the rollback
   */
  public <T> T write(String what, boolean synchronousFull, Work<T> work) {
    return transaction("BEGIN IMMEDIATE", synchronousFull, what, work);
  }

  /** Runs {@code work} in a read transaction, so that it sees one consistent state. */
  public <T> T read(String what, Work<T> work) {
    return transaction("BEGIN DEFERRED", false, what, work);
  }

  /**
   * Copies the WAL into the database file and truncates the WAL ({@code wal_checkpoint(TRUNCATE)}).
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

  /**
   * Brings the schema up to date: creates the {@code schema_version} table when missing, then
   * applies each migration newer than the file, each in its own durable transaction.
   *
   * @param clock the time written as {@code applied_at}
   * @param program how the refusal names this code ("this releve knows versions up to 5")
   * @return the schema version of the file, which is then the latest of {@code migrations}
   * @throws RuntimeException made by the failures when a migration fails or the file has a schema
   *     newer than {@code migrations} (written by a newer version)
   */
  public int migrate(Migrations migrations, Clock clock, String program) {
    write(
        "create the schema_version table",
        false,
        c -> {
          try (Statement statement = c.createStatement()) {
            statement.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
          }
          return null;
        });
    for (Migrations.Migration migration : migrations.all()) {
      write(
          "apply migration " + migrations.resource(migration),
          true,
          c -> {
            migrations.applyIfDue(c, migration, clock.millis());
            return null;
          });
    }
    int version = read("read the schema version", Migrations::currentVersion);
    if (version > migrations.latestVersion()) {
      throw failures.failure(
          "Database ["
              + file
              + "] has schema version "
              + version
              + " but this "
              + program
              + " knows versions up to "
              + migrations.latestVersion()
              + ": it was written by a newer releve. Install that version or use another file.",
          null);
    }
    return version;
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

  /**
   * Closes the connection after {@code failure} made the file unusable (a failed migration, say); a
   * failure to close is added to it as suppressed, so that the first failure is the one reported.
   */
  public void closeAfter(RuntimeException failure) {
    try {
      close();
    } catch (RuntimeException closeFailure) {
      failure.addSuppressed(closeFailure);
    }
  }

  private <T> T transaction(String begin, boolean synchronousFull, String what, Work<T> work) {
    Objects.requireNonNull(work, "work");
    lock.lock();
    try {
      ensureOpen();
      try {
        if (synchronousFull) {
          // synchronous cannot change inside a transaction; the lock keeps others out until reset.
          execute("PRAGMA synchronous = FULL");
        }
        try {
          return inTransaction(begin, work);
        } finally {
          if (synchronousFull) {
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

  private <T> T inTransaction(String begin, Work<T> work) throws SQLException {
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
      throw failures.failure("Database [" + file + "] is closed.", null);
    }
  }

  private RuntimeException failure(String what, SQLException e) {
    return failures.failure("Cannot " + what + " in database [" + file + "]: " + e.getMessage(), e);
  }
}
