package io.releve.cloud.cli;

import io.releve.cloud.config.CloudConfig;
import io.releve.common.config.ConfigException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option shared by every command. Without it: {@code $RELEVE_CLOUD_CONFIG},
 * then {@code /etc/releve/cloud.conf}. The {@code ./releve} launcher sets the variable to the
 * checkout's {@code config/cloud.conf} when {@code /etc/releve/cloud.conf} does not exist.
 */
public final class ConfigOption {

  static final String ENVIRONMENT = "RELEVE_CLOUD_CONFIG";
  static final Path SYSTEM_DEFAULT = Path.of("/etc/releve/cloud.conf");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file (default: $RELEVE_CLOUD_CONFIG, else /etc/releve/cloud.conf).")
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

  /** Loads and validates it; a {@link ConfigException} becomes exit 78 in the error handler. */
  public CloudConfig load() throws ConfigException {
    return CloudConfig.load(path());
  }
}
