package io.releve.gateway.config;

import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.gateway.transport.BusSpeeds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The gateway's configuration, validated as a whole when loaded. Every error names the file, the
 * key with its line, and the bad value; the daemon and the CLI exit 78 (EX_CONFIG) on it.
 *
 * <p>The documented list of keys is {@code config/releve.conf}.
 *
 * @param file where it was read from
 * @param gatewayId the gateway's name in MQTT topics: lower-case letters, digits and dashes
 * @param database the SQLite file (relative paths resolve against the configuration's folder)
 * @param meterZone the zone the meters' clocks are set to: their date-time records carry none
 * @param retention how long rows are kept
 * @param buses the wired M-Bus lines, in name order
 * @param keys where the meters' AES keys are kept
 * @param radio the radio receivers and the duplicate window
 * @param uplink the broker and the outbox's pace; null when the gateway has no uplink
 * @param gpio the status LED, service button and M-Bus power lines; {@link GpioConfig#NONE} when
 *     off
 */
public record GatewayConfig(
    Path file,
    String gatewayId,
    Path database,
    ZoneId meterZone,
    RetentionConfig retention,
    List<BusConfig> buses,
    Keys keys,
    RadioConfig radio,
    UplinkConfig uplink,
    GpioConfig gpio) {

  /**
   * The key file of the radio meters (DESIGN §3.1).
   *
   * @param path the file ({@code keys.path}; default {@value #DEFAULT_FILE} next to the
   *     configuration file, so {@code /etc/releve/keys} once installed)
   * @param group the group that may read it, the daemon's ({@code keys.group}; default {@value
   *     #DEFAULT_GROUP}): {@code releve keys} run as root gives the file to root and this group
   */
  public record Keys(Path path, String group) {
    public static final String DEFAULT_FILE = "keys";
    public static final String DEFAULT_GROUP = "releve";

    /** The defaults for a configuration read from {@code configFile}. */
    public static Keys defaultsFor(Path configFile) {
      return new Keys(configFile.toAbsolutePath().resolveSibling(DEFAULT_FILE), DEFAULT_GROUP);
    }
  }

  /** Meters in French buildings keep French local time. */
  public static final ZoneId DEFAULT_METER_ZONE = ZoneId.of("Europe/Paris");

  private static final Pattern GATEWAY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern BUS_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,253}");
  private static final Pattern ANY = Pattern.compile(".+");

  /** A POSIX group name as Debian's adduser accepts it. */
  private static final Pattern GROUP = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

  private static final String SERIAL_BY_ID = "/dev/serial/by-id/";
  private static final int DEFAULT_BAUD = 2400;
  private static final int MAX_DAYS = 36_600;

  /** 96 readings a day: what the portal's daily and leak figures are built for (DESIGN §9). */
  private static final Duration DEFAULT_POLL = Duration.ofMinutes(15);

  /** The shortest and the longest poll interval of a bus. */
  public static final Duration MIN_POLL = Duration.ofSeconds(10);

  public static final Duration MAX_POLL = Duration.ofDays(1);
  private static final int DEFAULT_RETRIES = 2;
  private static final int MAX_RETRIES = 5;
  private static final int DEFAULT_TELEGRAMS = 16;

  /** A meter with more than 64 telegrams is far more likely to be looping than to be that big. */
  private static final int MAX_TELEGRAMS = 64;

  public GatewayConfig {
    buses = List.copyOf(buses);
    Objects.requireNonNull(gpio, "gpio");
  }

  /** A configuration without GPIO. */
  public GatewayConfig(
      Path file,
      String gatewayId,
      Path database,
      ZoneId meterZone,
      RetentionConfig retention,
      List<BusConfig> buses,
      Keys keys,
      RadioConfig radio,
      UplinkConfig uplink) {
    this(
        file,
        gatewayId,
        database,
        meterZone,
        retention,
        buses,
        keys,
        radio,
        uplink,
        GpioConfig.NONE);
  }

  /** A configuration without an uplink. */
  public GatewayConfig(
      Path file,
      String gatewayId,
      Path database,
      ZoneId meterZone,
      RetentionConfig retention,
      List<BusConfig> buses,
      Keys keys,
      RadioConfig radio) {
    this(file, gatewayId, database, meterZone, retention, buses, keys, radio, null);
  }

  /** The same configuration with another uplink (null for none). */
  public GatewayConfig withUplink(UplinkConfig other) {
    return new GatewayConfig(
        file, gatewayId, database, meterZone, retention, buses, keys, radio, other, gpio);
  }

  /** A configuration without radio receivers. */
  public GatewayConfig(
      Path file,
      String gatewayId,
      Path database,
      ZoneId meterZone,
      RetentionConfig retention,
      List<BusConfig> buses,
      Keys keys) {
    this(file, gatewayId, database, meterZone, retention, buses, keys, RadioConfig.NONE);
  }

  /** A configuration with the default key file settings. */
  public GatewayConfig(
      Path file,
      String gatewayId,
      Path database,
      ZoneId meterZone,
      RetentionConfig retention,
      List<BusConfig> buses) {
    this(file, gatewayId, database, meterZone, retention, buses, Keys.defaultsFor(file));
  }

  /** Reads and validates a file; throws {@link ConfigException} naming file, key and value. */
  public static GatewayConfig load(Path file) throws ConfigException {
    GatewayConfigReader reader = new GatewayConfigReader(ConfigFile.read(file));
    String gatewayId =
        reader.requiredString(
            "gateway.id", GATEWAY_ID, "lower-case letters, digits and dashes (at most 63)");
    Path database = reader.path("database.path", "releve.db");
    ZoneId meterZone = reader.zone("meters.timezone", DEFAULT_METER_ZONE);
    int rawDays = reader.integer("retention.raw-frames.days", 30, 1, MAX_DAYS);
    int readingDays = reader.integer("retention.readings.days", 800, 1, MAX_DAYS);
    int quarantineDays = reader.integer("retention.quarantine.days", 90, 1, MAX_DAYS);
    if (rawDays > readingDays) {
      throw new ConfigException(
          reader.path()
              + ": key [retention.raw-frames.days] has value ["
              + rawDays
              + "]: must not exceed retention.readings.days ("
              + readingDays
              + ").");
    }
    Keys keys =
        new Keys(
            reader.path("keys.path", Keys.DEFAULT_FILE),
            reader.string(
                "keys.group",
                Keys.DEFAULT_GROUP,
                GROUP,
                "a group name: lower-case letters, digits, dashes and underscores (at most 32)"));
    List<BusConfig> buses = new ArrayList<>();
    for (String name : reader.names("bus")) {
      buses.add(readBus(reader, name));
    }
    RadioConfig radio = RadioConfig.read(reader);
    UplinkConfig uplink = UplinkConfig.read(reader, gatewayId);
    GpioConfig gpio = GpioConfig.read(reader);
    reader.rejectUnknownKeys();
    return new GatewayConfig(
        file,
        gatewayId,
        database,
        meterZone,
        new RetentionConfig(rawDays, readingDays, quarantineDays),
        buses,
        keys,
        radio,
        uplink,
        gpio);
  }

  private static BusConfig readBus(GatewayConfigReader reader, String name) throws ConfigException {
    String prefix = "bus." + name;
    if (!BUS_NAME.matcher(name).matches()) {
      throw new ConfigException(
          reader.path()
              + ": bus name ["
              + name
              + "] must be lower-case letters, digits, dashes or underscores.");
    }
    BusConfig.Transport transport =
        reader.choice(prefix + ".transport", null, BusConfig.Transport.class);
    if (transport == null) {
      throw new ConfigException(
          reader.path() + ": key [" + prefix + ".transport] is required (serial or tcp).");
    }
    int baud = reader.oneOf(prefix + ".baud", DEFAULT_BAUD, BusSpeeds.SUPPORTED);
    Duration interval =
        reader.duration(prefix + ".poll-interval", DEFAULT_POLL, MIN_POLL, MAX_POLL);
    int retries = reader.integer(prefix + ".retries", DEFAULT_RETRIES, 0, MAX_RETRIES);
    int maxTelegrams =
        reader.integer(prefix + ".max-telegrams", DEFAULT_TELEGRAMS, 1, MAX_TELEGRAMS);
    if (transport == BusConfig.Transport.SERIAL) {
      String device =
          reader.requiredString(prefix + ".device", ANY, "the serial port of the level converter");
      if (!device.startsWith(SERIAL_BY_ID) && !device.startsWith("/dev/pts/")) {
        throw reader.bad(
            reader.entry(prefix + ".device"),
            "must name the port by " + SERIAL_BY_ID + "… so that it survives a replug.");
      }
      return new BusConfig(
          name, transport, Path.of(device), null, 0, baud, interval, retries, maxTelegrams);
    }
    String host = reader.requiredString(prefix + ".host", HOST, "a host name or an IP address");
    int port = reader.integer(prefix + ".port", 0, 1, 65_535);
    if (port == 0) {
      throw new ConfigException(reader.path() + ": key [" + prefix + ".port] is required.");
    }
    return new BusConfig(name, transport, null, host, port, baud, interval, retries, maxTelegrams);
  }
}
