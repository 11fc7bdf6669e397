package io.releve.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.sim.building.Building;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped simulated building's landlord files, as the demo imports them into the portal. */
class LandlordFilesTest {

  static final Path SHIPPED = Path.of("..", "config", "simulated-building.conf");

  static Building shipped() throws Exception {
    return Building.load(SHIPPED, Instant.parse("2026-11-29T02:00:00Z"));
  }

  @Test
  void theShippedBuilding_givesItsAddress_fortyFlatsWithLotAndClientRef_andTheManager()
      throws Exception {
    Map<String, String> files = LandlordFiles.of(shipped());

    assertEquals(List.of("addresses", "dwellings", "managers"), List.copyOf(files.keySet()));
    assertEquals(
        "site;street;postcode;city\nSB001;12 rue des Compteurs;69003;Lyon\n",
        files.get("addresses"));
    List<String> dwellings = files.get("dwellings").lines().toList();
    assertEquals(41, dwellings.size(), "a header and 4 stairwells of 10 flats, no boiler room");
    assertEquals("site;dwelling;lot;client_ref", dwellings.get(0));
    assertEquals("SB001;A01;101;L/10101", dwellings.get(1));
    assertTrue(dwellings.contains("SB001;A03;103;L/10103"));
    assertEquals("SB001;D10;410;L/10410", dwellings.get(40));
    assertEquals(
        "email;last_name;first_name;sites\ngestion@demo.example;Martin;Claire;SB001\n",
        files.get("managers"));
  }
}
