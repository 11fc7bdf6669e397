package io.releve.cloud.mqtt;

import io.releve.cloud.config.MqttSettings;
import io.releve.common.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Paho's connect options from {@link MqttSettings}: credentials, TLS or buffered plain sockets,
 * reconnection.
 */
public final class Connections {

  /** The bridge's reconnection doubles its delay from 1 s up to this. */
  public static final int MAX_RECONNECT_DELAY_MS = 60_000;

  /**
   * Publishes not yet acknowledged by the broker; past it Paho throws instead of queueing. Acks are
   * small and the broker answers fast; 1000 leaves room for a burst of gateways.
   */
  public static final int MAX_IN_FLIGHT = 1000;

  private static final int KEEP_ALIVE_SECONDS = 30;
  private static final int CONNECTION_TIMEOUT_SECONDS = 10;

  private Connections() {}

  /**
   * Options for a clean session (subscriptions are made again on each connect). Reconnection is the
   * bridge's own: Paho's automatic one was seen to wait about a minute and a half to come back
   * after a broker was killed and restarted at once.
   *
   * @throws ConfigException when a TLS file cannot be used, naming the file and the setting
   */
  public static MqttConnectOptions options(MqttSettings settings) throws ConfigException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
    options.setConnectionTimeout(CONNECTION_TIMEOUT_SECONDS);
    options.setMaxInflight(MAX_IN_FLIGHT);
    if (settings.username() != null) {
      options.setUserName(settings.username());
      if (settings.password() != null) {
        options.setPassword(settings.password().chars());
      }
    }
    if (settings.isTls()) {
      // Paho's ssl:// module requires an SSLSocketFactory
      options.setSocketFactory(socketFactory(settings));
    } else {
      // Paho's tcp:// module refuses an SSLSocketFactory and takes any other
      options.setSocketFactory(new BufferedSockets());
    }
    return options;
  }

  static SSLSocketFactory socketFactory(MqttSettings settings) throws ConfigException {
    TrustManager[] trust = null;
    KeyManager[] keys = null;
    if (settings.caFile() != null) {
      try (InputStream in = Files.newInputStream(settings.caFile())) {
        Collection<? extends Certificate> certificates =
            CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (certificates.isEmpty()) {
          throw new ConfigException(
              settings.caFile() + " (mqtt.tls.ca-file) holds no PEM certificate.");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
          store.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = factory.getTrustManagers();
      } catch (IOException | GeneralSecurityException e) {
        throw new ConfigException(
            settings.caFile() + " (mqtt.tls.ca-file) cannot be used: " + e.getMessage(), e);
      }
    }
    if (settings.clientP12() != null) {
      try (InputStream in = Files.newInputStream(settings.clientP12())) {
        char[] password = settings.clientP12Password().chars();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        KeyManagerFactory factory =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        keys = factory.getKeyManagers();
      } catch (IOException | GeneralSecurityException e) {
        // the message of a wrong password names no secret
        throw new ConfigException(
            settings.clientP12() + " (mqtt.tls.client-p12) cannot be used: " + e.getMessage(), e);
      }
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new ConfigException("TLS cannot be set up: " + e.getMessage(), e);
    }
  }
}
