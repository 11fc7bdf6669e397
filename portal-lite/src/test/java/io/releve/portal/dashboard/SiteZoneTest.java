package io.releve.portal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import io.releve.portal.Visitor;
import io.releve.portal.account.AccountFixture;
import io.releve.portal.store.AccountKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same readings on a portal whose sites keep Paris time and on one whose sites keep UTC: a
 * reading at 00:30 on 1 November in Paris is 23:30 on 31 October in UTC, so the month it counts in
 * follows {@code portal.site-zone}, and so do the times shown.
 */
@Timeout(60)
class SiteZoneTest {

  private static final String METER = "SEN-20000001-07-16";

  @TempDir Path dir;

  /** A portal on a fresh store with {@code zone} as its sites' zone, and Claire's readings. */
  private static PortalWorld world(Path folder, String zone) {
    try {
      PortalWorld world =
          new PortalWorld(
              folder,
              clock -> PortalTestStores.open(Engine.SQLITE, folder),
              "portal.site-zone = " + zone) {};
      String hash = world.portal.passwords().hash(AccountFixture.PASSWORD.toCharArray());
      long claire = world.account(DashboardBuilding.CLAIRE, AccountKind.RESIDENT, hash);
      long home = world.dwelling(AccountFixture.SITE, "A02", "lot-A02", null);
      world.residency(claire, home, "2026-03-01");
      world.write(
          c -> {
            DashboardRows.device(c, home, METER, "20000001", "cold_water", null, true);
            DashboardRows.water(c, METER, "cold_water", "2026-09-30T23:30", "150.000");
            DashboardRows.water(c, METER, "cold_water", "2026-10-31T23:30", "156.000");
            DashboardRows.water(c, METER, "cold_water", "2026-11-01T00:30", "156.400");
            DashboardRows.water(c, METER, "cold_water", "2026-11-12T08:00", "157.000");
            return null;
          });
      world.portal.rollups().runOnce();
      return world;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the portal", e);
    }
  }

  private static String dashboard(PortalWorld world) throws Exception {
    Visitor claire = world.visitor();
    assertEquals(303, claire.logIn(DashboardBuilding.CLAIRE, AccountFixture.PASSWORD).statusCode());
    return claire.get("/tableau-de-bord").body();
  }

  @Test
  void paris_readingAt0030OnThe1st_countsInNovember() throws Exception {
    try (PortalWorld paris = world(dir, "Europe/Paris")) {
      String body = dashboard(paris);

      // October 150 → 156 (23:30 on the 31st); November 156 → 157
      assertTrue(body.contains("<dd id=\"cold-water-m3-previous\">6,000\u00a0m³</dd>"), body);
      assertTrue(body.contains("<dd id=\"cold-water-m3-month\">1,000\u00a0m³</dd>"));
      assertTrue(body.contains("<dd id=\"cold-water-m3-last-reading\">12/11/2026 08:00</dd>"));
    }
  }

  @Test
  void utc_theSameReading_countsInOctober() throws Exception {
    try (PortalWorld utc = world(dir, "UTC")) {
      String body = dashboard(utc);

      // 31 October in UTC ends at 156.4; November 156.4 → 157
      assertTrue(body.contains("<dd id=\"cold-water-m3-previous\">6,400\u00a0m³</dd>"), body);
      assertTrue(body.contains("<dd id=\"cold-water-m3-month\">0,600\u00a0m³</dd>"));
      assertTrue(body.contains("<dd id=\"cold-water-m3-last-reading\">12/11/2026 07:00</dd>"));
    }
  }
}
