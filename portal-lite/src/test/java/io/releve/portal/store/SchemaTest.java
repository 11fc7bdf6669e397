package io.releve.portal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.common.sqlite.Migrations;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class SchemaTest {

  static final List<String> PORTAL_TABLES =
      List.of(
          "site_addresses",
          "landlord_dwellings",
          "occupancies",
          "accounts",
          "manager_sites",
          "residencies",
          "tokens",
          "consents",
          "audit",
          "device_days",
          "device_months",
          "portal_marks",
          "notification_settings",
          "notifications",
          "documents");

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void opening_migratesToVersion5_withEveryPortalTableEmpty(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      assertEquals(5, (int) store.read(Migrations::currentVersion));
      for (String table : PORTAL_TABLES) {
        long rows =
            store.read(
                c -> {
                  try (Statement statement = c.createStatement();
                      ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    row.next();
                    return row.getLong(1);
                  }
                });
        assertEquals(0, rows, table);
      }
    }
  }
}
