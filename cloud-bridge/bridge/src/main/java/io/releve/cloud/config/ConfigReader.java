package io.releve.cloud.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a {@link ConfigFile}, naming file, key, line and value in every error,
 * and refuses keys nobody read (a misspelt key would otherwise be ignored in silence). An empty
 * value counts as not set.
 */
final class ConfigReader {

  private final ConfigFile file;
  private final Set<String> used = new HashSet<>();

  ConfigReader(ConfigFile file) {
    this.file = file;
  }

  Path path() {
    return file.path();
  }

  /** The entry of {@code key}, or null when absent or empty. */
  ConfigFile.Entry entry(String key) {
    used.add(key);
    ConfigFile.Entry entry = file.entries().get(key);
    return entry == null || entry.value().isEmpty() ? null : entry;
  }

  String string(String key, String fallback, Pattern format, String formatDescription)
      throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    if (!format.matcher(entry.value()).matches()) {
      throw bad(entry, "must be " + formatDescription + ".");
    }
    return entry.value();
  }

  /** A path; relative paths resolve against the configuration file's folder. */
  Path path(String key, String fallback) {
    ConfigFile.Entry entry = entry(key);
    return entry == null ? resolve(fallback) : resolve(entry.value());
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
      throw bad(file.entries().get(key), "cannot be read: " + e.getClass().getSimpleName() + ".");
    }
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.isEmpty()) {
      throw bad(file.entries().get(key), "must name a file whose first line holds the password.");
    }
    return new Secret(firstLine);
  }

  /** Fails on the first key that no typed read consumed. */
  void rejectUnknownKeys() throws ConfigException {
    for (ConfigFile.Entry entry : file.entries().values()) {
      if (!used.contains(entry.key())) {
        throw new ConfigException(
            path()
                + ": key ["
                + entry.key()
                + "] (line "
                + entry.line()
                + ") with value ["
                + entry.value()
                + "] is not a known setting; see config/cloud.conf for the list.");
      }
    }
  }

  ConfigException bad(ConfigFile.Entry entry, String problem) {
    return ConfigException.badValue(path(), entry.key(), entry.line(), entry.value(), problem);
  }

  private Path resolve(String text) {
    Path value = Path.of(text);
    if (value.isAbsolute()) {
      return value;
    }
    Path folder = file.path().toAbsolutePath().getParent();
    return folder == null ? value : folder.resolve(value).normalize();
  }
}
