package io.releve.cloud.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings;
import io.releve.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudConfigTest {

  @TempDir Path folder;

  private Path write(String text) throws Exception {
    Path file = folder.resolve("cloud.conf");
    Files.writeString(file, text);
    return file;
  }

  private String error(String text) throws Exception {
    Path file = write(text);
    return assertThrows(ConfigException.class, () -> CloudConfig.load(file)).getMessage();
  }

  @Test
  void anEmptyFile_givesTheDefaults() throws Exception {
    CloudConfig config = CloudConfig.load(write("# nothing\n"));

    assertEquals("tcp://127.0.0.1:1883", config.mqtt().uri());
    assertTrue(config.mqtt().clientId().startsWith("releve-bridge-"));
    assertEquals(new StoreSettings.Sqlite(folder.resolve("cloud.db")), config.store());
    assertEquals("releve/v1/+/up/#", config.upFilter());
    assertEquals(4, config.workers());
    assertEquals(1, config.connections());
  }

  @Test
  void aConnectionCount_isRead() throws Exception {
    assertEquals(4, CloudConfig.load(write("bridge.connections = 4\n")).connections());
    assertEquals(16, CloudConfig.load(write("bridge.connections = 16\n")).connections());
  }

  @Test
  void aConnectionCountOutOfRange_namesFileKeyLineAndValue() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.connections] (line 1) has value [17]: must lie between 1 and 16.",
        error("bridge.connections = 17\n"));
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.connections] (line 1) has value [0]: must lie between 1 and 16.",
        error("bridge.connections = 0\n"));
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.connections] (line 2) has value [two]: must be a whole number between"
            + " 1 and 16.",
        error("# links\nbridge.connections = two\n"));
  }

  @Test
  void aWorkerCount_isRead() throws Exception {
    assertEquals(16, CloudConfig.load(write("bridge.workers = 16\n")).workers());
  }

  @Test
  void aWorkerCountOutOfRange_namesFileKeyLineAndValue() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.workers] (line 1) has value [0]: must lie between 1 and 64.",
        error("bridge.workers = 0\n"));
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.workers] (line 2) has value [four]: must be a whole number between 1"
            + " and 64.",
        error("# threads\nbridge.workers = four\n"));
  }

  @Test
  void aShareGroup_makesTheUpFilterShared() throws Exception {
    CloudConfig config =
        CloudConfig.load(
            write(
                "bridge.share-group = bridges\n"
                    + "database.url = jdbc:postgresql://db.example/releve\n"
                    + "database.user = releve\n"));
    assertEquals("$share/bridges/releve/v1/+/up/#", config.upFilter());
  }

  @Test
  void theSharedConfigFile_isValid() throws Exception {
    Path shipped = Path.of("../../config/cloud.conf");
    assertTrue(Files.exists(shipped), "config/cloud.conf is shipped");
    CloudConfig.load(shipped);
  }

  @Test
  void aPostgresUrl_withItsUserPasswordAndPool_givesThePostgresStore() throws Exception {
    Files.writeString(folder.resolve("db-secret"), "pg-s3cr3t\n");
    CloudConfig config =
        CloudConfig.load(
            write(
                "database.url = jdbc:postgresql://db.example:5432/releve?sslmode=verify-full\n"
                    + "database.user = releve_bridge\n"
                    + "database.password-file = db-secret\n"
                    + "database.pool-size = 16\n"));

    StoreSettings.Postgres store = (StoreSettings.Postgres) config.store();
    assertEquals("jdbc:postgresql://db.example:5432/releve?sslmode=verify-full", store.url());
    assertEquals("releve_bridge", store.user());
    assertEquals("pg-s3cr3t", new String(store.password().chars()));
    assertEquals(16, store.poolSize());
    assertFalse(config.toString().contains("s3cr3t"), config.toString());
  }

  @Test
  void aPostgresUrl_withoutPoolSize_opensEightConnections() throws Exception {
    CloudConfig config =
        CloudConfig.load(
            write("database.url = jdbc:postgresql://db/releve\ndatabase.user = releve\n"));

    assertEquals(8, ((StoreSettings.Postgres) config.store()).poolSize());
  }

  @Test
  void bothAPathAndAUrl_areRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [database.path] (line 1) has value [cloud.db]: names a SQLite file, but"
            + " database.url names a PostgreSQL database: set one of the two.",
        error(
            "database.path = cloud.db\ndatabase.url = jdbc:postgresql://db/releve\n"
                + "database.user = releve\n"));
  }

  @Test
  void aPasswordInTheUrl_isRefused_withoutRepeatingIt() throws Exception {
    String message =
        error(
            "database.url = jdbc:postgresql://db/releve?password=hunter2\n"
                + "database.user = releve\n");
    assertTrue(message.contains("must not hold the password"), message);
    assertFalse(message.contains("hunter2"), message);
  }

  @Test
  void fewerDatabaseConnectionsThanWorkers_areRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [database.pool-size] (line 4) has value [2]: must be at least bridge.workers"
            + " (4): each worker holds a connection while it stores a batch.",
        error(
            "bridge.workers = 4\ndatabase.url = jdbc:postgresql://db/releve\n"
                + "database.user = releve\ndatabase.pool-size = 2\n"));
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.workers] (line 1) has value [12]: needs database.pool-size set to at"
            + " least as many (its default is 8): each worker holds a connection while it stores a"
            + " batch.",
        error(
            "bridge.workers = 12\ndatabase.url = jdbc:postgresql://db/releve\n"
                + "database.user = releve\n"));
  }

  @Test
  void aUrlWithoutUser_isRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [database.url] (line 1) has value [jdbc:postgresql://db/releve]: needs"
            + " database.user: the role the bridge logs in as.",
        error("database.url = jdbc:postgresql://db/releve\n"));
  }

  @Test
  void aPoolSizeOutOfRange_isRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [database.pool-size] (line 3) has value [0]: must lie between 1 and 64.",
        error(
            "database.url = jdbc:postgresql://db/releve\ndatabase.user = releve\n"
                + "database.pool-size = 0\n"));
  }

  @Test
  void postgresSettings_withoutAUrl_areRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [database.user] (line 1) has value [releve]: is a PostgreSQL setting, but"
            + " database.url is not set.",
        error("database.user = releve\n"));
  }

  @Test
  void aShareGroup_onSqlite_isRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.share-group] (line 1) has value [bridges]: shares the gateways'"
            + " batches between several bridge instances, so it needs the PostgreSQL store"
            + " (database.url): with a SQLite file each instance would keep only its part.",
        error("bridge.share-group = bridges\n"));
  }

  @Test
  void aBadUri_namesFileKeyLineAndValue() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [mqtt.uri] (line 2) has value [mqtt://broker]: must be tcp://HOST:PORT or"
            + " ssl://HOST:PORT (such as tcp://127.0.0.1:1883).",
        error("# broker\nmqtt.uri = mqtt://broker\n"));
  }

  @Test
  void aBadShareGroup_saysWhy() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [bridge.share-group] (line 1) has value [a/b]: Share group [a/b] must not"
            + " contain /, + or #, found [/] at index 1.",
        error("bridge.share-group = a/b\n"));
  }

  @Test
  void aMissingPasswordFile_isRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [mqtt.password-file] (line 2) has value [secret]: must name a readable file; "
            + folder.resolve("secret")
            + " is not one.",
        error("mqtt.username = bridge\nmqtt.password-file = secret\n"));
  }

  @Test
  void aPassword_isReadFromItsFile_andNeverPrinted() throws Exception {
    Files.writeString(folder.resolve("secret"), "s3cr3t-value\n");
    CloudConfig config =
        CloudConfig.load(write("mqtt.username = bridge\nmqtt.password-file = secret\n"));

    assertEquals("s3cr3t-value", new String(config.mqtt().password().chars()));
    assertFalse(config.toString().contains("s3cr3t"), config.toString());
  }

  @Test
  void aPasswordWithoutUser_isRefused() throws Exception {
    Files.writeString(folder.resolve("secret"), "x\n");
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [mqtt.password-file] (line 1) has value [secret]: needs mqtt.username: a"
            + " password logs in a user.",
        error("mqtt.password-file = secret\n"));
  }

  @Test
  void tlsSettings_withAPlainUri_areRefused() throws Exception {
    Files.writeString(folder.resolve("ca.pem"), "x\n");
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [mqtt.tls.ca-file] (line 1) has value [ca.pem]: is a TLS setting, but"
            + " mqtt.uri [tcp://127.0.0.1:1883] is not ssl://.",
        error("mqtt.tls.ca-file = ca.pem\n"));
  }

  @Test
  void anUnknownKey_isRefused() throws Exception {
    assertEquals(
        folder.resolve("cloud.conf")
            + ": key [mqtt.url] (line 1) with value [tcp://x:1] is not a known setting; see"
            + " config/cloud.conf for the list.",
        error("mqtt.url = tcp://x:1\n"));
  }
}
