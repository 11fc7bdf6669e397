package io.releve.cloud.store;

import io.releve.cloud.config.Secret;
import java.nio.file.Path;
import java.util.Objects;

/** Where the bridge keeps its data: a SQLite file, or a PostgreSQL database for a fleet. */
public sealed interface StoreSettings {

  /** Which engine; tests and the benchmark name it. */
  Engine engine();

  /** The place, for messages and logs: the file, or the JDBC URL (never the password). */
  String describe();

  /** The two engines; the same code and the same tests run on both. */
  enum Engine {
    SQLITE,
    POSTGRESQL
  }

  /**
   * A SQLite file: one bridge instance only, since an instance's file holds only what it received.
   */
  record Sqlite(Path file) implements StoreSettings {
    public Sqlite {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public Engine engine() {
      return Engine.SQLITE;
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /**
   * A PostgreSQL database that several bridge instances share.
   *
   * @param url {@code jdbc:postgresql://HOST:PORT/DATABASE}, without credentials
   * @param user the database role
   * @param password its password, or null for a server that does not ask for one
   * @param poolSize connections this instance opens at most
   */
  record Postgres(String url, String user, Secret password, int poolSize) implements StoreSettings {
    public Postgres {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize must be at least 1, not " + poolSize);
      }
    }

    @Override
    public Engine engine() {
      return Engine.POSTGRESQL;
    }

    @Override
    public String describe() {
      return url + " as " + user;
    }
  }
}
