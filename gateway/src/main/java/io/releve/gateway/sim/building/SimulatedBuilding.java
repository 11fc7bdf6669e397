package io.releve.gateway.sim.building;

import io.releve.gateway.sim.BusTiming;
import io.releve.gateway.sim.PtySlave;
import io.releve.gateway.sim.SimulatedBus;
import io.releve.gateway.sim.TcpSlaveServer;
import io.releve.gateway.sim.VirtualSlave;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The wired half of a {@link Building} running: each of its bus plans served by virtual slaves,
 * behind a TCP port on 127.0.0.1 (as an M-Bus serial server would be) or behind a pseudo-terminal
 * (as a USB level converter would be, through the gateway's real serial code). The meters answer
 * with their index at the instant of {@code clock}, which may run faster than real time.
 */
public final class SimulatedBuilding implements AutoCloseable {

  /** How the gateway reaches a simulated bus. */
  public enum Line {
    /** M-Bus over TCP, one port per bus. */
    TCP,
    /** A pseudo-terminal pair made by socat: the gateway opens one end as a serial port. */
    PTY
  }

  /** One simulated bus and where the gateway finds it. */
  public static final class RunningBus {
    private final BusPlan plan;
    private final SimulatedBus bus;
    private final TcpSlaveServer tcp;
    private final PtySlave pty;

    private RunningBus(BusPlan plan, SimulatedBus bus, TcpSlaveServer tcp, PtySlave pty) {
      this.plan = plan;
      this.bus = bus;
      this.tcp = tcp;
      this.pty = pty;
    }

    public String name() {
      return plan.name();
    }

    public BusPlan plan() {
      return plan;
    }

    public SimulatedBus bus() {
      return bus;
    }

    /** The slave at {@code primaryAddress}, to inject faults in it. */
    public Optional<VirtualSlave> slave(int primaryAddress) {
      return bus.slaves().stream().filter(s -> s.primaryAddress() == primaryAddress).findFirst();
    }

    /** The TCP address, or empty for a pseudo-terminal bus. */
    public Optional<String> host() {
      return tcp == null ? Optional.empty() : Optional.of(tcp.host());
    }

    /** The TCP port, or -1 for a pseudo-terminal bus. */
    public int port() {
      return tcp == null ? -1 : tcp.port();
    }

    /** The serial device the gateway opens, or empty for a TCP bus. */
    public Optional<String> device() {
      return pty == null ? Optional.empty() : Optional.of(pty.gatewaySide());
    }

    /** The lines of the gateway's configuration that make it poll this bus. */
    public String configBlock() {
      String prefix = "bus." + name() + ".";
      StringBuilder block = new StringBuilder();
      if (tcp != null) {
        block.append(prefix).append("transport = tcp\n");
        block.append(prefix).append("host = ").append(tcp.host()).append('\n');
        block.append(prefix).append("port = ").append(tcp.port()).append('\n');
      } else {
        block.append(prefix).append("transport = serial\n");
        block.append(prefix).append("device = ").append(pty.gatewaySide()).append('\n');
      }
      block.append(prefix).append("baud = ").append(plan.baud()).append('\n');
      return block.toString();
    }

    /** Where the gateway finds this bus, for people. */
    public String where() {
      return tcp != null ? "tcp://" + tcp.host() + ":" + tcp.port() : pty.gatewaySide();
    }

    private void close() throws IOException {
      if (tcp != null) {
        tcp.close();
      }
      if (pty != null) {
        pty.close();
      }
    }
  }

  private final Building building;
  private final List<RunningBus> buses;

  private SimulatedBuilding(Building building, List<RunningBus> buses) {
    this.building = building;
    this.buses = List.copyOf(buses);
  }

  /**
   * Starts one simulated bus per plan of {@code building}, at the baud rate and reply delay of its
   * plan.
   *
   * @throws IOException when a port cannot be bound or socat cannot be started; whatever was
   *     started is stopped again
   */
  public static SimulatedBuilding start(Building building, Clock clock, Line line)
      throws IOException {
    Objects.requireNonNull(building, "building");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(line, "line");
    List<RunningBus> started = new ArrayList<>();
    try {
      for (BusPlan plan : building.plans()) {
        BusTiming timing = new BusTiming(plan.baud(), plan.replyDelayBits());
        List<VirtualSlave> slaves = new ArrayList<>();
        for (PlannedSlave planned : plan.slaves()) {
          slaves.add(new VirtualSlave(planned.meter(), planned.primaryAddress()));
        }
        SimulatedBus bus = new SimulatedBus(plan.name(), timing, slaves, clock);
        started.add(
            line == Line.TCP
                ? new RunningBus(plan, bus, TcpSlaveServer.start(bus, timing), null)
                : new RunningBus(plan, bus, null, PtySlave.start(bus, timing)));
      }
    } catch (IOException | RuntimeException e) {
      closeAll(started, e);
      throw e;
    }
    return new SimulatedBuilding(building, started);
  }

  public Building building() {
    return building;
  }

  public List<RunningBus> buses() {
    return buses;
  }

  /** The bus named {@code name}. */
  public RunningBus bus(String name) {
    return buses.stream()
        .filter(b -> b.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException("The simulated building has no bus [" + name + "]."));
  }

  /** The gateway configuration lines of every bus, for a {@code releve.conf}. */
  public String configBlocks() {
    StringBuilder all = new StringBuilder();
    for (RunningBus bus : buses) {
      all.append(bus.configBlock());
    }
    return all.toString();
  }

  /** Echo every request back before the replies, as some level converters do. */
  public SimulatedBuilding echo(boolean echo) {
    for (RunningBus bus : buses) {
      bus.bus().echo(echo);
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    IOException first = closeAll(buses, null);
    if (first != null) {
      throw first;
    }
  }

  private static IOException closeAll(List<RunningBus> buses, Exception cause) {
    IOException first = null;
    for (RunningBus bus : buses) {
      try {
        bus.close();
      } catch (IOException e) {
        if (cause != null) {
          cause.addSuppressed(e);
        } else if (first == null) {
          first = e;
        }
      }
    }
    return first;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "simulated building %s, %d buses", building.site(), buses.size());
  }
}
