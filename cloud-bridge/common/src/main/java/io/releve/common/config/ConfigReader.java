package io.releve.common.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads values out of a {@link ConfigFile}, naming file, key, line and value in every error, and
 * refuses keys nobody read (a misspelt key would otherwise be ignored in silence). Each program
 * extends it with the typed reads its settings need; every read goes through {@link #entry}, which
 * marks the key as known.
 */
public class ConfigReader {

  private final ConfigFile file;
  private final String settingsList;
  private final Set<String> used = new HashSet<>();

  /**
   * @param settingsList where the documented keys are listed, for the unknown-key message
   *     ("config/releve.conf")
   */
  protected ConfigReader(ConfigFile file, String settingsList) {
    this.file = file;
    this.settingsList = settingsList;
  }

  /** The configuration file. */
  public Path path() {
    return file.path();
  }

  /** The entry of {@code key}, or null when absent; marks the key as known. */
  public ConfigFile.Entry entry(String key) {
    used.add(key);
    return file.entries().get(key);
  }

  /** Every key of the file, in file order, whether read or not. */
  protected Set<String> keys() {
    return file.entries().keySet();
  }

  /** The value of {@code key}, which must match {@code format}, or {@code fallback} when unset. */
  public String string(String key, String fallback, Pattern format, String formatDescription)
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
  public Path path(String key, String fallback) {
    ConfigFile.Entry entry = entry(key);
    return resolve(entry == null ? fallback : entry.value());
  }

  /** Fails on the first key that no read consumed. */
  public void rejectUnknownKeys() throws ConfigException {
    for (ConfigFile.Entry entry : file.entries().values()) {
      if (!used.contains(entry.key())) {
        throw new ConfigException(
            path()
                + ": key ["
                + entry.key()
                + "] (line "
                + entry.line()
                + ") with value ["
                + shown(entry)
                + "] is not a known setting; see "
                + settingsList
                + " for the list.");
      }
    }
  }

  /** "{file}: key [{key}] (line {n}) has value [{value}]: {problem}". */
  public ConfigException bad(ConfigFile.Entry entry, String problem) {
    return ConfigException.badValue(path(), entry.key(), entry.line(), shown(entry), problem);
  }

  /** A key that names a secret: its value is never repeated in a message (it would reach logs). */
  private static final java.util.regex.Pattern SECRET_KEY =
      java.util.regex.Pattern.compile("(?i).*(password|secret|token)(?!-file).*");

  /** A password given inside a URL: {@code password=…} as a parameter. */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password|secret|token)=[^&;\\s]*");

  /** A password given inside a URL: {@code scheme://user:password@host}. */
  private static final Pattern USER_INFO = Pattern.compile("//([^/:@\\s]*):[^/@\\s]*@");

  /**
   * The value as an error may show it: hidden for a secret's key, and with any password a URL holds
   * (a {@code password=} parameter, a {@code user:password@}) replaced by {@code hidden}.
   */
  static String shown(ConfigFile.Entry entry) {
    if (SECRET_KEY.matcher(entry.key()).matches()) {
      return "hidden";
    }
    String value = PASSWORD_PARAMETER.matcher(entry.value()).replaceAll("$1=hidden");
    return USER_INFO.matcher(value).replaceAll("//$1:hidden@");
  }

  /** {@code text} as a path; a relative one resolves against the configuration file's folder. */
  protected Path resolve(String text) {
    Path value = Path.of(text);
    if (value.isAbsolute()) {
      return value;
    }
    Path folder = file.path().toAbsolutePath().getParent();
    return folder == null ? value : folder.resolve(value).normalize();
  }
}
