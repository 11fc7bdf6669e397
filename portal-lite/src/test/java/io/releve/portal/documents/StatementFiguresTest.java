package io.releve.portal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.store.Lang;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of a real statement, made by the job from real readings on a real SQLite file and
 * read back from the PDF with PDFBox, against values computed by hand. Every index is read at noon,
 * Paris time, on 30 September and 31 October: a month's use is the October index minus the
 * September one.
 */
@Timeout(60)
class StatementFiguresTest {

  @TempDir Path dir;
  private DocumentsWorld world;
  private long home;

  @BeforeEach
  void start() throws Exception {
    world = new DocumentsWorld(dir);
    home = world.dwelling("A01");
    world.device(home, "HCA-00000001", "heat_cost_allocator");
    world.device(home, "HWM-00000001", "hot_water");
    world.device(home, "CWM-00000001", "cold_water");
    // October 2025: 180 - 100 = 80 U; October 2026: 590 - 500 = 90 U
    world.allocator("HCA-00000001", "2025-09-30T12:00", "100");
    world.allocator("HCA-00000001", "2025-10-31T12:00", "180");
    world.allocator("HCA-00000001", "2026-09-30T12:00", "500");
    world.allocator("HCA-00000001", "2026-10-31T12:00", "590");
    // October 2025: 12.500 - 10.000 = 2.500 m³; October 2026: 23.125 - 20.000 = 3.125 m³
    world.water("HWM-00000001", "hot_water", "2025-09-30T12:00", "10.000");
    world.water("HWM-00000001", "hot_water", "2025-10-31T12:00", "12.500");
    world.water("HWM-00000001", "hot_water", "2026-09-30T12:00", "20.000");
    world.water("HWM-00000001", "hot_water", "2026-10-31T12:00", "23.125");
    // October 2026 only: 56.5 - 50.0 = 6.5 m³; nothing a year before
    world.water("CWM-00000001", "cold_water", "2026-09-30T12:00", "50.0");
    world.water("CWM-00000001", "cold_water", "2026-10-31T12:00", "56.5");
    neighbour("A02", "100", "160", "1.000", "4.000");
    neighbour("A03", "0", "120", "0.000", "2.375");
  }

  /** A neighbour with an allocator and a hot water meter, and its September and October indexes. */
  private void neighbour(String label, String hca9, String hca10, String hot9, String hot10) {
    long dwelling = world.dwelling(label);
    world.device(dwelling, "HCA-" + label, "heat_cost_allocator");
    world.device(dwelling, "HWM-" + label, "hot_water");
    world.allocator("HCA-" + label, "2026-09-30T12:00", hca9);
    world.allocator("HCA-" + label, "2026-10-31T12:00", hca10);
    world.water("HWM-" + label, "hot_water", "2026-09-30T12:00", hot9);
    world.water("HWM-" + label, "hot_water", "2026-10-31T12:00", hot10);
  }

  @AfterEach
  void stop() {
    world.close();
  }

  @Test
  void octoberStatement_inFrench_showsTheMonthLastYearEvolutionAndBuildingAverage()
      throws Exception {
    long claire = world.resident("claire@exemple.fr", Lang.FR, "Claire", "Martin");
    long stay = world.lives(claire, home, "2025-03-01");
    world.portal.rollups().runOnce();

    assertEquals(new StatementJob.Run(1, 0), world.job().runOnce());

    String text = DocumentsWorld.text(world.body(world.documentId(stay, "2026-10")));
    assertTrue(text.startsWith("Relevé de consommation – octobre 2026\n"), text);
    assertTrue(text.contains("Résidence LY003 – logement A01\nLot lot-A01\n"), text);
    assertTrue(text.contains("Occupant : Claire Martin\n"), text);
    assertTrue(text.contains("Période : du 01/10/2026 au 31/10/2026\n"), text);
    // heating: +10 U on 80 is +12.5 %; the mean of 90, 60 and 120 is 90
    assertTrue(text.contains("Chauffage (unités) 90 80 +12,5 % 90,00\n3 logements\n"), text);
    // hot water: +0.625 on 2.500 is +25 %; the mean of 3.125, 3.000 and 2.375 is 2.8333… m³
    assertTrue(text.contains("Eau chaude (m³) 3,125 2,500 +25,0 % 2,833\n3 logements\n"), text);
    // cold water: no index a year before, and no neighbour has a cold water meter
    assertTrue(
        text.contains("Eau froide (m³) * 6,5 pas de donnée pas de donnée pas de donnée\n"), text);
    assertTrue(text.contains("Réclamations et questions\n" + DocumentsWorld.CONTACT + "\n"), text);
    assertTrue(text.contains("Établi le 12/11/2026"), text);
  }
}
