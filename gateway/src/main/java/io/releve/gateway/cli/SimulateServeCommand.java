package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.sim.building.SimulatedBuilding;
import io.releve.gateway.sim.building.SimulatedBuilding.Line;
import io.releve.gateway.sim.building.SimulationClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve simulate serve}: the building's wired buses as virtual M-Bus slaves, one TCP port
 * (or one pseudo-terminal) per bus, until Ctrl-C. Prints the configuration lines that make a
 * gateway poll them, and can write a whole gateway configuration file.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the simulated building's wired buses: virtual M-Bus slaves on 127.0.0.1 TCP ports",
      "(or pseudo-terminals with --pty), until Ctrl-C. Prints the bus.* lines for releve.conf."
    })
public final class SimulateServeCommand implements Callable<Integer> {

  @Mixin BuildingOption building;

  @Option(
      names = "--pty",
      description = "Serve each bus on a pseudo-terminal (needs socat) instead of a TCP port.")
  boolean pty;

  @Option(names = "--echo", description = "Echo every request, as some level converters do.")
  boolean echo;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description = "Meters' clock speed against real time (default 1; 60: an hour a minute).")
  double speed = 1;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      converter = DurationArgument.class,
      description = "Stop after this long (30s, 10m…; default: until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--gateway-config",
      paramLabel = "FILE",
      description = "Also write a gateway configuration polling these buses to FILE.")
  Path gatewayConfig;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = DurationArgument.class,
      description = "Poll interval written to --gateway-config (default 1m).")
  Duration pollInterval = Duration.ofMinutes(1);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DurationArgument.checkPollInterval(pollInterval);
    if (!(speed >= 1 && speed <= RunCommand.MAX_CLOCK_SPEED)) {
      throw new CliException(ExitCodes.USAGE, "--speed must lie between 1 and 10000.");
    }
    Clock clock = speed == 1 ? Clock.systemUTC() : SimulationClock.startingAt(Instant.now(), speed);
    Building loaded = building.load(clock.instant());
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    try (SimulatedBuilding running =
        SimulatedBuilding.start(loaded, clock, pty ? Line.PTY : Line.TCP)) {
      running.echo(echo);
      out.printf(
          "simulated building %s: %d dwellings, %d meters on %d buses%n",
          loaded.site(),
          loaded.installation().stream()
              .map(d -> d.dwelling().label())
              .filter(label -> !label.equals(Building.BOILER_ROOM))
              .distinct()
              .count(),
          loaded.meters().size(),
          running.buses().size());
      SimulatedBuses.printTable(out, running, "WHERE");
      out.println();
      out.println("# gateway configuration (releve.conf):");
      out.print(running.configBlocks());
      if (gatewayConfig != null) {
        SimulatedBuses.writeGatewayConfig(
            gatewayConfig,
            "Gateway configuration for the simulated building "
                + loaded.site()
                + ", written by 'releve simulate serve'.",
            "simulated-" + loaded.site(),
            loaded,
            running,
            pollInterval);
        out.println("# written to " + gatewayConfig);
      }
      out.println(
          duration == null ? "serving until Ctrl-C" : "serving for " + duration.toSeconds() + " s");
      out.flush();
      Thread hook =
          new Thread(
              () -> {
                interrupted.set(true);
                stop.countDown();
                try {
                  // wait for the buses to close: socat would outlive the JVM otherwise
                  closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "releve-simulate-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        if (duration == null) {
          stop.await();
        } else {
          stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        if (!interrupted.get()) {
          Runtime.getRuntime().removeShutdownHook(hook);
        }
      }
    } finally {
      closed.countDown();
    }
    return ExitCodes.OK;
  }
}
