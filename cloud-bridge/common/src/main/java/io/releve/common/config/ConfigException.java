package io.releve.common.config;

import java.nio.file.Path;

/**
 * The configuration is invalid. The message names the file, the key (with its line when known) and
 * the bad value, so that the installer can fix it without reading code.
 */
public class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "{file}: key [{key}] (line {n}) has value [{value}]: {problem}". */
  public static ConfigException badValue(
      Path file, String key, int line, String value, String problem) {
    String where = line > 0 ? " (line " + line + ")" : "";
    return new ConfigException(
        file + ": key [" + key + "]" + where + " has value [" + value + "]: " + problem);
  }
}
