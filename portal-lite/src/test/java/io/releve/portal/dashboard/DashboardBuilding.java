package io.releve.portal.dashboard;

import static io.releve.portal.dashboard.DashboardRows.allocator;
import static io.releve.portal.dashboard.DashboardRows.device;
import static io.releve.portal.dashboard.DashboardRows.water;

import io.releve.portal.account.AccountFixture;

/**
 * The residence the dashboard tests read, on 12 November 2026 at 10:00 in Paris (the fixtures'
 * now). Every reading is at a local time of Paris.
 *
 * <p>A02: Paul lived there from 1 June 2025 to 28 February 2026, Claire since 1 March 2026. Its
 * cold water meter 20000001 was replaced on 6 November by 20000002 (start index 0). Hot water
 * 30000001. Allocators 40000001 in the living room (set day 1 November: it counts again from zero)
 * and 40000002 in the bedroom, whose radiator stays closed. B07, C03 and D04 next door have a cold
 * water meter each, for the building median. Nina moved into E05 on 8 November.
 */
public final class DashboardBuilding {

  public static final String CLAIRE = "claire@exemple.fr";
  public static final String PAUL = "paul@exemple.fr";
  public static final String NINA = "nina@exemple.fr";

  static final String OLD_COLD = "SEN-20000001-07-16";
  static final String NEW_COLD = "SEN-20000002-07-16";
  static final String HOT = "SEN-30000001-07-06";
  static final String LIVING = "TCH-40000001-80-08";
  static final String BEDROOM = "TCH-40000002-80-08";

  /** Claire's dwelling. */
  public final long home;

  public final long nextDoor;

  private DashboardBuilding(long home, long nextDoor) {
    this.home = home;
    this.nextDoor = nextDoor;
  }

  /** Makes the residence in {@code site}'s store and rolls its readings up. */
  public static DashboardBuilding make(AccountFixture site) {
    long home = site.dwelling("A02");
    long e05 = site.dwelling("E05");
    site.lived(site.resident(PAUL), home, "2025-06-01", "2026-02-28");
    site.lives(site.resident(CLAIRE), home, "2026-03-01");
    site.lives(site.resident(NINA), e05, "2026-11-08");
    long b07 = site.dwelling("B07");
    long c03 = site.dwelling("C03");
    long d04 = site.dwelling("D04");
    site.write(
        c -> {
          device(c, home, OLD_COLD, "20000001", "cold_water", null, false);
          device(c, home, NEW_COLD, "20000002", "cold_water", null, true);
          device(c, home, HOT, "30000001", "hot_water", null, true);
          device(c, home, LIVING, "40000001", "heat_cost_allocator", "Salon", true);
          device(c, home, BEDROOM, "40000002", "heat_cost_allocator", "Chambre", true);
          // Paul's February: 20 m³ that Claire never sees
          water(c, OLD_COLD, "cold_water", "2026-02-01T00:30", "100.000");
          water(c, OLD_COLD, "cold_water", "2026-02-28T23:30", "120.000");
          // Claire's months, each read at 23:30 on its last day: 10, 4, 4, 3, 2, 2, 5, 6 m³
          water(c, OLD_COLD, "cold_water", "2026-03-31T23:30", "130.000");
          water(c, OLD_COLD, "cold_water", "2026-04-30T23:30", "134.000");
          water(c, OLD_COLD, "cold_water", "2026-05-31T23:30", "138.000");
          water(c, OLD_COLD, "cold_water", "2026-06-30T23:30", "141.000");
          water(c, OLD_COLD, "cold_water", "2026-07-31T23:30", "143.000");
          water(c, OLD_COLD, "cold_water", "2026-08-31T23:30", "145.000");
          water(c, OLD_COLD, "cold_water", "2026-09-30T23:30", "150.000");
          water(c, OLD_COLD, "cold_water", "2026-10-31T23:30", "156.000");
          // 00:30 on 1 November in Paris is still 31 October in UTC: November's 0.4 m³
          water(c, OLD_COLD, "cold_water", "2026-11-01T00:30", "156.400");
          // the old meter's final index, then the new one from its start index
          water(c, OLD_COLD, "cold_water", "2026-11-06T12:00", "158.000");
          water(c, NEW_COLD, "cold_water", "2026-11-06T12:30", "0.000");
          water(c, NEW_COLD, "cold_water", "2026-11-11T12:00", "1.500");
          water(c, NEW_COLD, "cold_water", "2026-11-12T08:00", "1.700");

          water(c, HOT, "hot_water", "2026-10-31T23:30", "10.000");
          water(c, HOT, "hot_water", "2026-11-12T07:00", "10.800");

          // the living room: 40 U in October, reset on 1 November, then 3 + 37 U
          allocator(c, LIVING, "2026-09-30T12:00", "380");
          allocator(c, LIVING, "2026-10-31T12:00", "420");
          allocator(c, LIVING, "2026-11-01T12:00", "3");
          allocator(c, LIVING, "2026-11-12T06:00", "40");
          // the bedroom's radiator is closed: reset to 0 and stays there
          allocator(c, BEDROOM, "2026-10-31T12:00", "75");
          allocator(c, BEDROOM, "2026-11-01T12:00", "0");
          allocator(c, BEDROOM, "2026-11-12T06:00", "0");

          // October next door: 2, 9 and 11 m³; with A02's 6 the median is (6 + 9) / 2 = 7.5
          device(c, b07, "SEN-20000007-07-16", "20000007", "cold_water", null, true);
          device(c, c03, "SEN-20000003-07-16", "20000003", "cold_water", null, true);
          device(c, d04, "SEN-20000004-07-16", "20000004", "cold_water", null, true);
          water(c, "SEN-20000007-07-16", "cold_water", "2026-09-30T23:30", "10.000");
          water(c, "SEN-20000007-07-16", "cold_water", "2026-10-31T23:30", "12.000");
          water(c, "SEN-20000003-07-16", "cold_water", "2026-09-30T23:30", "20.000");
          water(c, "SEN-20000003-07-16", "cold_water", "2026-10-31T23:30", "29.000");
          water(c, "SEN-20000004-07-16", "cold_water", "2026-09-30T23:30", "30.000");
          water(c, "SEN-20000004-07-16", "cold_water", "2026-10-31T23:30", "41.000");

          // E05 before and after Nina's move-in on 8 November: 4 m³ on 1–4 November, 3 m³ over
          // 5–10 November (0.5 a day), 0.25 m³ on the 12th
          device(c, e05, "SEN-20000005-07-16", "20000005", "cold_water", null, true);
          water(c, "SEN-20000005-07-16", "cold_water", "2026-10-31T23:30", "500.000");
          water(c, "SEN-20000005-07-16", "cold_water", "2026-11-04T12:00", "504.000");
          water(c, "SEN-20000005-07-16", "cold_water", "2026-11-10T12:00", "507.000");
          water(c, "SEN-20000005-07-16", "cold_water", "2026-11-12T08:00", "507.250");
          return null;
        });
    site.portal.rollups().runOnce();
    return new DashboardBuilding(home, e05);
  }

  /** An active drip on Claire's new cold water meter since 11 May, 7.598 m³ lost so far. */
  public void activeLeak(AccountFixture site) {
    site.write(
        c -> {
          DashboardRows.activeLeak(c, NEW_COLD, "2026-05-11T06:00:00Z", "7.598");
          return null;
        });
  }
}
