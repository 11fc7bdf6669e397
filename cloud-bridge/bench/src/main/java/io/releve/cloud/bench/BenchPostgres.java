package io.releve.cloud.bench;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.Secret;
import io.releve.cloud.store.StoreSettings;
import io.releve.testkit.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server of a run, which gives each phase an empty store of its own: either a server
 * the benchmark starts ({@link TestPostgres}, fsync and synchronous commits on, as in production),
 * one new database per phase; or an existing database, where each phase gets a new schema that is
 * dropped at the end, so that nothing already there is read or changed.
 */
abstract class BenchPostgres implements AutoCloseable {

  /** The pool of each bridge instance: the bridge's default ({@code database.pool-size}). */
  static final int POOL_SIZE = CloudConfig.DEFAULT_POOL_SIZE;

  /** Starts a server of its own in {@code folder} (made by initdb). */
  static BenchPostgres local(Path folder) {
    return new Local(TestPostgres.start(folder, TestPostgres.DURABLE));
  }

  /**
   * An existing database.
   *
   * @param url {@code jdbc:postgresql://HOST[:PORT]/DATABASE}, without {@code currentSchema}
   * @param password null when the server asks for none
   */
  static BenchPostgres existing(String url, String user, Secret password) {
    return new Existing(url, user, password);
  }

  /** An empty store for {@code phase}, whose schema the bridge makes when it opens it. */
  abstract StoreSettings.Postgres fresh(String phase);

  /** For the report: {@code local-postgresql}, or the URL of the existing database. */
  abstract String describe();

  /** The readings {@code store} holds. */
  long countReadings(StoreSettings.Postgres store) {
    try (Connection c = connect(store.url(), store.user(), store.password());
        Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM readings")) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new BenchFailedException(
          "Cannot count the readings of " + store.describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public abstract void close();

  static Connection connect(String url, String user, Secret password) throws SQLException {
    return DriverManager.getConnection(
        url, user, password == null ? "" : new String(password.chars()));
  }

  private static final class Local extends BenchPostgres {
    private final TestPostgres server;

    Local(TestPostgres server) {
      this.server = server;
    }

    @Override
    StoreSettings.Postgres fresh(String phase) {
      TestPostgres.Database database = server.newDatabase();
      return new StoreSettings.Postgres(database.url(), database.user(), null, POOL_SIZE);
    }

    @Override
    String describe() {
      return "local-postgresql";
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private static final class Existing extends BenchPostgres {
    private final String url;
    private final String user;
    private final Secret password;
    private final List<String> schemas = new ArrayList<>();

    Existing(String url, String user, Secret password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    StoreSettings.Postgres fresh(String phase) {
      String schema =
          String.format(
              Locale.ROOT,
              "releve_bench_%s_%08x",
              phase,
              ThreadLocalRandom.current().nextInt() & 0xffffffffL);
      try (Connection c = connect(url, user, password);
          Statement statement = c.createStatement()) {
        statement.execute("CREATE SCHEMA " + schema);
      } catch (SQLException e) {
        throw new BenchFailedException(
            "Cannot create the schema "
                + schema
                + " in "
                + url
                + " as "
                + user
                + " (the role needs CREATE on the database): "
                + e.getMessage(),
            e);
      }
      schemas.add(schema);
      String separator = url.contains("?") ? "&" : "?";
      return new StoreSettings.Postgres(
          url + separator + "currentSchema=" + schema, user, password, POOL_SIZE);
    }

    @Override
    String describe() {
      return url;
    }

    /** Drops the phases' schemas. */
    @Override
    public void close() {
      if (schemas.isEmpty()) {
        return;
      }
      try (Connection c = connect(url, user, password);
          Statement statement = c.createStatement()) {
        for (String schema : schemas) {
          statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      } catch (SQLException e) {
        throw new BenchFailedException(
            "Cannot drop the benchmark's schemas " + schemas + " in " + url + ": " + e.getMessage(),
            e);
      }
    }
  }
}
