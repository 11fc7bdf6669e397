package io.releve.gateway.sim.building;

import io.releve.common.config.ConfigException;
import io.releve.gateway.config.SimulatedBuildingFile;
import io.releve.gateway.config.SimulatedBuildingFile.RadiatorRef;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.sim.SimulatedMeter;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.SiteCode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A simulated apartment building built from its description ({@link SimulatedBuildingFile}): the
 * dwellings of each stairwell with a cold and a warm water meter and an allocator on every
 * radiator, and the building's heat meter in the boiler room. The same description (and seed)
 * always gives the same building: identities, printed serials, lots, radiators and consumption.
 *
 * <p>Buses: one per stairwell ({@code stairwell-a}, {@code stairwell-b}…) carrying the meters of
 * its dwellings, addressed 1, 2, 3… in dwelling order (cold water, warm water, then allocators room
 * by room), and one ({@code boiler-room}) with the heat meter at address 1. Real buildings are
 * often wired that way, one level converter per riser, and it lets buses poll in parallel.
 *
 * <p>Faults: the leaking WC adds 15 L/h and the dripping tap 5 L/h, day and night, to the cold
 * water of their dwellings (level 3 and level 1 leaks, DESIGN §3.3), from the instant the leaks
 * began ({@link #leaksBegan()}); the radiator turned off counts nothing.
 */
public final class Building {

  /** Label of the pseudo-dwelling holding the building's own meters. */
  public static final String BOILER_ROOM = "Chaufferie";

  /** Name of the bus of the heat meter. */
  public static final String BOILER_ROOM_BUS = "boiler-room";

  /** A constant flow above 12 L/h: a level-3 leak (the guide's open tap or running WC). */
  public static final long LEAKING_WC_MILLILITRES_PER_HOUR = 15_000;

  /** A constant flow in [4, 8) L/h: a level-1 leak. */
  public static final long DRIPPING_TAP_MILLILITRES_PER_HOUR = 5_000;

  // Identities follow one manufacturer per kind of device, as in a real building equipped by one
  // installer: Sensus water meters, Qundis allocators, a Kamstrup heat meter.
  private static final String WATER_MANUFACTURER = "SEN";
  private static final int WATER_VERSION = 0x68;
  private static final String HCA_MANUFACTURER = "QDS";
  private static final int HCA_VERSION = 0x35;
  private static final String HEAT_MANUFACTURER = "KAM";
  private static final int HEAT_VERSION = 0x1B;

  /** Litres a resident draws per day: cold and warm (about 150 L in all in France). */
  private static final double WARM_LITRES_PER_PERSON = 45;

  /** Allocator units per heating degree-day, by room: living rooms have the big radiators. */
  private static final Map<String, Double> UNITS_PER_DEGREE_DAY =
      Map.of(
          "Séjour", 1.6,
          "Cuisine", 0.6,
          "Chambre 1", 0.9,
          "Salle de bains", 0.8,
          "Chambre 2", 0.9,
          "Chambre 3", 0.8,
          "Entrée", 0.5);

  /** kWh per heating degree-day per dwelling at the heat meter. */
  private static final double KWH_PER_DEGREE_DAY_PER_DWELLING = 2.5;

  private static final int FIRST_WATER_SERIAL = 29_700;

  private final SimulatedBuildingFile description;
  private final Instant leaksBegan;
  private final List<InstalledDevice> installation;
  private final List<SimulatedMeter> meters;
  private final Map<DeviceIdentity, SimulatedMeter> byIdentity;
  private final List<BusPlan> plans;

  private Building(
      SimulatedBuildingFile description,
      Instant leaksBegan,
      List<InstalledDevice> installation,
      List<SimulatedMeter> meters,
      List<BusPlan> plans) {
    this.description = description;
    this.leaksBegan = leaksBegan;
    this.installation = List.copyOf(installation);
    this.meters = List.copyOf(meters);
    this.plans = List.copyOf(plans);
    this.byIdentity = new HashMap<>();
    for (SimulatedMeter meter : meters) {
      byIdentity.put(meter.address().identity(), meter);
    }
  }

  /**
   * Reads a building description and builds the building as started at {@code startedAt} (see
   * {@link #startedAt}).
   *
   * @throws ConfigException naming the file, key, line and value of the first error
   */
  public static Building load(Path file, Instant startedAt) throws ConfigException {
    return startedAt(SimulatedBuildingFile.load(file), startedAt);
  }

  /**
   * The building as started at {@code startedAt} (when the demo, {@code simulate serve} or {@code
   * simulate backfill} runs): its leaks began {@code faults.leak-start} before the start of that
   * hour. Counting from the whole hour lets the commands started within one hour, a backfill then
   * the served buses, agree on every index.
   */
  public static Building startedAt(SimulatedBuildingFile description, Instant startedAt) {
    return of(description, startedAt.truncatedTo(ChronoUnit.HOURS).minus(description.leakStart()));
  }

  /**
   * Builds the building a validated description describes, its leaks begun at {@code leaksBegan}.
   */
  public static Building of(SimulatedBuildingFile description, Instant leaksBegan) {
    return new Builder(
            Objects.requireNonNull(description, "description"),
            Objects.requireNonNull(leaksBegan, "leaksBegan"))
        .build();
  }

  public SimulatedBuildingFile description() {
    return description;
  }

  public SiteCode site() {
    return description.site();
  }

  /** When the leaking WC and the dripping tap began to leak, if the building has them. */
  public Instant leaksBegan() {
    return leaksBegan;
  }

  /** The zone the meters' clocks are set to. */
  public ZoneId meterZone() {
    return description.meterZone();
  }

  /**
   * Every device as the installer records it (what {@code releve meters import} takes), by dwelling
   * then bus address; the boiler room last.
   */
  public List<InstalledDevice> installation() {
    return installation;
  }

  /** The simulated meter of each device, in the order of {@link #installation()}. */
  public List<SimulatedMeter> meters() {
    return meters;
  }

  /** The meter with this identity, if the building has it. */
  public Optional<SimulatedMeter> meter(DeviceIdentity identity) {
    return Optional.ofNullable(byIdentity.get(identity));
  }

  /** The wired buses, stairwells first, then the boiler room. */
  public List<BusPlan> plans() {
    return plans;
  }

  /**
   * Every meter of the plans as the gateway records it for polling after a primary scan: its bus,
   * its identity and its primary address, found at {@code foundAt}.
   */
  public List<BusMeter> busMeters(Instant foundAt) {
    List<BusMeter> meters = new ArrayList<>();
    for (BusPlan plan : plans) {
      for (PlannedSlave slave : plan.slaves()) {
        meters.add(
            new BusMeter(
                plan.name(),
                slave.meter().address().identity(),
                BusMeter.Addressing.PRIMARY,
                slave.primaryAddress(),
                foundAt));
      }
    }
    return meters;
  }

  /** Builds the building once, drawing every random choice from one seeded stream in order. */
  private static final class Builder {
    private final SimulatedBuildingFile file;
    private final Instant leaksBegan;
    private final SplittableRandom random;
    private final SetDay setDay;
    private final List<InstalledDevice> installation = new ArrayList<>();
    private final List<SimulatedMeter> meters = new ArrayList<>();
    private final List<BusPlan> plans = new ArrayList<>();
    private int nextWaterSerial = FIRST_WATER_SERIAL;

    Builder(SimulatedBuildingFile file, Instant leaksBegan) {
      this.file = file;
      this.leaksBegan = leaksBegan;
      this.random = new SplittableRandom(file.seed());
      this.setDay = new SetDay(file.setDay(), file.meterZone());
    }

    Building build() {
      for (int stairwell = 0; stairwell < file.stairwells(); stairwell++) {
        List<PlannedSlave> slaves = new ArrayList<>();
        for (int number = 1; number <= file.dwellingsPerStairwell(); number++) {
          dwelling(stairwell, number, slaves);
        }
        plans.add(
            new BusPlan(
                "stairwell-" + (char) ('a' + stairwell),
                file.baud(),
                file.replyDelayBits(),
                slaves));
      }
      boilerRoom();
      return new Building(file, leaksBegan, installation, meters, plans);
    }

    private void dwelling(int stairwell, int number, List<PlannedSlave> slaves) {
      String label = SimulatedBuildingFile.dwellingLabel(stairwell, number);
      Dwelling dwelling =
          new Dwelling(file.site(), label, Integer.toString((stairwell + 1) * 100 + number));
      int radiators =
          file.radiatorsMin() + random.nextInt(file.radiatorsMax() - file.radiatorsMin() + 1);
      int persons = Math.max(1, radiators - 2 + random.nextInt(2));
      String digits = String.format("%02d%02d", stairwell + 1, number);

      long leak = 0;
      if (file.leakingWc().filter(label::equals).isPresent()) {
        leak += LEAKING_WC_MILLILITRES_PER_HOUR;
      }
      if (file.drippingTap().filter(label::equals).isPresent()) {
        leak += DRIPPING_TAP_MILLILITRES_PER_HOUR;
      }
      // cold water follows the household's uses event by event (flushes, showers, taps…), so
      // that its quiet hours, day and night, are those of a real household
      ConsumptionModel cold =
          ConsumptionModel.of(
                  new HouseholdWater(persons, random.nextLong()),
                  file.meterZone(),
                  random.nextLong(20_000, 150_000) * 1000)
              .withConstantFlowFrom(leaksBegan, leak);
      ConsumptionModel warm =
          ConsumptionModel.water(
              WARM_LITRES_PER_PERSON * persons * random.nextDouble(0.8, 1.2),
              random.nextLong(),
              file.meterZone(),
              random.nextLong(10_000, 60_000));
      water(dwelling, "11" + digits + "01", Medium.COLD_WATER, cold, slaves);
      water(dwelling, "12" + digits + "01", Medium.WARM_WATER, warm, slaves);

      for (int r = 1; r <= radiators; r++) {
        String room = SimulatedBuildingFile.ROOMS.get(r - 1);
        ConsumptionModel units =
            ConsumptionModel.heating(
                UNITS_PER_DEGREE_DAY.get(room) * random.nextDouble(0.8, 1.2),
                random.nextLong(),
                file.meterZone(),
                0);
        if (file.radiatorOff().equals(Optional.of(new RadiatorRef(label, r)))) {
          units = ConsumptionModel.of(DayProfile.NONE, file.meterZone(), 0);
        }
        DeviceIdentity identity =
            new DeviceIdentity(
                HCA_MANUFACTURER,
                String.format("30%s%02d", digits, r),
                HCA_VERSION,
                Medium.HEAT_COST_ALLOCATOR.code());
        add(
            new InstalledDevice(
                identity,
                Medium.HEAT_COST_ALLOCATOR,
                PrintedSerial.of("6QDS" + identity.id().substring(1)),
                dwelling,
                room),
            new HeatCostAllocator(identity, units, setDay),
            slaves);
      }
    }

    private void water(
        Dwelling dwelling,
        String id,
        Medium medium,
        ConsumptionModel model,
        List<PlannedSlave> slaves) {
      DeviceIdentity identity =
          new DeviceIdentity(WATER_MANUFACTURER, id, WATER_VERSION, medium.code());
      PrintedSerial serial = PrintedSerial.of(String.format("H8CA%06d", nextWaterSerial++));
      add(
          new InstalledDevice(identity, medium, serial, dwelling, null),
          new WaterMeter(identity, model, setDay),
          slaves);
    }

    private void boilerRoom() {
      int dwellings = file.stairwells() * file.dwellingsPerStairwell();
      ConsumptionModel energy =
          ConsumptionModel.heating(
              KWH_PER_DEGREE_DAY_PER_DWELLING * dwellings * random.nextDouble(0.9, 1.1),
              random.nextLong(),
              file.meterZone(),
              random.nextLong(100_000, 400_000));
      DeviceIdentity identity =
          new DeviceIdentity(
              HEAT_MANUFACTURER, "51000001", HEAT_VERSION, Medium.HEAT_OUTLET.code());
      List<PlannedSlave> slaves = new ArrayList<>();
      add(
          new InstalledDevice(
              identity,
              Medium.HEAT_OUTLET,
              PrintedSerial.of(HEAT_MANUFACTURER + identity.id()),
              new Dwelling(file.site(), BOILER_ROOM, null),
              null),
          new HeatMeter(identity, energy, setDay),
          slaves);
      plans.add(new BusPlan(BOILER_ROOM_BUS, file.baud(), file.replyDelayBits(), slaves));
    }

    private void add(InstalledDevice device, SimulatedMeter meter, List<PlannedSlave> slaves) {
      installation.add(device);
      meters.add(meter);
      slaves.add(new PlannedSlave(slaves.size() + 1, meter));
    }
  }
}
