package io.releve.common.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw text of a configuration file: {@code key = value} lines, {@code #} comments, blank lines.
 * Each entry keeps its line number so that errors can point at it. Duplicate keys and lines without
 * {@code =} are errors: a silently ignored line is a setting that never applies.
 */
public final class ConfigFile {

  /** One {@code key = value} line. */
  public record Entry(String key, String value, int line) {}

  private final Path path;
  private final Map<String, Entry> entries;

  private ConfigFile(Path path, Map<String, Entry> entries) {
    this.path = path;
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static ConfigFile read(Path path) throws ConfigException {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(path + ": the configuration file does not exist.", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(path + ": the configuration file is not valid UTF-8.", e);
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot read the configuration file: " + e, e);
    }
    return parse(path, lines);
  }

  static ConfigFile parse(Path path, List<String> lines) throws ConfigException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        throw new ConfigException(
            path + ": line " + lineNumber + " [" + line + "] must have the form key = value.");
      }
      String key = line.substring(0, equals).strip();
      String value = line.substring(equals + 1).strip();
      Entry previous = entries.put(key, new Entry(key, value, lineNumber));
      if (previous != null) {
        throw new ConfigException(
            path
                + ": key ["
                + key
                + "] (line "
                + lineNumber
                + ") is already set on line "
                + previous.line()
                + ".");
      }
    }
    return new ConfigFile(path, entries);
  }

  public Path path() {
    return path;
  }

  public Map<String, Entry> entries() {
    return entries;
  }
}
