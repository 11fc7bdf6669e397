package io.releve.cloud.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.testkit.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store's own behaviour: its schema matches the SQLite one, instances starting
 * together migrate once, a newer schema is refused, and a transaction PostgreSQL aborts for a
 * deadlock runs again. Runs in the PostgreSQL run of the suite only.
 */
@Timeout(120)
class PostgresDatabaseTest {

  @TempDir Path folder;

  @BeforeEach
  void onlyOnPostgres() {
    Assumptions.assumeTrue(TestStores.engine() == Engine.POSTGRESQL, "the PostgreSQL run");
  }

  private static StoreSettings.Postgres fresh() {
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    return new StoreSettings.Postgres(database.url(), database.user(), null, 4);
  }

  @Test
  void theSchema_hasTheSameTablesAndColumnsAsSqlite() throws Exception {
    StoreSettings.Postgres postgres = fresh();
    StoreSettings.Sqlite sqlite = new StoreSettings.Sqlite(folder.resolve("cloud.db"));
    Database.open(postgres, Clock.systemUTC()).close();
    Database.open(sqlite, Clock.systemUTC()).close();

    Map<String, List<String>> fromPostgres = new TreeMap<>();
    try (Connection c = TestStores.connect(postgres);
        Statement statement = c.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position")) {
      while (row.next()) {
        fromPostgres
            .computeIfAbsent(row.getString(1), t -> new ArrayList<>())
            .add(row.getString(2));
      }
    }
    Map<String, List<String>> fromSqlite = new TreeMap<>();
    try (Connection c = TestStores.connect(sqlite);
        Statement statement = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet row =
          statement.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (row.next()) {
          tables.add(row.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet row = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
          while (row.next()) {
            fromSqlite.computeIfAbsent(table, t -> new ArrayList<>()).add(row.getString(2));
          }
        }
      }
    }
    assertTrue(fromSqlite.containsKey("readings"), fromSqlite.toString());
    assertEquals(fromSqlite, fromPostgres);
  }

  @Test
  void instancesStartingTogether_migrateOnce() throws Exception {
    StoreSettings.Postgres settings = fresh();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Database>> opening = new ArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      for (int i = 0; i < 4; i++) {
        opening.add(
            pool.submit(
                () -> {
                  go.await();
                  return Database.open(settings, Clock.systemUTC());
                }));
      }
      go.countDown();
      for (Future<Database> database : opening) {
        database.get(60, TimeUnit.SECONDS).close();
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = TestStores.connect(settings);
        Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM schema_version ORDER BY 1")) {
      List<Integer> versions = new ArrayList<>();
      while (row.next()) {
        versions.add(row.getInt(1));
      }
      assertEquals(Schema.VERSIONS.stream().map(m -> m.version()).toList(), versions);
    }
  }

  @Test
  void aNewerSchema_isRefused_namingTheDatabase() throws Exception {
    StoreSettings.Postgres settings = fresh();
    Database.open(settings, Clock.systemUTC()).close();
    try (Connection c = TestStores.connect(settings);
        Statement statement = c.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 0)");
    }

    StoreException refused =
        assertThrows(StoreException.class, () -> Database.open(settings, Clock.systemUTC()));
    assertTrue(refused.getMessage().contains(settings.url()), refused.getMessage());
    assertTrue(refused.getMessage().contains("schema version 99"), refused.getMessage());
  }

  @Test
  void openingForReading_createsNothing_andWantsTheSchemaOfThisVersion() throws Exception {
    StoreSettings.Postgres settings = fresh();

    StoreException empty =
        assertThrows(
            StoreException.class, () -> Database.openForReading(settings, Clock.systemUTC()));
    assertTrue(empty.getMessage().contains("has no bridge tables yet"), empty.getMessage());
    try (Connection c = TestStores.connect(settings);
        Statement statement = c.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      row.next();
      assertEquals(0, row.getInt(1), "no table made by a reader");
    }

    Database.open(settings, Clock.systemUTC()).close();
    try (Database reader = Database.openForReading(settings, Clock.systemUTC())) {
      assertEquals(
          List.of(), reader.read("gateways", c -> new ArrayList<String>()), "it reads at once");
    }
  }

  @Test
  void anUnreachableServer_failsWithTheUrl_andNoPassword() {
    StoreSettings.Postgres nowhere =
        new StoreSettings.Postgres(
            "jdbc:postgresql://127.0.0.1:1/releve",
            "releve",
            new io.releve.cloud.config.Secret("pw-not-shown"),
            1);

    StoreException refused =
        assertThrows(StoreException.class, () -> Database.open(nowhere, Clock.systemUTC()));
    assertTrue(refused.getMessage().contains("127.0.0.1:1/releve"), refused.getMessage());
    assertTrue(!refused.getMessage().contains("pw-not-shown"), refused.getMessage());
  }

  @Test
  void eachSession_boundsItsLockWaitsAndIdleTransactions() {
    try (Database database = Database.open(fresh(), Clock.systemUTC())) {
      List<String> settings =
          database.read(
              "the session's settings",
              c -> {
                List<String> values = new ArrayList<>();
                try (Statement statement = c.createStatement()) {
                  for (String name :
                      List.of("lock_timeout", "idle_in_transaction_session_timeout")) {
                    try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                      row.next();
                      values.add(row.getString(1));
                    }
                  }
                }
                return values;
              });
      assertEquals(List.of("20s", "1min"), settings);
    }
  }

  @Test
  void aTransactionAbortedByADeadlock_runsAgainAndCommits() throws Exception {
    try (Database database = Database.open(fresh(), Clock.systemUTC())) {
      database.write(
          "two refusal rows",
          Durability.FULL,
          c -> {
            try (Statement statement = c.createStatement()) {
              statement.executeUpdate(
                  "INSERT INTO refusals (gateway, count, last_reason, last_at)"
                      + " VALUES ('a', 0, '', 0), ('b', 0, '', 0)");
            }
            return null;
          });
      // each transaction locks one row, waits for the other to lock its own, then wants the other
      // row: PostgreSQL aborts one of them for the deadlock, and it must run again by itself
      CountDownLatch bothLocked = new CountDownLatch(2);
      AtomicInteger runs = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (String[] order : new String[][] {{"a", "b"}, {"b", "a"}}) {
          writers.add(
              pool.submit(
                  () ->
                      database.write(
                          "cross updates",
                          Durability.FULL,
                          c -> {
                            runs.incrementAndGet();
                            bump(c, order[0]);
                            bothLocked.countDown();
                            awaitQuietly(bothLocked);
                            bump(c, order[1]);
                            return null;
                          })));
        }
        for (Future<?> writer : writers) {
          writer.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertTrue(runs.get() >= 3, "one of the two ran again: " + runs.get() + " runs");
      List<Long> counts =
          database.read(
              "counts",
              c -> {
                List<Long> result = new ArrayList<>();
                try (Statement statement = c.createStatement();
                    ResultSet row =
                        statement.executeQuery("SELECT count FROM refusals ORDER BY gateway")) {
                  while (row.next()) {
                    result.add(row.getLong(1));
                  }
                }
                return result;
              });
      assertEquals(List.of(2L, 2L), counts, "both transactions committed once");
    }
  }

  private static void bump(Connection c, String gateway) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.executeUpdate(
          "UPDATE refusals SET count = count + 1 WHERE gateway = '" + gateway + "'");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
