package io.releve.gateway.config;

import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.common.config.ConfigReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The gateway's typed reads of its configuration files: numbers in a range, durations, choices,
 * time zones, groups of keys. An empty value is a value, checked like any other.
 */
final class GatewayConfigReader extends ConfigReader {

  GatewayConfigReader(ConfigFile file) {
    super(file, "config/releve.conf");
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
    for (String key : keys()) {
      if (key.startsWith(prefix + ".")) {
        String rest = key.substring(prefix.length() + 1);
        int dot = rest.indexOf('.');
        names.add(dot < 0 ? rest : rest.substring(0, dot));
      }
    }
    return names;
  }
}
