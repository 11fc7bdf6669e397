package io.releve.cloud.config;

import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.common.config.ConfigReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bridge's typed reads of its configuration file: readable files and secrets. An empty value
 * counts as not set, for every read.
 */
final class CloudConfigReader extends ConfigReader {

  CloudConfigReader(ConfigFile file) {
    super(file, "config/cloud.conf");
  }

  /** The entry of {@code key}, or null when absent or empty. */
  @Override
  public ConfigFile.Entry entry(String key) {
    ConfigFile.Entry entry = super.entry(key);
    return entry == null || entry.value().isEmpty() ? null : entry;
  }

  /** Marks the keys that start with one of {@code prefixes} as known: a service reads them. */
  void leaveToServices(java.util.List<String> prefixes) {
    for (String key : keys()) {
      if (prefixes.stream().anyMatch(key::startsWith)) {
        super.entry(key);
      }
    }
  }

  /** A file that must exist and be readable, or null when the key is not set. */
  Path readableFile(String key) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return null;
    }
    Path value = resolve(entry.value());
    if (!Files.isRegularFile(value) || !Files.isReadable(value)) {
      throw bad(entry, "must name a readable file; " + value + " is not one.");
    }
    return value;
  }

  /**
   * The first line of a file that holds a secret, or null when the key is not set. The secret is
   * never part of a message.
   */
  Secret secretFile(String key) throws ConfigException {
    Path value = readableFile(key);
    if (value == null) {
      return null;
    }
    String text;
    try {
      text = Files.readString(value, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw bad(entry(key), "cannot be read: " + e.getClass().getSimpleName() + ".");
    }
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.isEmpty()) {
      throw bad(entry(key), "must name a file whose first line holds the password.");
    }
    return new Secret(firstLine);
  }
}
