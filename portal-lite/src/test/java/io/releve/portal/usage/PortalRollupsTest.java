package io.releve.portal.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.SiteCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The running portal keeps the rollups: its runner is there to be called, in the site zone. */
@Timeout(60)
class PortalRollupsTest {

  @TempDir Path folder;

  @Test
  void portal_rollsUpReadings_inItsSiteZone() throws Exception {
    try (PortalWorld world =
        new PortalWorld(
            folder,
            clock -> Database.open(new StoreSettings.Sqlite(folder.resolve("cloud.db")), clock),
            "portal.site-zone = Pacific/Noumea") {}) {
      long dwelling = world.dwelling(new SiteCode("LY003"), "A01", "101", null);
      world.device(dwelling, "W1", "S1");
      // 14:00 UTC on 31 January is 01:00 on 1 February in Nouméa (UTC+11)
      world.reading("W1", Instant.parse("2026-01-30T14:00:00Z"), "10.000");
      world.reading("W1", Instant.parse("2026-01-31T14:00:00Z"), "10.250");

      world.portal.rollups().runOnce();

      DwellingUsage usage =
          new Usage(world.database)
              .of(
                  dwelling,
                  LocalDate.parse("2026-01-01"),
                  LocalDate.parse("2026-02-10"),
                  LocalDate.parse("2026-02-10"));
      Figures figures = usage.figures(new FluidUnit(Fluid.COLD_WATER, UsageUnit.CUBIC_METRES));
      assertEquals(new BigDecimal("0.250"), figures.currentMonth());
      assertEquals(null, figures.previousMonth());
    }
  }
}
