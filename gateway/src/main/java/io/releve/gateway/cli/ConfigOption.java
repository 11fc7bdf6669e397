package io.releve.gateway.cli;

import io.releve.common.config.ConfigException;
import io.releve.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option shared by every command that needs the configuration. Without it:
 * {@code $RELEVE_CONFIG}, then {@code /etc/releve/releve.conf}.
 */
public final class ConfigOption {

  static final String ENVIRONMENT = "RELEVE_CONFIG";
  static final Path SYSTEM_DEFAULT = Path.of("/etc/releve/releve.conf");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: $RELEVE_CONFIG, else /etc/releve/releve.conf).")
  Path file;

  /** The file this command uses. */
  public Path path() {
    if (file != null) {
      return file;
    }
    String fromEnvironment = System.getenv(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return SYSTEM_DEFAULT;
  }

  private Optional<GatewayConfig> loaded;

  /** Loads and validates it; a {@link ConfigException} becomes exit 78 in the error handler. */
  public GatewayConfig load() throws ConfigException {
    return GatewayConfig.load(path());
  }

  /**
   * The configuration when its file exists (read once per command), else empty: commands that only
   * need a database path run without one. An invalid file is still an error.
   */
  public Optional<GatewayConfig> loadIfPresent() throws ConfigException {
    if (loaded == null) {
      Path file = path();
      loaded = Files.exists(file) ? Optional.of(GatewayConfig.load(file)) : Optional.empty();
    }
    return loaded;
  }
}
