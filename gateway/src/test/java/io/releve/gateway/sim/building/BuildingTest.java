package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.sim.SimulatedMeter;
import io.releve.gateway.store.InstalledDevice;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuildingTest {

  static final Path SHIPPED = Path.of("..", "config", "simulated-building.conf");
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** When the tests start the shipped building: its leaks began 3 days before, on 9 February. */
  static final Instant STARTED = Instant.parse("2026-02-12T01:20:00Z");

  static final Instant LEAKS_BEGAN = Instant.parse("2026-02-09T01:00:00Z");

  private static Building building;

  @BeforeAll
  static void load() throws Exception {
    building = Building.load(SHIPPED, STARTED);
  }

  static SimulatedMeter meterOf(Building building, String dwelling, Medium medium, String room) {
    InstalledDevice device =
        building.installation().stream()
            .filter(
                d ->
                    d.dwelling().label().equals(dwelling)
                        && d.medium() == medium
                        && (room == null || room.equals(d.room())))
            .findFirst()
            .orElseThrow();
    return building.meter(device.identity()).orElseThrow();
  }

  /** The volume the meter shows at each local hour from {@code first}, in litres. */
  private static long[] nightLitres(SimulatedMeter meter, String first, int hours) {
    long[] litres = new long[hours];
    Instant start = LocalDateTime.parse(first).atZone(PARIS).toInstant();
    for (int h = 0; h < hours; h++) {
      DecodedFrame frame = Telegrams.read(meter, start.plus(Duration.ofHours(h))).get(0);
      litres[h] = Telegrams.number(frame, Quantity.VOLUME, 0).movePointRight(3).longValueExact();
    }
    return litres;
  }

  @Test
  void load_shippedFile_hasFortyDwellingsWithWaterMetersAndAllocators() {
    List<InstalledDevice> devices = building.installation();

    long dwellings =
        devices.stream()
            .map(d -> d.dwelling().label())
            .filter(l -> !l.equals("Chaufferie"))
            .distinct()
            .count();
    assertEquals(40, dwellings);
    assertEquals(40, devices.stream().filter(d -> d.medium() == Medium.COLD_WATER).count());
    assertEquals(40, devices.stream().filter(d -> d.medium() == Medium.WARM_WATER).count());
    long allocators =
        devices.stream().filter(d -> d.medium() == Medium.HEAT_COST_ALLOCATOR).count();
    assertTrue(allocators >= 40 * 3 && allocators <= 40 * 6, allocators + " allocators");
    assertEquals(1, devices.stream().filter(d -> d.medium() == Medium.HEAT_OUTLET).count());
    assertTrue(
        devices.stream()
            .filter(d -> d.medium() == Medium.HEAT_COST_ALLOCATOR)
            .allMatch(d -> d.room() != null));
    assertTrue(devices.stream().anyMatch(d -> "Séjour".equals(d.room())));
    assertTrue(devices.stream().allMatch(d -> d.site().value().equals("SB001")));
  }

  @Test
  void installation_everyMeterHasItsDevice_withUniqueIdentitiesAndPrintedSerials() {
    List<InstalledDevice> devices = building.installation();
    List<SimulatedMeter> meters = building.meters();

    assertEquals(devices.size(), meters.size());
    Set<DeviceIdentity> identities = new HashSet<>();
    Set<PrintedSerial> serials = new HashSet<>();
    for (int i = 0; i < devices.size(); i++) {
      InstalledDevice device = devices.get(i);
      assertEquals(device.identity(), meters.get(i).address().identity());
      assertEquals(device.medium(), device.identity().medium());
      assertTrue(identities.add(device.identity()), "twice: " + device.identity());
      assertTrue(serials.add(device.printedSerial()), "twice: " + device.printedSerial());
      assertTrue(device.dwelling().label().equals("Chaufferie") || device.lot() != null);
    }
  }

  @Test
  void plans_oneBusPerStairwellAndTheBoilerRoom_carryEveryMeterOnceWithUniqueAddresses() {
    List<BusPlan> plans = building.plans();

    assertEquals(
        List.of("stairwell-a", "stairwell-b", "stairwell-c", "stairwell-d", "boiler-room"),
        plans.stream().map(BusPlan::name).toList());
    Set<SimulatedMeter> planned = new HashSet<>();
    for (BusPlan plan : plans) {
      assertEquals(2400, plan.baud());
      assertEquals(11, plan.replyDelayBits());
      for (int i = 0; i < plan.slaves().size(); i++) {
        assertEquals(i + 1, plan.slaves().get(i).primaryAddress());
        assertTrue(planned.add(plan.slaves().get(i).meter()));
      }
    }
    assertEquals(new HashSet<>(building.meters()), planned);
  }

  @Test
  void load_sameFileTwice_givesTheSameBuildingAndIndexes() throws Exception {
    Building again = Building.load(SHIPPED, STARTED);
    Instant when = Instant.parse("2026-02-10T07:45:00Z");

    assertEquals(building.installation(), again.installation());
    for (int i = 0; i < building.meters().size(); i += 17) {
      assertEquals(
          Telegrams.read(building.meters().get(i), when).get(0).records(),
          Telegrams.read(again.meters().get(i), when).get(0).records());
    }
  }

  @Test
  void readout_everyMeter_decodesWithOurDecoderIntoItsMedium() {
    Instant when = Instant.parse("2026-01-20T06:00:00Z");
    for (int i = 0; i < building.meters().size(); i++) {
      for (DecodedFrame frame : Telegrams.read(building.meters().get(i), when)) {
        assertEquals(building.installation().get(i).medium(), frame.medium());
        assertTrue(frame.records().size() >= 4);
      }
    }
  }

  @Test
  void readout_leakingWcAtNight_indexGrowsFifteenLitresPerHour() {
    long[] litres =
        nightLitres(meterOf(building, "A03", Medium.COLD_WATER, null), "2026-02-11T04:00", 2);

    for (int h = 1; h < litres.length; h++) {
      assertEquals(15, litres[h] - litres[h - 1], "hour " + h);
    }
  }

  @Test
  void readout_drippingTapAtNight_indexGrowsFiveLitresPerHour() {
    long[] litres =
        nightLitres(meterOf(building, "B07", Medium.COLD_WATER, null), "2026-02-11T04:00", 2);

    for (int h = 1; h < litres.length; h++) {
      assertEquals(5, litres[h] - litres[h - 1], "hour " + h);
    }
  }

  @Test
  void startedAt_leaksBeganThreeDaysBeforeTheHourItStarted() {
    assertEquals(LEAKS_BEGAN, building.leaksBegan());
  }

  @Test
  void readout_leakingWcTheNightBeforeItsLeakBegan_indexStandsStill() {
    long[] litres =
        nightLitres(meterOf(building, "A03", Medium.COLD_WATER, null), "2026-02-08T04:00", 2);

    assertEquals(litres[0], litres[1]);
  }

  @Test
  void readout_drippingTapFromTheHourItsLeakBegan_indexGrowsFiveLitresPerHour() {
    // 01:00 UTC is 02:00 in Paris: this (seeded) household draws nothing that night hour
    SimulatedMeter tap = meterOf(building, "B07", Medium.COLD_WATER, null);
    long before = litres(tap, LEAKS_BEGAN.minus(Duration.ofMinutes(15)));
    long began = litres(tap, LEAKS_BEGAN);
    long hourLater = litres(tap, LEAKS_BEGAN.plus(Duration.ofHours(1)));

    assertEquals(before, began);
    assertEquals(5, hourLater - began);
  }

  private static long litres(SimulatedMeter meter, Instant time) {
    DecodedFrame frame = Telegrams.read(meter, time).get(0);
    return Telegrams.number(frame, Quantity.VOLUME, 0).movePointRight(3).longValueExact();
  }

  @Test
  void readout_soundDwellingAtNight_indexStandsStill() {
    long[] litres =
        nightLitres(meterOf(building, "A04", Medium.COLD_WATER, null), "2026-02-11T01:00", 4);

    assertEquals(litres[0], litres[3]);
  }

  @Test
  void readout_radiatorTurnedOff_showsNoUnitsInWinter_andItsNeighbourDoes() {
    HeatCostAllocator off =
        (HeatCostAllocator) meterOf(building, "C02", Medium.HEAT_COST_ALLOCATOR, "Cuisine");
    HeatCostAllocator on =
        (HeatCostAllocator) meterOf(building, "C02", Medium.HEAT_COST_ALLOCATOR, "Séjour");
    Instant february = Instant.parse("2026-02-15T12:00:00Z");

    assertEquals(
        BigDecimal.ZERO,
        Telegrams.number(Telegrams.read(off, february).get(0), Quantity.HCA_UNITS, 0));
    assertTrue(on.unitsAt(february) > 100, on.unitsAt(february) + " units in the living room");
  }
}
