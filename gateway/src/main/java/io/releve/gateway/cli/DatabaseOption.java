package io.releve.gateway.cli;

import io.releve.common.config.ConfigException;
import io.releve.gateway.clock.DaemonTime;
import io.releve.gateway.config.GatewayConfig;
import io.releve.gateway.store.ClockBases;
import io.releve.gateway.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --database PATH} option shared by the commands that use the store, and the one place
 * where the database path is resolved: the option, else the environment variable {@value
 * #ENVIRONMENT_VARIABLE}, else {@code database.path} of the configuration file when there is one
 * (an invalid file is an error, exit 78), else {@code var/releve.db} under the working directory.
 */
public final class DatabaseOption {

  static final String ENVIRONMENT_VARIABLE = "RELEVE_DATABASE";
  static final Path DEFAULT = Path.of("var", "releve.db");

  @Option(
      names = "--database",
      paramLabel = "PATH",
      description =
          "SQLite database file (default: $"
              + ENVIRONMENT_VARIABLE
              + ", else database.path of the configuration, else var/releve.db)."
              + " Created when missing.")
  Path database;

  @Mixin ConfigOption config = new ConfigOption();

  /** The database file to use. */
  public Path path() throws ConfigException {
    Path resolved = resolve(database, System::getenv);
    if (resolved != null) {
      return resolved;
    }
    return config.loadIfPresent().map(GatewayConfig::database).orElse(DEFAULT);
  }

  /**
   * The zone of the meters' clocks: {@code meters.timezone} of the configuration when there is one,
   * else {@link GatewayConfig#DEFAULT_METER_ZONE}.
   */
  public ZoneId meterZone() throws ConfigException {
    return config
        .loadIfPresent()
        .map(GatewayConfig::meterZone)
        .orElse(GatewayConfig.DEFAULT_METER_ZONE);
  }

  /**
   * Opens the database; the caller closes it. Its clock is the system's, unless the daemon of this
   * boot runs on an unsynchronised clock: the command then stamps as the daemon does, so that what
   * it writes is re-timed with the rest (DESIGN §3.5).
   */
  public Database open() throws ConfigException {
    DaemonTime clock = DaemonTime.over(Clock.systemUTC());
    Database db = Database.open(path(), clock);
    clock.follow(new ClockBases(db).current());
    return db;
  }

  /** The option, else the environment; null when neither names a file. */
  static Path resolve(Path option, Function<String, String> environment) {
    if (option != null) {
      return option;
    }
    String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return null;
  }
}
