package io.releve.gateway.diag;

import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.Durations;
import io.releve.gateway.config.GatewayConfig;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The configuration a gateway runs with, as {@code key = value} text, defaults filled in, secrets
 * redacted. The keys the gateway models come from its loaded {@link GatewayConfig}; every other
 * line of the same file (receivers, the uplink's settings) as written there.
 *
 * <p>Redacted: a key whose last part names a secret ({@code password}, {@code secret}, {@code
 * token}, {@code key}, {@code credential}) unless it names a file or path (the path to a password
 * file is shown, never its contents), and any value holding an AES key or a {@code password=}.
 */
final class ConfigView {

  /** What a secret's value is replaced with. */
  static final String REDACTED = "[redacted]";

  private static final Pattern SECRET_NAME =
      Pattern.compile("password|passwd|passphrase|secret|token|key|credential");
  private static final Pattern FILE_NAME = Pattern.compile(".*(file|path|dir|group)$");

  private ConfigView() {}

  /**
   * Every key and its value, by key.
   *
   * @throws ConfigException when the file cannot be read again
   */
  static Map<String, String> effective(GatewayConfig config) throws ConfigException {
    Map<String, String> values = new TreeMap<>();
    for (ConfigFile.Entry entry : ConfigFile.read(config.file()).entries().values()) {
      values.put(entry.key(), entry.value());
    }
    values.put("gateway.id", config.gatewayId());
    values.put("database.path", config.database().toString());
    values.put("meters.timezone", config.meterZone().getId());
    values.put("retention.raw-frames.days", String.valueOf(config.retention().rawFrameDays()));
    values.put("retention.readings.days", String.valueOf(config.retention().readingDays()));
    values.put("retention.quarantine.days", String.valueOf(config.retention().quarantineDays()));
    values.put("keys.path", config.keys().path().toString());
    values.put("keys.group", config.keys().group());
    for (BusConfig bus : config.buses()) {
      String prefix = "bus." + bus.name() + ".";
      values.put(prefix + "transport", bus.transport().name().toLowerCase(Locale.ROOT));
      if (bus.transport() == BusConfig.Transport.SERIAL) {
        values.put(prefix + "device", bus.device().toString());
      } else {
        values.put(prefix + "host", bus.host());
        values.put(prefix + "port", String.valueOf(bus.port()));
      }
      values.put(prefix + "baud", String.valueOf(bus.baud()));
      values.put(prefix + "poll-interval", Durations.describe(bus.pollInterval()));
      values.put(prefix + "retries", String.valueOf(bus.retries()));
      values.put(prefix + "max-telegrams", String.valueOf(bus.maxTelegrams()));
    }
    values.put("radio.duplicate-window", Durations.describe(config.radio().duplicateWindow()));
    values.put("radio.sensitivity", String.valueOf(config.radio().sensitivityDbm()));
    values.replaceAll(ConfigView::redact);
    return values;
  }

  /** {@code value}, or {@link #REDACTED} when {@code key} or the value hold a secret. */
  static String redact(String key, String value) {
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (SECRET_NAME.matcher(last).find() && !FILE_NAME.matcher(last).matches()) {
      return REDACTED;
    }
    return SecretMask.mask(value).equals(value) ? value : REDACTED;
  }
}
