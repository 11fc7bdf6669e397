package io.releve.cloud.config;

import io.releve.cloud.store.StoreSettings;
import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import io.releve.contract.ContractException;
import io.releve.contract.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cloud bridge's configuration, validated as a whole when loaded. Every error names the file,
 * the key with its line, and the bad value; the bridge and the CLI exit 78 (EX_CONFIG) on it. The
 * documented list of keys is {@code config/cloud.conf}.
 *
 * @param file where it was read from
 * @param mqtt the broker and how to log in
 * @param shareGroup the shared subscription group ({@code bridge.share-group}), or empty for a
 *     plain subscription
 * @param store the SQLite file (a relative {@code database.path} resolves against the
 *     configuration's folder) or the PostgreSQL database ({@code database.url})
 * @param workers the threads that store messages concurrently ({@code bridge.workers})
 * @param connections the MQTT connections one instance receives on ({@code bridge.connections})
 */
public record CloudConfig(
    Path file,
    MqttSettings mqtt,
    String shareGroup,
    StoreSettings store,
    int workers,
    int connections) {

  public static final String DEFAULT_URI = "tcp://127.0.0.1:1883";
  public static final String DEFAULT_DATABASE = "cloud.db";

  /** {@code bridge.workers} when not set. */
  public static final int DEFAULT_WORKERS = 4;

  /** The most {@code bridge.workers}: more would only wait for database connections. */
  public static final int MAX_WORKERS = 64;

  /** {@code bridge.connections} when not set: one MQTT connection. */
  public static final int DEFAULT_CONNECTIONS = 1;

  /**
   * The most {@code bridge.connections}: each is a client of its own with a thread that decodes
   * what it receives; past a few the workers and the database are the limit.
   */
  public static final int MAX_CONNECTIONS = 16;

  /** Paho accepts tcp:// and ssl://; the port is required so that nobody guesses it. */
  private static final Pattern URI =
      Pattern.compile(
          "(tcp|ssl)://[A-Za-z0-9.\\-]{1,253}:[0-9]{1,5}|(tcp|ssl)://\\[[0-9a-fA-F:]+\\]:[0-9]{1,5}");

  /** Mosquitto takes longer ids than MQTT 3.1.1's guaranteed 23 characters; 128 is plenty. */
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private static final Pattern USERNAME = Pattern.compile("[^\\s]{1,128}");

  /** A PostgreSQL JDBC URL: host, optional port, database, optional parameters. */
  private static final Pattern JDBC_URL =
      Pattern.compile(
          "jdbc:postgresql://(\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9.\\-]{1,253})(:[0-9]{1,5})?/[A-Za-z0-9_\\-]{1,63}"
              + "(\\?[^\\s]*)?");

  private static final Pattern DATABASE_USER = Pattern.compile("[A-Za-z0-9_.\\-]{1,63}");

  /**
   * Keys that belong to the services started with the bridge ({@code io.releve.cloud.spi}): the
   * bridge leaves them to the service, which checks them when it starts.
   */
  public static final java.util.List<String> SERVICE_PREFIXES = java.util.List.of("portal.");

  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int MAX_POOL_SIZE = 64;

  /**
   * The topic filter of the up topics: shared when a group is set. With several {@link
   * #connections()} and no group, the bridge shares {@link Topics#UP_ALL} among its own connections
   * (see {@code Bridge}).
   */
  public String upFilter() {
    return shareGroup.isEmpty() ? Topics.UP_ALL : Topics.sharedUp(shareGroup);
  }

  /** Reads and validates a file; throws {@link ConfigException} naming file, key and value. */
  public static CloudConfig load(Path file) throws ConfigException {
    CloudConfigReader reader = new CloudConfigReader(ConfigFile.read(file));
    String uri =
        reader.string(
            "mqtt.uri",
            DEFAULT_URI,
            URI,
            "tcp://HOST:PORT or ssl://HOST:PORT (such as " + DEFAULT_URI + ")");
    checkPort(reader, uri);
    String clientId =
        reader.string(
            "mqtt.client-id",
            defaultClientId(),
            CLIENT_ID,
            "1 to 128 letters, digits, dots, dashes or underscores");
    String username =
        reader.string("mqtt.username", null, USERNAME, "1 to 128 characters without spaces");
    Secret password = reader.secretFile("mqtt.password-file");
    if (password != null && username == null) {
      throw reader.bad(
          entryOf(reader, "mqtt.password-file"), "needs mqtt.username: a password logs in a user.");
    }
    Path caFile = reader.readableFile("mqtt.tls.ca-file");
    Path clientP12 = reader.readableFile("mqtt.tls.client-p12");
    Secret p12Password = reader.secretFile("mqtt.tls.client-p12-password-file");
    if (clientP12 != null && p12Password == null) {
      throw reader.bad(
          entryOf(reader, "mqtt.tls.client-p12"),
          "needs mqtt.tls.client-p12-password-file: the key in it is protected by a password.");
    }
    if (!uri.startsWith("ssl://")) {
      for (String key :
          new String[] {
            "mqtt.tls.ca-file", "mqtt.tls.client-p12", "mqtt.tls.client-p12-password-file"
          }) {
        ConfigFile.Entry entry = entryOf(reader, key);
        if (entry != null) {
          throw reader.bad(entry, "is a TLS setting, but mqtt.uri [" + uri + "] is not ssl://.");
        }
      }
    }
    String shareGroup = "";
    ConfigFile.Entry group = reader.entry("bridge.share-group");
    if (group != null) {
      try {
        Topics.sharedUp(group.value());
      } catch (ContractException e) {
        throw reader.bad(group, e.getMessage());
      }
      shareGroup = group.value();
    }
    int workers = workers(reader);
    int connections =
        wholeNumber(reader, "bridge.connections", DEFAULT_CONNECTIONS, MAX_CONNECTIONS);
    StoreSettings store = store(reader);
    if (store instanceof StoreSettings.Postgres postgres && postgres.poolSize() < workers) {
      ConfigFile.Entry pool = reader.entry("database.pool-size");
      throw pool != null
          ? reader.bad(
              pool,
              "must be at least bridge.workers ("
                  + workers
                  + "): each worker holds a connection while it stores a batch.")
          : reader.bad(
              reader.entry("bridge.workers"),
              "needs database.pool-size set to at least as many (its default is "
                  + DEFAULT_POOL_SIZE
                  + "): each worker holds a connection while it stores a batch.");
    }
    if (!shareGroup.isEmpty() && store.engine() != StoreSettings.Engine.POSTGRESQL) {
      throw reader.bad(
          group,
          "shares the gateways' batches between several bridge instances, so it needs the"
              + " PostgreSQL store (database.url): with a SQLite file each instance would keep only"
              + " its part.");
    }
    // the services that start with the bridge (the portal) read their own keys from this file
    reader.leaveToServices(SERVICE_PREFIXES);
    reader.rejectUnknownKeys();
    return new CloudConfig(
        file,
        new MqttSettings(uri, clientId, username, password, caFile, clientP12, p12Password),
        shareGroup,
        store,
        workers,
        connections);
  }

  /** {@code database.path} (SQLite, the default) or {@code database.url} (PostgreSQL), not both. */
  private static StoreSettings store(CloudConfigReader reader) throws ConfigException {
    ConfigFile.Entry url = reader.entry("database.url");
    if (url == null) {
      for (String key :
          new String[] {"database.user", "database.password-file", "database.pool-size"}) {
        ConfigFile.Entry entry = reader.entry(key);
        if (entry != null) {
          throw reader.bad(entry, "is a PostgreSQL setting, but database.url is not set.");
        }
      }
      return new StoreSettings.Sqlite(reader.path("database.path", DEFAULT_DATABASE));
    }
    ConfigFile.Entry path = reader.entry("database.path");
    if (path != null) {
      throw reader.bad(
          path,
          "names a SQLite file, but database.url names a PostgreSQL database: set one of the two.");
    }
    if (!JDBC_URL.matcher(url.value()).matches()) {
      throw reader.bad(
          url,
          "must be jdbc:postgresql://HOST[:PORT]/DATABASE (such as"
              + " jdbc:postgresql://db.example:5432/releve).");
    }
    if (url.value().toLowerCase(Locale.ROOT).contains("password=")) {
      throw reader.bad(
          url, "must not hold the password: put it in the file named by database.password-file.");
    }
    String user =
        reader.string("database.user", null, DATABASE_USER, "1 to 63 letters, digits, _ . or -");
    if (user == null) {
      throw reader.bad(url, "needs database.user: the role the bridge logs in as.");
    }
    Secret password = reader.secretFile("database.password-file");
    int poolSize = wholeNumber(reader, "database.pool-size", DEFAULT_POOL_SIZE, MAX_POOL_SIZE);
    return new StoreSettings.Postgres(url.value(), user, password, poolSize);
  }

  private static int workers(CloudConfigReader reader) throws ConfigException {
    return wholeNumber(reader, "bridge.workers", DEFAULT_WORKERS, MAX_WORKERS);
  }

  /** A whole number from 1 to {@code max}, or {@code fallback} when the key is not set. */
  private static int wholeNumber(CloudConfigReader reader, String key, int fallback, int max)
      throws ConfigException {
    ConfigFile.Entry entry = reader.entry(key);
    if (entry == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(entry.value());
    } catch (NumberFormatException e) {
      throw reader.bad(entry, "must be a whole number between 1 and " + max + ".");
    }
    if (value < 1 || value > max) {
      throw reader.bad(entry, "must lie between 1 and " + max + ".");
    }
    return value;
  }

  private static ConfigFile.Entry entryOf(CloudConfigReader reader, String key) {
    return reader.entry(key);
  }

  private static void checkPort(CloudConfigReader reader, String uri) throws ConfigException {
    int port = Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
    if (port < 1 || port > 65535) {
      throw reader.bad(reader.entry("mqtt.uri"), "must have a port between 1 and 65535.");
    }
  }

  /**
   * {@code releve-bridge-<hostname>}: unique per machine, stable across restarts. Two instances on
   * one machine need {@code mqtt.client-id} set apart.
   */
  public static String defaultClientId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = System.getenv().getOrDefault("HOSTNAME", "localhost");
    }
    String clean = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    String id = "releve-bridge-" + (clean.isEmpty() ? "localhost" : clean);
    return id.length() > 128 ? id.substring(0, 128) : id;
  }
}
