package io.releve.cloud.ingest;

import static io.releve.cloud.Batches.EPOCH;
import static io.releve.cloud.Batches.GATEWAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.Batches;
import io.releve.cloud.TestStores;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.SqliteDatabase;
import io.releve.cloud.store.StoreException;
import io.releve.common.sqlite.Migrations;
import io.releve.common.sqlite.Migrations.Migration;
import io.releve.common.sqlite.SqliteFile;
import io.releve.contract.GatewayId;
import io.releve.contract.InventoryChange;
import io.releve.contract.InventoryMessage;
import io.releve.contract.Json;
import io.releve.contract.Topics;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's ordering of inventory changes when a meter moves from one gateway to another. */
class RegistryTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  /** The meter's former gateway: Batches' gateway and epoch. */
  private static final GatewayId A = GATEWAY;

  /** The gateway the meter moves to. */
  private static final GatewayId B = GatewayId.of("rl042-gw2");

  private static final UUID B_EPOCH = UUID.fromString("0b1c2d3e-0000-4000-8000-000000000002");

  private static final String METER = "SEN-12345601-68-16";
  private static final String OTHER = "QDS-30000101-35-08";

  @TempDir Path folder;
  private Database database;
  private Ingest ingest;

  @BeforeEach
  void open() {
    database = TestStores.open(folder, CLOCK);
    ingest = new Ingest(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aMeterMovedToAnotherGateway_isInstalledThere_evenWhenThatGatewaysEpochWasSeenFirst() {
    fromB(Batches.installed(1, OTHER, "B01", "3", null));
    fromA(Batches.installed(1, METER, "A01", "12", null));
    fromB(Batches.installed(2, METER, "B02", "7", null));

    assertEquals(List.of("rl042-gw2", "rl042-gw1"), rows("SELECT gateway FROM epochs ORDER BY id"));
    assertEquals(List.of("installed|B02|rl042-gw2"), meter());
  }

  @Test
  void theFormerGatewaysRemoval_afterAMove_leavesTheDeviceWithTheNewOne() {
    fromB(Batches.installed(1, OTHER, "B01", "3", null));
    fromA(Batches.installed(1, METER, "A01", "12", null));
    fromB(Batches.installed(2, METER, "B02", "7", null));

    fromA(Batches.removed(2, METER));

    assertEquals(List.of("installed|B02|rl042-gw2"), meter());
    assertEquals(
        List.of("rl042-gw1|2", "rl042-gw2|2"),
        rows(
            "SELECT gateway, change_seq FROM device_changes WHERE device = '"
                + METER
                + "' ORDER BY gateway"));

    // the holder's own removal still applies
    fromB(Batches.removed(3, METER));
    assertEquals(List.of("removed|B02|rl042-gw2"), meter());
  }

  @Test
  void aRemovalFromAGatewayThatNeverHeldTheDevice_leavesItAlone() {
    fromA(Batches.installed(1, METER, "A01", "12", null));
    fromB(Batches.removed(1, METER));

    assertEquals(List.of("installed|A01|rl042-gw1"), meter());
  }

  @Test
  void anOldInstallationFromTheFormerGateway_deliveredAfterTheMove_doesNotMoveItBack() {
    fromB(Batches.installed(1, OTHER, "B01", "3", null));
    // A's seq 2 arrives before its seq 1, then the meter moves to B
    fromA(Batches.installed(2, METER, "A02", "13", null));
    fromB(Batches.installed(2, METER, "B02", "7", null));

    // A's older installation arrives late, then A's seq 2 is delivered again
    fromA(Batches.installed(1, METER, "A01", "12", null));
    fromA(Batches.installed(2, METER, "A02", "13", null));

    assertEquals(List.of("installed|B02|rl042-gw2"), meter());
  }

  @Test
  void aMeterMovedBack_toItsFormerGateway_isInstalledThereAgain() {
    fromA(Batches.installed(1, METER, "A01", "12", null));
    fromB(Batches.installed(1, METER, "B02", "7", null));
    fromA(Batches.installed(2, METER, "A03", "14", null));

    assertEquals(List.of("installed|A03|rl042-gw1"), meter());
  }

  @Test
  void theMigration_recordsEachDevicesChange_asItsGatewaysLastOne() {
    Path file = folder.resolve("old.db");
    try (SqliteFile old =
        SqliteFile.open(file, Duration.ofSeconds(1), 1024 * 1024, StoreException::new)) {
      old.migrate(
          new Migrations("/io/releve/cloud/store/sqlite", List.of(new Migration(1, "initial"))),
          CLOCK,
          "bridge");
      old.write(
          "a device of schema 1",
          true,
          c -> {
            try (Statement statement = c.createStatement()) {
              statement.executeUpdate(
                  "INSERT INTO gateways (id, last_seen) VALUES ('rl042-gw1', 0)");
              statement.executeUpdate(
                  "INSERT INTO epochs (id, gateway, epoch, first_seen)"
                      + " VALUES (5, 'rl042-gw1', '"
                      + EPOCH
                      + "', 0)");
              statement.executeUpdate(
                  "INSERT INTO devices (device, state, gateway, change_epoch, change_seq,"
                      + " changed_at) VALUES ('"
                      + METER
                      + "', 'removed', 'rl042-gw1', 5, 9, 0)");
            }
            return null;
          });
    }

    try (Database migrated = SqliteDatabase.open(file, CLOCK, SqliteDatabase.BUSY_TIMEOUT)) {
      assertEquals(
          List.of("rl042-gw1|" + METER + "|5|9"),
          QueryRows.of(
              migrated, "SELECT gateway, device, change_epoch, change_seq FROM device_changes"));
    }
  }

  private void fromA(InventoryChange change) {
    ingest.handle(Topics.upInventory(A), Batches.inventory(change));
  }

  private void fromB(InventoryChange change) {
    ingest.handle(
        Topics.upInventory(B), Json.write(new InventoryMessage(B, B_EPOCH, List.of(change))));
  }

  /** The meter's state, dwelling and gateway. */
  private List<String> meter() {
    return rows(
        "SELECT d.state, w.label, d.gateway FROM devices d"
            + " LEFT JOIN dwellings w ON w.id = d.dwelling WHERE d.device = '"
            + METER
            + "'");
  }

  private List<String> rows(String sql) {
    return QueryRows.of(database, sql);
  }
}
