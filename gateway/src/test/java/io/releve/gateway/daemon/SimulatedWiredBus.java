package io.releve.gateway.daemon;

import io.releve.gateway.config.BusConfig;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.sim.BusTiming;
import io.releve.gateway.sim.SimulatedBus;
import io.releve.gateway.sim.SimulatedMeter;
import io.releve.gateway.sim.TcpSlaveServer;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.SetDay;
import io.releve.gateway.sim.building.WaterMeter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated wired bus of cold water meters behind a TCP serial server on 127.0.0.1, at 9600 baud
 * with the fastest reply the standard allows, for the tests of the daemon and of the commands that
 * talk to a bus. The server can go away and come back (on another port) to play a serial server
 * that reboots.
 */
public final class SimulatedWiredBus implements AutoCloseable {

  public static final int BAUD = 9600;

  /** Device type 0x16: cold water. */
  static final int COLD_WATER = 0x16;

  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  private final String name;
  private final SimulatedBus bus;
  private volatile TcpSlaveServer server;

  private SimulatedWiredBus(String name, SimulatedBus bus) throws IOException {
    this.name = name;
    this.bus = bus;
    this.server = TcpSlaveServer.start(bus);
  }

  /** Serves {@code slaves} as bus {@code name}; the meters read {@code clock}. */
  public static SimulatedWiredBus start(String name, Clock clock, List<VirtualSlave> slaves)
      throws IOException {
    return new SimulatedWiredBus(
        name, new SimulatedBus(name, BusTiming.minimumDelay(BAUD), slaves, clock));
  }

  /**
   * Serves {@code count} cold water meters at primary addresses 1, 2… with ids {@code idBase+1}…
   */
  public static SimulatedWiredBus ofWaterMeters(String name, Clock clock, int idBase, int count)
      throws IOException {
    VirtualSlave[] slaves = new VirtualSlave[count];
    for (int i = 0; i < count; i++) {
      slaves[i] = new VirtualSlave(waterMeter(String.format("%08d", idBase + i + 1)), i + 1);
    }
    return start(name, clock, List.of(slaves));
  }

  /** A cold water meter of LUG, version 0x0A, with a household's consumption. */
  public static WaterMeter waterMeter(String id) {
    return new WaterMeter(
        identity(id),
        ConsumptionModel.water(150, id.hashCode(), ZONE, 100),
        new SetDay(MonthDay.of(12, 31), ZONE));
  }

  public static DeviceIdentity identity(String id) {
    return new DeviceIdentity("LUG", id, 0x0A, COLD_WATER);
  }

  public String name() {
    return name;
  }

  public SimulatedBus bus() {
    return bus;
  }

  public VirtualSlave slave(int primaryAddress) {
    return bus.slaves().stream()
        .filter(s -> s.primaryAddress() == primaryAddress)
        .findFirst()
        .orElseThrow();
  }

  public int port() {
    return server.port();
  }

  /** The serial server goes away: the master's connection is closed and new ones are refused. */
  public void stopServer() throws IOException {
    server.close();
  }

  /** The serial server comes back, on a new port. */
  public void restartServer() throws IOException {
    server = TcpSlaveServer.start(bus);
  }

  /** This bus as the gateway configures it, at its current port. */
  public BusConfig config(Duration pollInterval) {
    return new BusConfig(
        name, BusConfig.Transport.TCP, null, "127.0.0.1", port(), BAUD, pollInterval, 2, 16);
  }

  /** The lines of a gateway configuration file for this bus. */
  public String configBlock(String pollInterval) {
    String prefix = "bus." + name + ".";
    return prefix
        + "transport = tcp\n"
        + prefix
        + "host = 127.0.0.1\n"
        + prefix
        + "port = "
        + port()
        + "\n"
        + prefix
        + "baud = "
        + BAUD
        + "\n"
        + prefix
        + "poll-interval = "
        + pollInterval
        + "\n";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** A meter that counts its readouts, so that a test can wait for the bus to reach it. */
  public static final class CountingMeter implements SimulatedMeter {
    private final SimulatedMeter meter;
    private final AtomicInteger readouts = new AtomicInteger();

    public CountingMeter(SimulatedMeter meter) {
      this.meter = meter;
    }

    public int readouts() {
      return readouts.get();
    }

    @Override
    public io.releve.gateway.link.SecondaryAddress address() {
      return meter.address();
    }

    @Override
    public List<byte[]> readout(Instant now) {
      readouts.incrementAndGet();
      return meter.readout(now);
    }
  }
}
