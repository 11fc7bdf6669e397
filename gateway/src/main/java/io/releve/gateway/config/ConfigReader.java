package io.releve.gateway.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a {@link ConfigFile}, naming file, key, line and value in every error,
 * and refuses keys nobody read (a misspelt key would otherwise be ignored in silence).
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

  String requiredString(String key, Pattern format, String formatDescription)
      throws ConfigException {
    String value = string(key, null, format, formatDescription);
    if (value == null) {
      throw new ConfigException(path() + ": key [" + key + "] is required.");
    }
    return value;
  }

  int integer(String key, int fallback, int min, int max) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(entry.value());
    } catch (NumberFormatException e) {
      throw bad(entry, "must be a whole number between " + min + " and " + max + ".");
    }
    if (value < min || value > max) {
      throw bad(entry, "must lie between " + min + " and " + max + ".");
    }
    return value;
  }

  long longInteger(String key, long fallback, long min, long max) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(entry.value());
    } catch (NumberFormatException e) {
      throw bad(entry, "must be a whole number between " + min + " and " + max + ".");
    }
    if (value < min || value > max) {
      throw bad(entry, "must lie between " + min + " and " + max + ".");
    }
    return value;
  }

  /**
   * A duration written as a whole number and a unit: {@code 90s}, {@code 15m}, {@code 1h}, {@code
   * 3d}.
   *
   * @param min the shortest allowed, and max the longest
   */
  Duration duration(String key, Duration fallback, Duration min, Duration max)
      throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    var matcher = Durations.FORM.matcher(entry.value());
    String range = "between " + Durations.describe(min) + " and " + Durations.describe(max);
    if (!matcher.matches()) {
      throw bad(entry, "must be a number followed by s, m, h or d (such as 15m), " + range + ".");
    }
    Duration value = Durations.of(matcher);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw bad(entry, "must lie " + range + ".");
    }
    return value;
  }

  int oneOf(String key, int fallback, List<Integer> allowed) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(entry.value());
      if (allowed.contains(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed values
    }
    throw bad(entry, "must be one of " + allowed + ".");
  }

  <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(entry.value())) {
        return constant;
      }
    }
    List<String> names =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
            .toList();
    throw bad(entry, "must be one of " + names + ".");
  }

  /** A time zone by its IANA name, such as Europe/Paris. */
  ZoneId zone(String key, ZoneId fallback) throws ConfigException {
    ConfigFile.Entry entry = entry(key);
    if (entry == null) {
      return fallback;
    }
    try {
      return ZoneId.of(entry.value());
    } catch (DateTimeException e) {
      throw bad(entry, "must be a time zone name such as Europe/Paris.");
    }
  }

  /** A path; relative paths resolve against the configuration file's folder. */
  Path path(String key, String fallback) {
    ConfigFile.Entry entry = entry(key);
    String text = entry == null ? fallback : entry.value();
    Path value = Path.of(text);
    if (value.isAbsolute()) {
      return value;
    }
    Path folder = file.path().toAbsolutePath().getParent();
    return folder == null ? value : folder.resolve(value).normalize();
  }

  /** {@link #path(String, String)}, or null when the key is absent. */
  Path optionalPath(String key) {
    return entry(key) == null ? null : path(key, null);
  }

  /** Whether the file sets {@code key}. */
  boolean has(String key) {
    return entry(key) != null;
  }

  /** The distinct second segments of keys under {@code prefix.}: the names of buses, say. */
  Set<String> names(String prefix) {
    Set<String> names = new TreeSet<>();
    for (String key : file.entries().keySet()) {
      if (key.startsWith(prefix + ".")) {
        String rest = key.substring(prefix.length() + 1);
        int dot = rest.indexOf('.');
        names.add(dot < 0 ? rest : rest.substring(0, dot));
      }
    }
    return names;
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
                + "] is not a known setting; see config/releve.conf for the list.");
      }
    }
  }

  ConfigException bad(ConfigFile.Entry entry, String problem) {
    return ConfigException.badValue(path(), entry.key(), entry.line(), entry.value(), problem);
  }

  ConfigFile.Entry entry(String key) {
    used.add(key);
    return file.entries().get(key);
  }
}
