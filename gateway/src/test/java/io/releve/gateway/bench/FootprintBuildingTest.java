package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.sim.building.Building;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintBuildingTest {

  private static final Instant NOW = Instant.parse("2026-03-10T14:07:00Z");

  @Test
  void fiveHundredMeters_areFourStairwellsOf25DwellingsOfFive_andTheHeatMeter() {
    Building building = FootprintBuilding.of(500, NOW);

    // 4 × 25 × 5 = 500, plus the boiler room's heat meter
    assertEquals(501, building.meters().size());
    assertEquals(
        List.of(125, 125, 125, 125, 1),
        building.plans().stream().map(p -> p.slaves().size()).toList());
    assertEquals(2400, building.plans().get(0).baud());
  }

  @Test
  void twentyMeters_areFourDwellingsOnOneStairwell_andTheHeatMeter() {
    Building building = FootprintBuilding.of(20, NOW);

    // (20 - 1) / 5 = 3.8: 4 dwellings of 5, plus the heat meter
    assertEquals(21, building.meters().size());
    assertEquals(2, building.plans().size());
    assertEquals(List.of(20, 1), building.plans().stream().map(p -> p.slaves().size()).toList());
  }
}
