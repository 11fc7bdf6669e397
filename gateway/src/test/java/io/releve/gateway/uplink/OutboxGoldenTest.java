package io.releve.gateway.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.contract.EventsMessage;
import io.releve.contract.GatewayId;
import io.releve.contract.Golden;
import io.releve.contract.InventoryMessage;
import io.releve.contract.Json;
import io.releve.contract.ReadingsMessage;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Durability;
import io.releve.gateway.store.Outbox;
import io.releve.gateway.store.OutboxBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's side of the golden files: the rows of the golden examples, as the gateway's own
 * tables hold them, read back through the outbox and written as the uplink writes them, give the
 * golden payloads byte for byte (as JSON trees).
 */
class OutboxGoldenTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final GatewayId GATEWAY = GatewayId.of("rl042-gw1");
  private static final UUID EPOCH = UUID.fromString("6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13");

  @TempDir Path folder;
  private OutboxBatch batch;

  @BeforeEach
  void storeTheGoldenRows() {
    Path file = folder.resolve("releve.db");
    try (Database database = Database.open(file, Clock.systemUTC())) {
      database.write("store the golden rows", Durability.FULL, OutboxGoldenTest::insert);
    }
    try (Database database = Database.open(file, Clock.systemUTC())) {
      assertEquals(EPOCH, database.epoch());
      batch = new Outbox(database).after(38, 100);
    }
  }

  private static Void insert(Connection c) throws SQLException {
    long t = Instant.parse("2026-11-24T18:00:02.317Z").toEpochMilli();
    try (Statement s = c.createStatement()) {
      s.execute("UPDATE meta SET value = '" + EPOCH + "' WHERE key = 'epoch'");
      s.execute("UPDATE outbox_sequence SET next_seq = 49");
      s.execute(
          "INSERT INTO dwellings (id, site_code, label, lot) VALUES (1, 'RL042', 'A01', '12')");
      s.execute(
          "INSERT INTO devices (id, manufacturer, meter_id, version, device_type, medium,"
              + " printed_serial, dwelling_id, room, added_at) VALUES"
              + " (1, 'SEN', '12345601', 104, 22, 'cold_water', 'H8CA029620', 1, NULL, 0),"
              + " (2, 'QDS', '30000101', 53, 8, 'heat_cost_allocator', '6QDS3000010', 1,"
              + " 'Séjour', 0),"
              + " (3, 'SEN', '12345602', 104, 6, 'hot_water', NULL, NULL, NULL, 0),"
              + " (4, 'KAM', '51000301', 27, 22, 'cold_water', NULL, NULL, NULL, 0),"
              + " (5, 'SEN', '12345604', 104, 22, 'cold_water', NULL, NULL, NULL, 0)");
      s.execute(
          "INSERT INTO inventory_changes (outbox_seq, at, action, device_id, medium, site_code,"
              + " dwelling, lot, printed_serial, room) VALUES"
              + " (39, 0, 'installed', 1, 'cold_water', 'RL042', 'A01', '12', 'H8CA029620',"
              + " NULL),"
              + " (40, 0, 'installed', 2, 'heat_cost_allocator', 'RL042', 'A01', '12',"
              + " '6QDS3000010', 'Séjour'),"
              + " (47, 0, 'removed', 5, 'cold_water', 'RL042', 'A02', '13', NULL, NULL)");
      s.execute(
          "INSERT INTO readings (outbox_seq, device_id, medium, quantity, value_kind, value_text,"
              + " value_real, unit, storage, tariff, subunit, function, meter_time, received_at,"
              + " clock_state, source, rssi, status) VALUES"
              + " (41, 1, 'cold_water', 'volume', 'number', '123.456', 123.456, 'CUBIC_METRE',"
              + " 0, 0, 0, 'instantaneous', "
              + Instant.parse("2026-11-24T17:59:00Z").toEpochMilli()
              + ", "
              + t
              + ", 'SYNCHRONISED', 'east', NULL, 0),"
              + " (42, 1, 'cold_water', 'volume', 'number', '118.002', 118.002, 'CUBIC_METRE',"
              + " 1, 0, 0, 'instantaneous', "
              + Instant.parse("2026-10-31T23:00:00Z").toEpochMilli()
              + ", "
              + t
              + ", 'SYNCHRONISED', 'east', NULL, 0),"
              + " (43, 2, 'heat_cost_allocator', 'heat_cost_allocation', 'number', '412', 412,"
              + " 'HCA', 0, 0, 0, 'instantaneous', NULL, "
              + Instant.parse("2026-11-24T18:00:09Z").toEpochMilli()
              + ", 'SYNCHRONISED', 'stick', -71, 0),"
              + " (46, 2, 'heat_cost_allocator', 'date', 'text', '2026-12-31', NULL, 'DATE', 1,"
              + " 0, 0, 'instantaneous', NULL, "
              + Instant.parse("2026-11-24T18:00:09Z").toEpochMilli()
              + ", 'SYNCHRONISED', 'stick', -71, 0)");
      s.execute(
          "INSERT INTO alerts (id, device_id, type, condition, level, started_at, detected_at,"
              + " ended_at, total_loss_m3, average_flow_lph, source, updated_at) VALUES"
              + " (7, 1, 'leak', '', 1, "
              + Instant.parse("2026-11-23T18:00:00Z").toEpochMilli()
              + ", "
              + t
              + ", NULL, '0.120', '5.00', 'flow', 0),"
              + " (6, 4, 'meter_alarm', 'burst', NULL, "
              + Instant.parse("2026-11-24T06:05:10.880Z").toEpochMilli()
              + ", "
              + Instant.parse("2026-11-24T06:05:10.880Z").toEpochMilli()
              + ", "
              + Instant.parse("2026-11-24T18:05:11.042Z").toEpochMilli()
              + ", NULL, NULL, 'Kamstrup info code 0x0008, bit 3 (record 02 FF 20)', 0)");
      s.execute(
          "INSERT INTO meter_events (outbox_seq, device_id, at, type, detail, alert_id) VALUES"
              + " (44, 1, "
              + t
              + ", 'leak_opened', 'level 1, 0.120 m³ lost, 5.00 L/h on average, since"
              + " 2026-11-23T18:00:00Z (flow)', 7),"
              + " (45, 3, "
              + Instant.parse("2026-11-24T17:00:00Z").toEpochMilli()
              + ", 'rollover', 'index 99999.99 m³ then 0.01 m³', NULL),"
              + " (48, 4, "
              + Instant.parse("2026-11-24T18:05:11.042Z").toEpochMilli()
              + ", 'meter_alarm_closed', 'burst, since 2026-11-24T06:05:10.880Z until"
              + " 2026-11-24T18:05:11.042Z (Kamstrup info code 0x0008, bit 3 (record 02 FF 20))',"
              + " 6)");
    }
    return null;
  }

  @Test
  void theReadingsOfTheGoldenExampleAreWrittenAsTheGoldenFile() throws Exception {
    assertEquals(
        PLAIN.readTree(Golden.READINGS.bytes()),
        PLAIN.readTree(Json.write(new ReadingsMessage(GATEWAY, EPOCH, batch.readings(), 39))));
  }

  @Test
  void theEventsOfTheGoldenExampleAreWrittenAsTheGoldenFile() throws Exception {
    assertEquals(
        PLAIN.readTree(Golden.EVENTS.bytes()),
        PLAIN.readTree(Json.write(new EventsMessage(GATEWAY, EPOCH, batch.events(), 39))));
  }

  @Test
  void theInventoryChangesOfTheGoldenExampleAreWrittenAsTheGoldenFile() throws Exception {
    assertEquals(
        PLAIN.readTree(Golden.INVENTORY.bytes()),
        PLAIN.readTree(Json.write(new InventoryMessage(GATEWAY, EPOCH, batch.inventory(), 39))));
  }

  @Test
  void theBatchEndsAtItsHighestSeq() {
    assertEquals(48, batch.lastSeq());
    assertEquals(10, batch.size());
  }
}
