package io.releve.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration file of a test broker, as text. Nothing is read from {@code /etc/mosquitto}:
 * the broker starts with {@code -c} on this file only, so a system Mosquitto on port 1883 plays no
 * part.
 *
 * @param listeners where it listens; a TLS listener is one more {@link Listener} whose lines add
 *     {@code cafile}, {@code certfile} and {@code keyfile} after its {@code listener} line
 * @param passwordFile made by {@code mosquitto_passwd}; empty means anonymous clients are allowed
 * @param logFile where the broker writes its log
 * @param user the account the broker keeps: started as root, Mosquitto otherwise switches to the
 *     user {@code mosquitto}, which cannot read or write the test's private temp folder
 */
record MosquittoConfig(
    List<Listener> listeners, Optional<Path> passwordFile, Path logFile, String user) {

  MosquittoConfig {
    if (listeners.isEmpty()) {
      throw new IllegalArgumentException("a broker needs at least one listener");
    }
    listeners = List.copyOf(listeners);
  }

  /** One {@code listener} block of the file. */
  interface Listener {
    int port();

    List<String> lines();
  }

  /** Plain MQTT on the loopback interface only. */
  record PlainListener(int port) implements Listener {
    @Override
    public List<String> lines() {
      return List.of("listener " + port + " 127.0.0.1");
    }
  }

  /**
   * MQTT over TLS on the loopback interface only, with the broker's certificate; with {@code
   * requireClientCertificate}, clients must show a certificate signed by {@code cafile}.
   */
  record TlsListener(
      int port, Path cafile, Path certfile, Path keyfile, boolean requireClientCertificate)
      implements Listener {
    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("listener " + port + " 127.0.0.1");
      lines.add("cafile " + cafile);
      lines.add("certfile " + certfile);
      lines.add("keyfile " + keyfile);
      lines.add("require_certificate " + requireClientCertificate);
      return lines;
    }
  }

  String text() {
    List<String> lines = new ArrayList<>();
    lines.add("user " + user);
    // Retained messages and sessions die with the process: each test starts from nothing.
    lines.add("persistence false");
    lines.add("log_dest file " + logFile);
    lines.add("log_timestamp_format %Y-%m-%dT%H:%M:%S");
    lines.add("connection_messages true");
    // Mosquitto 2 refuses anonymous clients once a listener is configured unless told otherwise.
    passwordFile.ifPresentOrElse(
        file -> {
          lines.add("allow_anonymous false");
          lines.add("password_file " + file);
        },
        () -> lines.add("allow_anonymous true"));
    for (Listener listener : listeners) {
      lines.addAll(listener.lines());
    }
    return String.join("\n", lines) + "\n";
  }
}
