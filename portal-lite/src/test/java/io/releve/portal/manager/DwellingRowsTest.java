package io.releve.portal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.SiteCode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The manager's reads of the bridge's devices, readings and alerts, on both engines. */
@Timeout(120)
class DwellingRowsTest {

  private static final SiteCode SITE = new SiteCode("LY003");
  private static final Instant NOW = PortalTestStores.NOW;

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void devicesAndAlerts_ofADwelling_areItsOwnWithEveryField(Engine engine) {
    try (Database database = PortalTestStores.open(engine, folder)) {
      Landlord landlord = new Landlord(database);
      long a01 =
          PortalTestStores.write(
              database, c -> landlord.upsertDwelling(c, SITE, "A01", "1", null, NOW));
      long a02 =
          PortalTestStores.write(
              database, c -> landlord.upsertDwelling(c, SITE, "A02", "2", null, NOW));
      Instant installed = Instant.parse("2026-01-05T10:00:00Z");
      PortalTestStores.write(
          database,
          c -> {
            RegistryRows.device(
                c, "HCA-1", a01, "heat_cost_allocator", "0001", "Séjour", "installed", installed);
            RegistryRows.device(c, "WAT-2", a01, "cold_water", null, null, "removed", installed);
            RegistryRows.device(
                c, "WAT-3", a02, "cold_water", "0003", null, "installed", installed);
            reading(c, 1, "HCA-1", "2026-11-01T10:00:00Z");
            reading(c, 2, "HCA-1", "2026-11-10T10:00:00Z");
            reading(c, 3, "WAT-3", "2026-11-11T10:00:00Z");
            RegistryRows.alert(
                c,
                1,
                "HCA-1",
                "not_heard",
                "",
                null,
                "2026-11-01T00:00:00Z",
                "2026-11-02T00:00:00Z",
                null,
                null);
            RegistryRows.alert(
                c, 2, "WAT-2", "leak", "", 3, "2026-11-11T00:00:00Z", null, "0.120", "12.00");
            RegistryRows.alert(
                c, 3, "WAT-3", "leak", "", 1, "2026-11-10T00:00:00Z", null, "0.100", "5.00");
            return null;
          });

      List<DwellingDevices.Device> devices =
          database.read("devices", c -> DwellingDevices.of(c, a01));
      List<DwellingAlerts.Alert> alerts = database.read("alerts", c -> DwellingAlerts.of(c, a01));
      Map<Long, Integer> counts =
          database.read("counts", c -> DwellingAlerts.activeCounts(c, SITE));

      assertEquals(
          List.of(
              new DwellingDevices.Device(
                  "HCA-1",
                  "0001",
                  "heat_cost_allocator",
                  "Séjour",
                  true,
                  installed,
                  Instant.parse("2026-11-10T10:00:00Z")),
              new DwellingDevices.Device(
                  "WAT-2", null, "cold_water", null, false, installed, null)),
          devices);
      assertEquals(
          List.of(
              new DwellingAlerts.Alert(
                  "WAT-2",
                  null,
                  "cold_water",
                  "leak",
                  "",
                  3,
                  Instant.parse("2026-11-11T00:00:00Z"),
                  null,
                  "0.120",
                  "12.00"),
              new DwellingAlerts.Alert(
                  "HCA-1",
                  "0001",
                  "heat_cost_allocator",
                  "not_heard",
                  "",
                  null,
                  Instant.parse("2026-11-01T00:00:00Z"),
                  Instant.parse("2026-11-02T00:00:00Z"),
                  null,
                  null)),
          alerts);
      assertEquals(Map.of(a01, 1, a02, 1), counts);
    }
  }

  private static void reading(Connection c, int seq, String device, String at) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO readings (gateway, epoch, seq, device, medium, quantity, value,"
                + " value_kind, unit, storage, tariff, subunit, function, meter_time,"
                + " received_at, clock_state, source, rssi, status, stored_at)"
                + " VALUES ('gw-1', 'e1', ?, ?, 'heat_cost_allocator', 'heat_cost_allocation',"
                + " '12', 'number', 'units', 0, 0, 0, 'instantaneous', NULL, ?, 'synced', 'radio',"
                + " -70, 0, ?)")) {
      long millis = Instant.parse(at).toEpochMilli();
      insert.setInt(1, seq);
      insert.setString(2, device);
      insert.setLong(3, millis);
      insert.setLong(4, millis);
      insert.executeUpdate();
    }
  }
}
