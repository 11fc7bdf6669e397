package io.releve.gateway.cli;

import io.releve.common.text.TextTable;
import io.releve.gateway.config.Durations;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.sim.building.SimulatedBuilding;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What the commands that run the simulated building show and write about its buses. */
final class SimulatedBuses {

  private SimulatedBuses() {}

  /** One line per running bus: name, meters, speed, where the gateway finds it. */
  static void printTable(PrintWriter out, SimulatedBuilding running, String whereHeader) {
    TextTable table = new TextTable("BUS", "METERS", "BAUD", whereHeader);
    for (SimulatedBuilding.RunningBus bus : running.buses()) {
      table.add(
          bus.name(),
          String.valueOf(bus.plan().slaves().size()),
          String.valueOf(bus.plan().baud()),
          bus.where());
    }
    table.print(out);
  }

  /**
   * Writes a gateway configuration that polls every running bus every {@code pollInterval}, with
   * its database {@code releve.db} next to it.
   */
  static void writeGatewayConfig(
      Path file,
      String comment,
      String gatewayId,
      Building building,
      SimulatedBuilding running,
      Duration pollInterval)
      throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("# ").append(comment).append('\n');
    text.append("gateway.id = ").append(gatewayId.toLowerCase(Locale.ROOT)).append('\n');
    text.append("database.path = releve.db\n");
    text.append("meters.timezone = ").append(building.meterZone().getId()).append('\n');
    for (SimulatedBuilding.RunningBus bus : running.buses()) {
      text.append(bus.configBlock());
      text.append("bus.")
          .append(bus.name())
          .append(".poll-interval = ")
          .append(Durations.describe(pollInterval))
          .append('\n');
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
  }
}
