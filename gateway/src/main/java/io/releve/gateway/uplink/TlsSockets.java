package io.releve.gateway.uplink;

import io.releve.gateway.config.UplinkConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The TLS socket factory of an {@code ssl://} uplink: the broker's certificate checked against the
 * configured authorities (PEM) or the JVM's own, and the gateway's client certificate from a
 * PKCS#12 file when one is configured. Paho checks the broker's host name against its certificate
 * ({@code setHttpsHostnameVerificationEnabled}, on by default).
 */
final class TlsSockets {

  private TlsSockets() {}

  static SSLSocketFactory of(UplinkConfig config) throws UplinkException {
    try {
      TrustManager[] trust = config.caFile() == null ? null : trustManagers(config.caFile());
      KeyManager[] keys =
          config.clientP12() == null
              ? null
              : keyManagers(config.clientP12(), Secrets.read(config.clientP12PasswordFile()));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new UplinkException("Cannot set up TLS for " + config.uri() + ": " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(Path caFile)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> authorities;
    try (InputStream in = Files.newInputStream(caFile)) {
      authorities = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (authorities.isEmpty()) {
      throw new GeneralSecurityException("[" + caFile + "] holds no PEM certificate");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate authority : authorities) {
      store.setCertificateEntry("ca-" + i++, authority);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Path p12, String password)
      throws IOException, GeneralSecurityException {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, secret);
    } catch (IOException e) {
      // a wrong password shows as an IOException from PKCS#12; say which file
      throw new IOException(
          "cannot read the client certificate [" + p12 + "]: " + e.getMessage(), e);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, secret);
    return factory.getKeyManagers();
  }

  /** Never logged, never in an exception message. */
  static final class Secrets {
    private Secrets() {}

    /** The first line of {@code file}, or null when no file is configured. */
    static String read(Path file) throws IOException {
      if (file == null) {
        return null;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip();
    }
  }
}
