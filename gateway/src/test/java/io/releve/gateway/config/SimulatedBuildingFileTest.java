package io.releve.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.common.config.ConfigException;
import io.releve.gateway.config.SimulatedBuildingFile.RadiatorRef;
import io.releve.gateway.store.SiteCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedBuildingFileTest {

  static final Path SHIPPED = Path.of("..", "config", "simulated-building.conf");

  @TempDir Path folder;

  private Path write(String... lines) throws IOException {
    Path file = folder.resolve("building.conf");
    Files.write(file, List.of(lines));
    return file;
  }

  private String errorFor(String... lines) throws IOException {
    Path file = write(lines);
    return assertThrows(ConfigException.class, () -> SimulatedBuildingFile.load(file)).getMessage();
  }

  @Test
  void load_shippedFile_describesFortyDwellingsWithTheThreeFaults() throws Exception {
    SimulatedBuildingFile building = SimulatedBuildingFile.load(SHIPPED);

    assertEquals(SiteCode.of("SB001"), building.site());
    assertEquals(40, building.stairwells() * building.dwellingsPerStairwell());
    assertEquals(2400, building.baud());
    assertEquals(ZoneId.of("Europe/Paris"), building.meterZone());
    assertEquals(MonthDay.of(12, 31), building.setDay());
    assertEquals(Optional.of("A03"), building.leakingWc());
    assertEquals(Optional.of("B07"), building.drippingTap());
    assertEquals(Duration.ofDays(3), building.leakStart());
    assertEquals(Optional.of(new RadiatorRef("C02", 2)), building.radiatorOff());
  }

  @Test
  void load_onlyTheSiteCode_appliesTheDocumentedDefaults() throws Exception {
    SimulatedBuildingFile building = SimulatedBuildingFile.load(write("site.code = ab123"));

    assertEquals(SiteCode.of("AB123"), building.site());
    assertEquals(4, building.stairwells());
    assertEquals(10, building.dwellingsPerStairwell());
    assertEquals(3, building.radiatorsMin());
    assertEquals(6, building.radiatorsMax());
    assertEquals(11, building.replyDelayBits());
    assertEquals(Optional.empty(), building.leakingWc());
    assertEquals(SimulatedBuildingFile.DEFAULT_LEAK_START, building.leakStart());
    assertEquals(Optional.empty(), building.radiatorOff());
    assertEquals(1, building.seed());
  }

  @Test
  void load_unknownKey_namesTheFileTheKeyAndItsLine() throws Exception {
    String message = errorFor("site.code = SB001", "# a comment", "faults.leaking-bath = A01");

    assertTrue(message.contains("building.conf"), message);
    assertTrue(message.contains("[faults.leaking-bath] (line 3)"), message);
    assertTrue(message.contains("is not a known setting"), message);
  }

  @Test
  void load_badNumber_namesTheKeyTheLineAndTheValue() throws Exception {
    String message = errorFor("site.code = SB001", "site.stairwells = four");

    assertTrue(
        message.endsWith(
            "key [site.stairwells] (line 2) has value [four]: must be a whole number between 1"
                + " and 26."),
        message);
  }

  @Test
  void load_missingSiteCode_isRefused() throws Exception {
    assertTrue(errorFor("seed = 3").contains("key [site.code] is required"));
  }

  @Test
  void load_faultInADwellingTheBuildingLacks_isRefused() throws Exception {
    String message = errorFor("site.code = SB001", "faults.leaking-wc = E01");

    assertTrue(
        message.contains(
            "key [faults.leaking-wc] (line 2) has value [E01]: dwelling E01 is not in the"
                + " building (A01 to D10)."),
        message);
  }

  @Test
  void load_leakStartInHours_isTheDurationBeforeTheBuildingStarts() throws Exception {
    SimulatedBuildingFile building =
        SimulatedBuildingFile.load(write("site.code = SB001", "faults.leak-start = 36h"));

    assertEquals(Duration.ofHours(36), building.leakStart());
  }

  @Test
  void load_leakStartWithoutUnit_namesTheKeyAndTheForm() throws Exception {
    String message = errorFor("site.code = SB001", "faults.leak-start = 3");

    assertTrue(
        message.endsWith(
            "key [faults.leak-start] (line 2) has value [3]: must be a number followed by s, m, h"
                + " or d (such as 15m), between 0h and 800d."),
        message);
  }

  @Test
  void load_radiatorBeyondTheMinimum_isRefused() throws Exception {
    String message = errorFor("site.code = SB001", "faults.radiator-off = C02:5");

    assertTrue(message.contains("[faults.radiator-off] (line 2) has value [C02:5]"), message);
    assertTrue(message.contains("the radiator must be 1 to 3"), message);
  }

  @Test
  void load_setDayThatIsNoDate_isRefused() throws Exception {
    assertTrue(
        errorFor("site.code = SB001", "meters.set-day = 13-01")
            .contains("[meters.set-day] (line 2) has value [13-01]: is not a day of the year."));
    assertTrue(
        errorFor("site.code = SB001", "meters.set-day = 02-29")
            .contains("must be a day every year has."));
  }

  @Test
  void load_tooManyMetersForOneBus_isRefused() throws Exception {
    String message =
        errorFor(
            "site.code = SB001", "site.dwellings-per-stairwell = 40", "site.radiators.max = 5");

    assertTrue(message.contains("[site.dwellings-per-stairwell] (line 2) has value [40]"), message);
    assertTrue(message.contains("280 meters"), message);
  }

  @Test
  void load_replyDelayOutsideTheStandard_isRefused() throws Exception {
    assertTrue(
        errorFor("site.code = SB001", "bus.reply-delay-bits = 400")
            .contains("must lie between 11 and 330."));
  }
}
