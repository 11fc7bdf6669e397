package io.releve.gateway.cli;

import io.releve.common.config.ConfigException;
import io.releve.gateway.config.SimulatedBuildingFile;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --building FILE} option of the commands that run the simulated building: the option,
 * else {@code config/simulated-building.conf} of {@code $RELEVE_HOME} (set by the launcher), else
 * of the working directory.
 */
public final class BuildingOption {

  static final Path DEFAULT = Path.of("config", "simulated-building.conf");

  @Option(
      names = "--building",
      paramLabel = "FILE",
      description =
          "Simulated building description (default: config/simulated-building.conf of the"
              + " checkout).")
  Path file;

  /** The file this command uses. */
  Path path() {
    if (file != null) {
      return file;
    }
    String home = System.getenv("RELEVE_HOME");
    return home == null || home.isBlank() ? DEFAULT : Path.of(home).resolve(DEFAULT);
  }

  /** Loads and validates it; a {@link ConfigException} becomes exit 78. */
  SimulatedBuildingFile description() throws ConfigException {
    return SimulatedBuildingFile.load(path());
  }

  /**
   * Loads it and builds the building as started at {@code startedAt} ({@link Building#startedAt});
   * a {@link ConfigException} becomes exit 78.
   */
  Building load(Instant startedAt) throws ConfigException {
    return Building.load(path(), startedAt);
  }

  /**
   * Installs the building's devices that the inventory does not have yet, in one transaction.
   *
   * @return how many were installed
   */
  static int installMissing(Inventory inventory, List<InstalledDevice> devices) {
    List<InstalledDevice> missing = new ArrayList<>();
    for (InstalledDevice device : devices) {
      if (inventory.find(device.identity()).isEmpty()) {
        missing.add(device);
      }
    }
    return missing.isEmpty() ? 0 : inventory.importAll(missing);
  }
}
