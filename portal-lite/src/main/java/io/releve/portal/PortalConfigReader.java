package io.releve.portal;

import io.releve.cloud.config.Secret;
import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.common.config.ConfigReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The portal's typed reads of the cloud's configuration file. It checks only the {@code portal.*}
 * keys (the bridge checks the others). An empty value counts as not set, as for the bridge.
 */
final class PortalConfigReader extends ConfigReader {

  static final String PREFIX = "portal.";

  PortalConfigReader(ConfigFile file) {
    super(file, "config/cloud.conf");
    // the bridge's keys are the bridge's business: it has already checked them
    for (String key : keys()) {
      if (!key.startsWith(PREFIX)) {
        super.entry(key);
      }
    }
  }

  /** The entry of {@code key}, or null when absent or empty. */
  @Override
  public ConfigFile.Entry entry(String key) {
    ConfigFile.Entry entry = super.entry(key);
    return entry == null || entry.value().isEmpty() ? null : entry;
  }

  /** {@code true} or {@code false}, or {@code fallback} when unset. */
  boolean bool(String key, boolean fallback) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    return switch (entry.value()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(entry, "must be true or false.");
    };
  }

  /** A port from 1 to 65535, or {@code fallback} when unset. */
  int port(String key, int fallback) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(entry.value());
    } catch (NumberFormatException e) {
      throw bad(entry, "must be a port number between 1 and 65535.");
    }
    if (value < 1 || value > 65535) {
      throw bad(entry, "must be a port number between 1 and 65535.");
    }
    return value;
  }

  /**
   * The first line of the file named by {@code key}, or null when unset. The secret is never part
   * of a message.
   */
  Secret secretFile(String key) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    Path file = resolve(entry.value());
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw bad(entry, "must name a readable file; " + file + " is not one.");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw bad(entry, "cannot be read: " + e.getClass().getSimpleName() + ".");
    }
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.isEmpty()) {
      throw bad(entry, "must name a file whose first line holds the password.");
    }
    return new Secret(firstLine);
  }

  /** A relative path against the configuration file's folder. */
  Path beside(String text) {
    return resolve(text);
  }
}
