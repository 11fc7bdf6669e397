package io.releve.cloud.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the broker. Printing it prints no secret.
 *
 * @param uri {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId the MQTT client id; two clients with the same id throw each other off the broker
 * @param username null for an anonymous client
 * @param password with {@code username}, read from {@code mqtt.password-file}; else null
 * @param caFile PEM certificates of the authorities that sign the broker's certificate; null for
 *     the JVM's default trust store
 * @param clientP12 a PKCS#12 file with the client's certificate and key, or null
 * @param clientP12Password the password of {@code clientP12}, or null
 */
public record MqttSettings(
    String uri,
    String clientId,
    String username,
    Secret password,
    Path caFile,
    Path clientP12,
    Secret clientP12Password) {

  public MqttSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(clientId, "clientId");
  }

  /** Anonymous and in clear, as with a test broker or the embedded one. */
  public static MqttSettings plain(String uri, String clientId) {
    return new MqttSettings(uri, clientId, null, null, null, null, null);
  }

  public boolean isTls() {
    return uri.startsWith("ssl://");
  }

  /** The same settings towards another broker, as {@code --broker} asks. */
  public MqttSettings withUri(String otherUri) {
    return new MqttSettings(
        otherUri, clientId, username, password, caFile, clientP12, clientP12Password);
  }

  /** The same settings under another client id, as the diagnostics client uses. */
  public MqttSettings withClientId(String otherClientId) {
    return new MqttSettings(
        uri, otherClientId, username, password, caFile, clientP12, clientP12Password);
  }
}
