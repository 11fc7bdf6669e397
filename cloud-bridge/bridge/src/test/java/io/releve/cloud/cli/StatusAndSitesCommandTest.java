package io.releve.cloud.cli;

import static io.releve.cloud.Batches.EPOCH;
import static io.releve.cloud.Batches.GATEWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.Batches;
import io.releve.cloud.TestStores;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.contract.Golden;
import io.releve.contract.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusAndSitesCommandTest {

  @TempDir Path folder;
  private Path config;
  private StoreSettings store;

  @BeforeEach
  void writeConfig() throws Exception {
    config = folder.resolve("cloud.conf");
    store = TestStores.fresh(folder);
    Files.writeString(config, TestStores.configLines(store));
  }

  private void ingestGolden() {
    try (Database database = Database.open(store, Clock.systemUTC())) {
      Ingest ingest = new Ingest(database);
      ingest.handle(Topics.upInventory(GATEWAY), Golden.INVENTORY.bytes());
      ingest.handle(Topics.upReadings(GATEWAY), Golden.READINGS.bytes());
      ingest.handle(Topics.upEvents(GATEWAY), Golden.EVENTS.bytes());
      ingest.handle(Topics.status(GATEWAY), Golden.STATUS_ONLINE.bytes());
      ingest.handle("releve/v1/rl042-gw1/up/readings", "{}".getBytes());
      ingest.handle(Topics.upReadings(GATEWAY), Batches.readings(EPOCH, 1));
    }
  }

  @Test
  void status_showsEachGatewaysStateAckAndRows() {
    ingestGolden();
    Cli cli = Cli.run("status", "--config", config.toString());

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(
        "gateway    state   since                     epoch                                 acked"
            + "  readings  events  inventory  refused\n"
            + "rl042-gw1  online  2026-11-24T06:12:09.481Z  6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13  48"
            + "     5         3       3          1\n",
        cli.out());
  }

  @Test
  void status_asJson() {
    ingestGolden();
    Cli cli = Cli.run("status", "--config", config.toString(), "--format", "json");

    assertEquals(0, cli.exitCode(), cli.err());
    String out = cli.out();
    assertEquals(true, out.contains("\"acked_seq\" : 48"), out);
    assertEquals(true, out.contains("\"refused_without_gateway\" : 0"), out);
  }

  @Test
  void sites_showsTheRegistryAsATree() {
    ingestGolden();
    Cli cli = Cli.run("sites", "--config", config.toString());

    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(
        "RL042\n"
            + "  A01 (lot 12)\n"
            + "    device              medium               serial       room    gateway\n"
            + "    QDS-30000101-35-08  heat_cost_allocator  6QDS3000010  Séjour  rl042-gw1\n"
            + "    SEN-12345601-68-16  cold_water           H8CA029620   -       rl042-gw1\n",
        cli.out());
  }

  @Test
  void withoutADatabase_statusSaysSo_exit66() {
    Assumptions.assumeTrue(
        TestStores.engine() == StoreSettings.Engine.SQLITE, "a SQLite file can be missing");
    Cli cli = Cli.run("status", "--config", config.toString());

    assertEquals(66, cli.exitCode());
    assertEquals(
        "releve cloud: there is no database at "
            + folder.resolve("cloud.db")
            + " (database.path in "
            + config
            + "): has the bridge run yet?\n",
        cli.err());
  }

  @Test
  void aBadConfig_exits78() throws Exception {
    Files.writeString(config, "mqtt.uri = nowhere\n");
    Cli cli = Cli.run("status", "--config", config.toString());

    assertEquals(78, cli.exitCode());
    assertEquals(
        "releve cloud: "
            + config
            + ": key [mqtt.uri] (line 1) has value [nowhere]: must be tcp://HOST:PORT or"
            + " ssl://HOST:PORT (such as tcp://127.0.0.1:1883).\n",
        cli.err());
  }
}
