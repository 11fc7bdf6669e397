package io.releve.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.Medium;
import io.releve.gateway.store.InstalledDevice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the demo tells a newcomer to type, for the shipped building. */
class TryItTest {

  @Test
  void theLeakingFlatsColdWaterMeter_isA03s() throws Exception {
    InstalledDevice meter = TryIt.leakingFlatMeter(LandlordFilesTest.shipped());

    assertEquals("A03", meter.dwelling().label());
    assertEquals(Medium.COLD_WATER, meter.medium());
    assertEquals("103", meter.lot());
  }

  @Test
  void theLines_giveTheSiteTheSerialTheMoveInInBothNotationsAndTheManager() throws Exception {
    String serial = TryIt.leakingFlatMeter(LandlordFilesTest.shipped()).printedSerial().value();

    List<String> lines =
        TryIt.lines(
            LandlordFilesTest.shipped(),
            "http://localhost:8080",
            LocalDate.of(2025, 10, 15),
            Path.of("var", "demo", "mail"));

    assertTrue(lines.contains("Try it: open http://localhost:8080"), lines.toString());
    assertTrue(lines.contains("    residence code SB001"), lines.toString());
    assertTrue(
        lines.contains(
            "    dwelling       serial number " + serial + " (its cold water meter; or lot 103)"),
        lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("    move-in date   15/10/2025 (2025-10-15)")),
        lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("gestion@demo.example")), lines.toString());
  }
}
