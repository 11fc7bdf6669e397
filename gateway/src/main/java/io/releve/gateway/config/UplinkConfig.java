package io.releve.gateway.config;

import io.releve.common.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the gateway reaches the broker and paces its outbox (DESIGN §3.4). Without {@code mqtt.uri}
 * the gateway has no uplink: it keeps its readings locally and retention deletes them as for any
 * table.
 *
 * @param uri the broker, {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId the MQTT client id (default: the gateway id)
 * @param username null for none
 * @param passwordFile a file holding the password (its first line), null for none; read at start,
 *     never logged
 * @param caFile PEM certificates of the authorities trusted for the broker's certificate (TLS),
 *     null for the JVM's own
 * @param clientP12 a PKCS#12 file with the gateway's client certificate and key, null for none
 * @param clientP12PasswordFile a file holding that file's password, null for an empty one
 * @param batchSize outbox rows per batch (each batch is at most one message per topic)
 * @param window batches published and not yet acknowledged by the bridge, at most
 * @param ackTimeout after this long without the bridge's ack, unacknowledged rows are sent again
 * @param keepAlive the MQTT keep-alive interval
 * @param healthInterval how often a health report is put in the outbox
 */
public record UplinkConfig(
    String uri,
    String clientId,
    String username,
    Path passwordFile,
    Path caFile,
    Path clientP12,
    Path clientP12PasswordFile,
    int batchSize,
    int window,
    Duration ackTimeout,
    Duration keepAlive,
    Duration healthInterval) {

  public static final int DEFAULT_BATCH_SIZE = 500;
  public static final int DEFAULT_WINDOW = 8;
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofMinutes(15);

  /** {@code tcp://} or {@code ssl://}, a host and a port: Paho's forms for MQTT 3.1.1. */
  private static final Pattern URI =
      Pattern.compile("(tcp|ssl)://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");

  /** MQTT 3.1.1 guarantees client ids of 1 to 23 characters; brokers accept longer ones. */
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  private static final Pattern USERNAME = Pattern.compile("[^\\s]{1,128}");

  public UplinkConfig {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(healthInterval, "healthInterval");
  }

  /** Whether the broker is reached over TLS. */
  public boolean tls() {
    return uri.startsWith("ssl://");
  }

  /** Plain defaults for {@code uri}, the client id being the gateway id. */
  public static UplinkConfig defaults(String uri, String gatewayId) {
    return new UplinkConfig(
        uri,
        gatewayId,
        null,
        null,
        null,
        null,
        null,
        DEFAULT_BATCH_SIZE,
        DEFAULT_WINDOW,
        DEFAULT_ACK_TIMEOUT,
        DEFAULT_KEEP_ALIVE,
        DEFAULT_HEALTH_INTERVAL);
  }

  /** Reads the {@code mqtt.*} and {@code uplink.*} keys; null when {@code mqtt.uri} is absent. */
  static UplinkConfig read(GatewayConfigReader reader, String gatewayId) throws ConfigException {
    String uri =
        reader.string(
            "mqtt.uri", null, URI, "tcp://HOST:PORT or ssl://HOST:PORT, such as tcp://broker:1883");
    String clientId =
        reader.string(
            "mqtt.client-id",
            gatewayId,
            CLIENT_ID,
            "1 to 64 letters, digits, dots, dashes or underscores");
    String username = reader.string("mqtt.username", null, USERNAME, "a name without spaces");
    Path passwordFile = reader.optionalPath("mqtt.password-file");
    Path caFile = reader.optionalPath("mqtt.tls.ca-file");
    Path clientP12 = reader.optionalPath("mqtt.tls.client-p12");
    Path clientP12PasswordFile = reader.optionalPath("mqtt.tls.client-p12-password-file");
    // 2000 readings make a message under 1 MB, the default packet limit of EMQX
    int batchSize = reader.integer("uplink.batch-size", DEFAULT_BATCH_SIZE, 1, 2_000);
    int window = reader.integer("uplink.window", DEFAULT_WINDOW, 1, 32);
    Duration ackTimeout =
        reader.duration(
            "uplink.ack-timeout",
            DEFAULT_ACK_TIMEOUT,
            Duration.ofSeconds(2),
            Duration.ofMinutes(30));
    Duration keepAlive =
        reader.duration(
            "mqtt.keep-alive", DEFAULT_KEEP_ALIVE, Duration.ofSeconds(5), Duration.ofMinutes(30));
    Duration healthInterval =
        reader.duration(
            "uplink.health-interval",
            DEFAULT_HEALTH_INTERVAL,
            Duration.ofMinutes(1),
            Duration.ofDays(1));
    if (uri == null) {
      for (String key : new String[] {"mqtt.username", "mqtt.password-file", "mqtt.tls.ca-file"}) {
        if (reader.has(key)) {
          throw reader.bad(reader.entry(key), "needs mqtt.uri, the broker to send to.");
        }
      }
      return null;
    }
    if (passwordFile != null && username == null) {
      throw reader.bad(reader.entry("mqtt.password-file"), "needs mqtt.username.");
    }
    boolean tls = uri.startsWith("ssl://");
    if (!tls && (caFile != null || clientP12 != null)) {
      String key = caFile != null ? "mqtt.tls.ca-file" : "mqtt.tls.client-p12";
      throw reader.bad(reader.entry(key), "needs an ssl:// mqtt.uri, not [" + uri + "].");
    }
    if (clientP12PasswordFile != null && clientP12 == null) {
      throw reader.bad(
          reader.entry("mqtt.tls.client-p12-password-file"), "needs mqtt.tls.client-p12.");
    }
    return new UplinkConfig(
        uri,
        clientId,
        username,
        passwordFile,
        caFile,
        clientP12,
        clientP12PasswordFile,
        batchSize,
        window,
        ackTimeout,
        keepAlive,
        healthInterval);
  }
}
