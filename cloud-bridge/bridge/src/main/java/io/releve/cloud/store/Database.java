package io.releve.cloud.store;

import io.releve.cloud.store.StoreSettings.Engine;
import java.time.Clock;
import java.util.Objects;

/**
 * The bridge's store: a SQLite file ({@link SqliteDatabase}) or a PostgreSQL database ({@link
 * PostgresDatabase}). Both run the same SQL, written to the subset the two engines share ({@code ON
 * CONFLICT}, {@code RETURNING}, no engine-specific functions), and the same versioned schema, one
 * script folder per engine. Work runs in transactions: {@link #write} commits when the work returns
 * and rolls back when it throws.
 *
 * <p>Every method throws {@link StoreException} when the engine fails; the message names the file
 * or the database and what was being done. {@link #close()} releases the connections; afterwards
 * every method throws.
 */
public abstract class Database implements AutoCloseable {

  private final Clock clock;

  protected Database(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Opens the store named by {@code settings} and brings its schema up to date.
   *
   * @param clock the time written as {@code stored_at}, {@code last_seen} and the like
   * @throws StoreException when the store cannot be reached or opened, or has a schema newer than
   *     this code
   */
  public static Database open(StoreSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    if (settings instanceof StoreSettings.Sqlite sqlite) {
      return SqliteDatabase.open(sqlite.file(), clock, SqliteDatabase.BUSY_TIMEOUT);
    }
    return PostgresDatabase.open((StoreSettings.Postgres) settings, clock);
  }

  /**
   * Opens the store for reading, as the CLI's listings do: a SQLite file as {@link #open} does; a
   * PostgreSQL database that bridges share without creating or migrating anything ({@link
   * PostgresDatabase#openForReading}).
   */
  public static Database openForReading(StoreSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    if (settings instanceof StoreSettings.Postgres postgres) {
      return PostgresDatabase.openForReading(postgres, clock);
    }
    return open(settings, clock);
  }

  /** The clock given when opening. */
  public final Clock clock() {
    return clock;
  }

  /** Which engine this is. */
  public abstract Engine engine();

  /** The file or the database, for messages and logs; never a password. */
  public abstract String describe();

  /**
   * Runs {@code work} in a write transaction, committing when it returns and rolling back when it
   * throws. Several threads may write at once: SQLite runs them one after the other, PostgreSQL
   * side by side on connections of its own, each transaction locking the rows it changes.
   *
   * @param what what is being done, for the error message ("store 12 readings")
   * @throws StoreException when the engine fails, the commit included: nothing was committed
   */
  public abstract <T> T write(String what, Durability durability, SqlWork<T> work);

  /** Runs {@code work} in a read-only transaction. */
  public abstract <T> T read(String what, SqlWork<T> work);

  /** Releases the file or the connections. */
  @Override
  public abstract void close();
}
