package io.releve.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.InstalledDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the demo tells a newcomer to type, for the shipped building and for one without a leak. */
class TryItTest {

  @TempDir Path folder;

  @Test
  void theLeakingFlatsColdWaterMeter_isA03s() throws Exception {
    InstalledDevice meter = TryIt.meterToTry(LandlordFilesTest.shipped());

    assertEquals("A03", meter.dwelling().label());
    assertEquals(Medium.COLD_WATER, meter.medium());
    assertEquals("103", meter.lot());
  }

  @Test
  void theLines_giveTheSiteTheSerialTheMoveInInBothNotationsAndTheManager() throws Exception {
    String serial = TryIt.meterToTry(LandlordFilesTest.shipped()).printedSerial().value();

    List<String> lines =
        TryIt.lines(
            LandlordFilesTest.shipped(),
            "http://localhost:8080",
            LocalDate.of(2025, 10, 15),
            Path.of("var", "demo", "mail"));

    assertTrue(lines.contains("Try it: open http://localhost:8080"), lines.toString());
    assertTrue(lines.contains("    residence code SB001"), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("  Resident of flat A03 (its WC leaks): ")),
        lines.toString());
    assertTrue(
        lines.contains(
            "    dwelling       serial number " + serial + " (its cold water meter; or lot 103)"),
        lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("    move-in date   15/10/2025 (2025-10-15)")),
        lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("gestion@demo.example")), lines.toString());
  }

  @Test
  void aBuildingWithoutALeak_offersItsFirstFlatsColdWaterMeter_andSaysNoFlatLeaks()
      throws Exception {
    Path file = folder.resolve("small.conf");
    Files.writeString(
        file,
        "site.code = TS002\nsite.stairwells = 1\nsite.dwellings-per-stairwell = 2\n",
        StandardCharsets.UTF_8);
    Building building = Building.load(file, Instant.parse("2026-11-29T02:00:00Z"));

    InstalledDevice meter = TryIt.meterToTry(building);
    List<String> lines =
        TryIt.lines(building, "http://localhost:8080", LocalDate.of(2026, 11, 28), folder);

    assertEquals(Medium.COLD_WATER, meter.medium());
    assertTrue(
        lines.contains(
            "  Resident of flat "
                + meter.dwelling().label()
                + " (no flat leaks here: faults.leaking-wc makes one leak):"
                + " \"Créer mon compte\" (EN at the top right), then"),
        lines.toString());
    assertTrue(lines.contains("    residence code TS002"), lines.toString());
  }
}
