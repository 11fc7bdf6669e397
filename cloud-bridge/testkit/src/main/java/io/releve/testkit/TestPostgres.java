package io.releve.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests and benchmarks: the PostgreSQL 14 binaries published on Maven
 * Central for embedded use (zonky), run from a data folder of our own on a free loopback port, with
 * trust logins for the {@code postgres} role. Nothing is installed on the machine.
 *
 * <p>{@link #shared()} is one server per JVM for the tests that only need a database: each asks
 * {@link #newDatabase()} for an empty one of its own. A test that stops the server (the database
 * outage) starts one of its own with {@link #start(Path, Map)}, and {@link #stop()} and {@link
 * #restart()} keep its data and port.
 */
public final class TestPostgres implements AutoCloseable {

  /** The superuser of the embedded server; it logs in without a password over loopback. */
  public static final String USER = "postgres";

  /**
   * The tests' server: no fsync (a lost test server is simply started again), C collation so that
   * text sorts as in SQLite, room for every test's connection pool.
   */
  public static final Map<String, String> FAST =
      Map.of("fsync", "off", "synchronous_commit", "off", "max_connections", "300");

  /** A server that commits as production does: fsync on, synchronous commits. */
  public static final Map<String, String> DURABLE = Map.of("max_connections", "100");

  private static final Duration START_WAIT = Duration.ofSeconds(60);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres shared;

  private final Path data;
  private final Map<String, String> settings;
  private final int port;
  private EmbeddedPostgres server;

  /** One database on the server: what the bridge's {@code database.url} and {@code user} get. */
  public record Database(String url, String user, String name) {}

  private TestPostgres(Path data, Map<String, String> settings, int port) {
    this.data = data;
    this.settings = settings;
    this.port = port;
  }

  /** The JVM's shared server, started on first use, stopped when the JVM exits. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      try {
        Path data = Files.createTempDirectory("releve-test-postgres");
        shared = start(data, FAST);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TestPostgres server = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    deleteQuietly(server.data);
                  },
                  "test-postgres-stop"));
    }
    return shared;
  }

  /**
   * Starts a server of its own in {@code data} (made by initdb when empty) on a free port.
   *
   * @param settings server settings, such as {@link #FAST} or {@link #DURABLE}
   */
  public static TestPostgres start(Path data, Map<String, String> settings) {
    TestPostgres server = new TestPostgres(data, settings, freePort());
    server.startServer();
    return server;
  }

  private void startServer() {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(START_WAIT)
              .setLocaleConfig("locale", "C")
              .setLocaleConfig("encoding", "UTF8");
      settings.forEach(builder::setServerConfig);
      server = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL in " + data, e);
    }
  }

  /** Stops the server (a fast shutdown: sessions are cut); data and port are kept. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  /** Starts the server again on the same data and port after {@link #stop()}. */
  public synchronized void restart() {
    stop();
    startServer();
  }

  /** The port it listens on, on loopback. */
  public int port() {
    return port;
  }

  /** An empty database of its own, created now. */
  public Database newDatabase() {
    String name =
        "releve_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
    }
    return new Database(url(name), USER, name);
  }

  /** The JDBC URL of a database of this server, without credentials. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public synchronized void close() {
    stop();
  }

  private static void deleteQuietly(Path folder) {
    try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
