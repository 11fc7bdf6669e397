package io.releve.cloud.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.common.sqlite.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's PostgreSQL database, which several bridge instances share: a pool of connections,
 * one transaction per call on a connection of its own, so that transactions of different gateways
 * run side by side. Opening applies pending migrations, one instance at a time (an advisory lock).
 *
 * <ul>
 *   <li>{@link Durability#FULL} commits wait for the server's WAL flush ({@code synchronous_commit}
 *       as the server sets it, {@code on} by default); {@link Durability#NORMAL} sets it {@code
 *       off} for the transaction: a crash of the server may lose the last such commits, never
 *       corrupt anything.
 *   <li>A transaction that PostgreSQL aborts because of another one (a deadlock, a serialization
 *       failure, a lock held past {@link #LOCK_TIMEOUT}) is run again from the start, up to {@value
 *       #ATTEMPTS} times: the work is a function of the database, and nothing of it was committed.
 *   <li>A server that is down or restarting fails the call with {@link StoreException} after at
 *       most {@link #CONNECTION_TIMEOUT}; the pool opens new connections when it is back.
 * </ul>
 */
public final class PostgresDatabase extends Database {

  private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

  /** The schema migrations, by the versions of {@link Schema}. */
  static final Migrations MIGRATIONS =
      new Migrations("/io/releve/cloud/store/postgresql", Schema.VERSIONS);

  /** How long a call waits for a connection (the server down, the pool busy) before failing. */
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /** How long a statement waits for a row another transaction holds before it fails. */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(20);

  /** How long the server lets a session sit idle inside a transaction before ending it. */
  static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(60);

  /** Runs of one transaction that PostgreSQL aborted because of a concurrent one. */
  static final int ATTEMPTS = 5;

  /** The advisory lock key migrations hold, so that two instances starting never both migrate. */
  private static final long MIGRATION_LOCK = 0x52454c4556450001L;

  /** SQLSTATEs of a transaction aborted because of another one: it can simply run again. */
  private static final String SERIALIZATION_FAILURE = "40001";

  private static final String DEADLOCK_DETECTED = "40P01";

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final StoreSettings.Postgres settings;
  private final HikariDataSource pool;

  private PostgresDatabase(StoreSettings.Postgres settings, HikariDataSource pool, Clock clock) {
    super(clock);
    this.settings = settings;
    this.pool = pool;
  }

  /**
   * Connects, and brings the schema up to date.
   *
   * @throws StoreException when the server cannot be reached or refuses the login, or the schema is
   *     newer than this code
   */
  public static PostgresDatabase open(StoreSettings.Postgres settings, Clock clock) {
    return connect(settings, clock, true);
  }

  /**
   * Connects for reading only, as the CLI's listings do: nothing is created or migrated in a
   * database that bridges share, and its schema must be the version this code knows.
   *
   * @throws StoreException when the server cannot be reached, no bridge has made the schema yet, or
   *     its version is not this code's
   */
  public static PostgresDatabase openForReading(StoreSettings.Postgres settings, Clock clock) {
    return connect(settings, clock, false);
  }

  private static PostgresDatabase connect(
      StoreSettings.Postgres settings, Clock clock, boolean migrate) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    HikariConfig config = new HikariConfig();
    config.setPoolName("releve-store");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    if (settings.password() != null) {
      config.setPassword(new String(settings.password().chars()));
    }
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setAutoCommit(false);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(Math.min(CONNECTION_TIMEOUT.toMillis(), 3_000));
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.addDataSourceProperty("ApplicationName", "releve-bridge");
    // a bridge instance that stalls or loses its network mid-transaction must not hold a gateway's
    // rows for hours: others wait for a lock at most LOCK_TIMEOUT (then run again), the server ends
    // a session idle inside a transaction, and TCP keep-alives find a peer that is gone
    // as startup parameters of each session (not statements: those would open a transaction)
    config.addDataSourceProperty(
        "options",
        "-c lock_timeout="
            + LOCK_TIMEOUT.toMillis()
            + " -c idle_in_transaction_session_timeout="
            + IDLE_IN_TRANSACTION_TIMEOUT.toMillis());
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // a query never waits for a lost server longer than this
    config.addDataSourceProperty("socketTimeout", "60");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot connect to PostgreSQL at " + settings.describe() + ": " + rootMessage(e), e);
    }
    PostgresDatabase database = new PostgresDatabase(settings, pool, clock);
    try {
      if (migrate) {
        database.migrate();
      } else {
        database.checkVersion();
      }
      return database;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private void migrate() {
    write(
        "create the schema_version table",
        Durability.FULL,
        c -> {
          try (Statement statement = c.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            statement.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL,"
                    + " applied_at BIGINT NOT NULL)");
          }
          return null;
        });
    for (Migrations.Migration migration : MIGRATIONS.all()) {
      write(
          "apply migration " + MIGRATIONS.resource(migration),
          Durability.FULL,
          c -> {
            try (Statement statement = c.createStatement()) {
              statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            }
            // checked under the lock: another instance may have migrated meanwhile
            if (!MIGRATIONS.applyIfDue(c, migration, clock().millis())) {
              return null;
            }
            log.info("Applied migration {} to {}", migration.version(), describe());
            return null;
          });
    }
    int version = read("read the schema version", Migrations::currentVersion);
    if (version > MIGRATIONS.latestVersion()) {
      throw new StoreException(
          "Database "
              + describe()
              + " has schema version "
              + version
              + " but this bridge knows versions up to "
              + MIGRATIONS.latestVersion()
              + ": it was written by a newer releve. Install that version or use another"
              + " database.");
    }
  }

  private void checkVersion() {
    int version =
        read(
            "read the schema version",
            c -> {
              try (ResultSet table =
                  c.getMetaData().getTables(null, null, "schema_version", new String[] {"TABLE"})) {
                return table.next() ? Migrations.currentVersion(c) : 0;
              }
            });
    if (version != MIGRATIONS.latestVersion()) {
      throw new StoreException(
          "Database "
              + describe()
              + (version == 0
                  ? " has no bridge tables yet: has a bridge run on it?"
                  : " has schema version "
                      + version
                      + " but this releve reads version "
                      + MIGRATIONS.latestVersion()
                      + ": run the bridge of the same version first."));
    }
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  @Override
  public <T> T write(String what, Durability durability, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    return run(what, false, durability, work);
  }

  @Override
  public <T> T read(String what, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    return run(what, true, Durability.NORMAL, work);
  }

  private <T> T run(String what, boolean readOnly, Durability durability, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(readOnly, durability, work);
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && isConflict(e)) {
          log.debug("Running \"{}\" again after a conflict: {}", what, e.getMessage());
          pause(attempt);
          continue;
        }
        throw new StoreException(
            "PostgreSQL at " + describe() + " failed to " + what + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (e instanceof StoreException) {
          throw e;
        }
        if (pool.isClosed()) {
          throw new StoreException("The database " + describe() + " is closed; cannot " + what, e);
        }
        throw e;
      }
    }
  }

  private <T> T once(boolean readOnly, Durability durability, SqlWork<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      boolean done = false;
      try {
        if (readOnly) {
          c.setReadOnly(true);
        } else if (durability == Durability.NORMAL) {
          try (Statement statement = c.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO off");
          }
        }
        T result = work.run(c);
        if (readOnly) {
          c.rollback();
        } else {
          c.commit();
        }
        done = true;
        return result;
      } finally {
        if (!done) {
          rollbackQuietly(c);
        }
      }
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.debug("Rollback failed (the connection is likely gone): {}", e.getMessage());
    }
  }

  private static boolean isConflict(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (SERIALIZATION_FAILURE.equals(state)
            || DEADLOCK_DETECTED.equals(state)
            || LOCK_NOT_AVAILABLE.equals(state)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5L * attempt, 20L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while running a transaction again", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  @Override
  public void close() {
    pool.close();
  }
}
