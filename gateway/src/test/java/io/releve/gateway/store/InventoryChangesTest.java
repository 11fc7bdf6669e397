package io.releve.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installations and removals are numbered in the outbox, in the transaction that makes them. */
class InventoryChangesTest {

  @TempDir Path folder;

  private static final Dwelling A12 = new Dwelling(SiteCode.of("AB123"), "A12", "7");

  @Test
  void installAndRemove_areRecordedWithOutboxNumbersAfterTheReadings() {
    try (Database database = Database.open(folder.resolve("releve.db"), TestReadings.CLOCK)) {
      new ReadingStore(database)
          .storeBatch(
              List.of(TestReadings.volume(TestReadings.WATER, "1.0", TestReadings.T0)), List.of());
      Inventory inventory = new Inventory(database);
      inventory.add(
          new InstalledDevice(
              TestReadings.WATER, Medium.COLD_WATER, PrintedSerial.of("21123456"), A12, null));
      inventory.add(
          new InstalledDevice(TestReadings.HCA, Medium.HEAT_COST_ALLOCATOR, null, A12, "Séjour"));
      inventory.remove(TestReadings.WATER);

      assertEquals(
          List.of(
              "2 installed LUG-12345678 cold_water AB123 A12 7 21123456 -",
              "3 installed QDS-00012345 heat_cost_allocator AB123 A12 7 - Séjour",
              "4 removed LUG-12345678 cold_water AB123 A12 7 21123456 -"),
          changes(database));
      assertEquals(5, new ReadingStore(database).nextSeq());
    }
  }

  @Test
  void migrationFromVersionThree_announcesTheDevicesAlreadyInstalled() throws Exception {
    Path file = folder.resolve("releve.db");
    try (Database database = Database.open(file, TestReadings.CLOCK)) {
      new ReadingStore(database)
          .storeBatch(
              List.of(TestReadings.volume(TestReadings.WATER, "1.0", TestReadings.T0)), List.of());
      new Inventory(database)
          .add(
              new InstalledDevice(
                  TestReadings.HCA, Medium.HEAT_COST_ALLOCATOR, null, A12, "Séjour"));
      // back to version 3, as a database of that release: no change rows, no clock columns yet
      database.write(
          "undo version 4",
          Durability.FULL,
          c -> {
            try (Statement statement = c.createStatement()) {
              statement.executeUpdate("DROP TABLE inventory_changes");
              statement.executeUpdate("DROP TABLE gateway_events");
              statement.executeUpdate("DROP INDEX readings_unsynchronised");
              statement.executeUpdate("ALTER TABLE readings DROP COLUMN boot_id");
              statement.executeUpdate("ALTER TABLE readings DROP COLUMN mono_ns");
              statement.executeUpdate("DELETE FROM schema_version WHERE version >= 4");
              statement.executeUpdate("UPDATE outbox_sequence SET next_seq = 2");
            }
            return null;
          });
    }
    try (Database database = Database.open(file, TestReadings.CLOCK)) {
      assertEquals(
          List.of("2 installed QDS-00012345 heat_cost_allocator AB123 A12 7 - Séjour"),
          changes(database));
      assertEquals(3, new ReadingStore(database).nextSeq());
    }
  }

  private static List<String> changes(Database database) {
    return database.read(
        "changes",
        (Connection c) -> {
          List<String> rows = new ArrayList<>();
          try (Statement statement = c.createStatement();
              ResultSet row =
                  statement.executeQuery(
                      "SELECT i.*, d.manufacturer, d.meter_id FROM inventory_changes i"
                          + " JOIN devices d ON d.id = i.device_id ORDER BY outbox_seq")) {
            while (row.next()) {
              rows.add(line(row));
            }
          }
          return rows;
        });
  }

  private static String line(ResultSet row) throws SQLException {
    return String.join(
        " ",
        String.valueOf(row.getLong("outbox_seq")),
        row.getString("action"),
        row.getString("manufacturer") + "-" + row.getString("meter_id"),
        row.getString("medium"),
        row.getString("site_code"),
        row.getString("dwelling"),
        orDash(row.getString("lot")),
        orDash(row.getString("printed_serial")),
        orDash(row.getString("room")));
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
