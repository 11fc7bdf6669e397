package io.releve.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto for tests: the Debian binary on a free loopback port, with its own
 * configuration, password file and log in a temp folder of its own. Never port 1883 and never
 * {@code /etc/mosquitto}, so a system broker on the same machine changes nothing.
 *
 * <p>When Mosquitto is not installed, {@link #start()} skips the calling test, or fails it under
 * {@code CI=true} (see {@link #verdict}).
 *
 * <pre>{@code
 * try (MosquittoBroker broker = MosquittoBroker.start()) {
 *   MqttClient client = new MqttClient(broker.uri(), "gw-1", new MemoryPersistence());
 *   ...
 * }
 * }</pre>
 */
public final class MosquittoBroker implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  public static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

  static final String MISSING =
      "Mosquitto is not installed ("
          + BINARY
          + "): apt-get install mosquitto; .ci/run installs it when it is missing";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
  // Another process may take the free port between our probe and Mosquitto's bind.
  private static final int PORT_ATTEMPTS = 3;

  /** What a test does about Mosquitto. */
  public enum Verdict {
    RUN,
    SKIP,
    FAIL
  }

  private final Path folder;
  private final Path configFile;
  private final Path logFile;
  private final Path outputFile;
  private final int port;
  private final Optional<Tls> tls;
  private Process process;

  private MosquittoBroker(Path folder, int port, Optional<Tls> tls) {
    this.tls = tls;
    this.folder = folder;
    this.configFile = folder.resolve("mosquitto.conf");
    this.logFile = folder.resolve("mosquitto.log");
    this.outputFile = folder.resolve("mosquitto.out");
    this.port = port;
  }

  /**
   * Whether a test that needs Mosquitto runs, is skipped or fails: CI must run every MQTT test, a
   * developer without Mosquitto still gets the rest of the build.
   *
   * @param installed whether {@link #BINARY} and {@link #PASSWD} are there
   * @param ci the value of the environment variable {@code CI}, null when unset
   */
  public static Verdict verdict(boolean installed, String ci) {
    if (installed) {
      return Verdict.RUN;
    }
    return "true".equals(ci) ? Verdict.FAIL : Verdict.SKIP;
  }

  /** Skips the calling test when Mosquitto is missing, or fails it under {@code CI=true}. */
  public static void assumeInstalled() {
    boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(PASSWD);
    switch (verdict(installed, System.getenv("CI"))) {
      case RUN -> {}
      case SKIP -> Assumptions.abort(MISSING + "; the tests that need it are skipped outside CI");
      case FAIL -> fail(MISSING + "; under CI=true the MQTT tests must run");
    }
  }

  /** A broker that lets anonymous clients in; returns once its port accepts connections. */
  public static MosquittoBroker start() {
    return start(Optional.empty());
  }

  /** A broker that lets in only {@code user} with {@code password}; no anonymous client. */
  public static MosquittoBroker startWithUser(String user, String password) {
    return start(Optional.of(new Credentials(user, password)));
  }

  private record Credentials(String user, String password) {}

  /**
   * A broker with one TLS listener on {@code 127.0.0.1} using {@code certificates}; with {@code
   * requireClientCertificate} a client must show one signed by their authority. {@link #uri()} is
   * then {@code ssl://127.0.0.1:PORT}.
   */
  public static MosquittoBroker startWithTls(
      TestCertificates certificates, boolean requireClientCertificate) {
    return start(Optional.empty(), Optional.of(new Tls(certificates, requireClientCertificate)));
  }

  private record Tls(TestCertificates certificates, boolean requireClientCertificate) {}

  private static MosquittoBroker start(Optional<Credentials> credentials) {
    return start(credentials, Optional.empty());
  }

  private static MosquittoBroker start(Optional<Credentials> credentials, Optional<Tls> tls) {
    assumeInstalled();
    Path folder;
    try {
      folder = Files.createTempDirectory("mosquitto-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temp folder for Mosquitto", e);
    }
    try {
      Optional<Path> passwordFile =
          credentials.map(c -> writePasswordFile(folder.resolve("passwd"), c));
      for (int attempt = 1; ; attempt++) {
        MosquittoBroker broker = new MosquittoBroker(folder, freePort(), tls);
        broker.writeConfig(passwordFile);
        if (broker.launch() || attempt == PORT_ATTEMPTS) {
          broker.awaitListening();
          return broker;
        }
        // That broker never listened: its log would only mislead the next attempt.
        deleteFile(broker.logFile);
      }
    } catch (RuntimeException e) {
      deleteFolder(folder);
      throw e;
    }
  }

  /** {@code tcp://127.0.0.1:PORT} ({@code ssl://} with TLS), for Paho. */
  public String uri() {
    return (tls.isPresent() ? "ssl" : "tcp") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The process id of the running broker; a new one after {@link #restart()}. */
  public long pid() {
    return process.pid();
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Stops the broker with SIGTERM and waits for it: clients see a clean close of the socket.
   *
   * @throws IllegalStateException when it is still running after 10 s
   */
  public void stop() {
    process.destroy();
    awaitExit("SIGTERM");
  }

  /**
   * Kills the broker with SIGKILL by its process id, as the OOM killer would. The kernel closes its
   * sockets, so clients notice at once (after a power cut they would wait for their keep-alive).
   */
  public void kill() {
    ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    awaitExit("SIGKILL");
  }

  /**
   * Starts a new broker process on the same port with the same configuration, stopping the running
   * one first (SIGTERM); returns once the port accepts connections. With {@code persistence false},
   * retained messages and sessions do not survive.
   */
  public void restart() {
    if (process.isAlive()) {
      stop();
    }
    if (!launch()) {
      throw new IllegalStateException(
          "Mosquitto could not listen again on port " + port + "; " + diagnostics());
    }
    awaitListening();
  }

  /** The broker's log so far, over all its restarts: for failure messages. */
  public String log() {
    return readIfPresent(logFile);
  }

  /** Stops the broker (SIGKILL when SIGTERM is not enough) and deletes its temp folder. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        stop();
      }
    } finally {
      if (process.isAlive()) {
        kill();
      }
      deleteFolder(folder);
    }
  }

  private void writeConfig(Optional<Path> passwordFile) {
    MosquittoConfig config =
        new MosquittoConfig(
            List.of(
                tls.<MosquittoConfig.Listener>map(
                        t ->
                            new MosquittoConfig.TlsListener(
                                port,
                                t.certificates().ca(),
                                t.certificates().brokerCertificate(),
                                t.certificates().brokerKey(),
                                t.requireClientCertificate()))
                    .orElse(new MosquittoConfig.PlainListener(port))),
            passwordFile,
            logFile,
            System.getProperty("user.name"));
    try {
      Files.writeString(configFile, config.text());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + configFile, e);
    }
  }

  /**
   * Starts the process and polls until its port accepts connections; false when it ended at once
   * because the port was taken. Its output file holds this launch only; its log, every launch.
   */
  private boolean launch() {
    try {
      process =
          new ProcessBuilder(BINARY.toString(), "-c", configFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(outputFile.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + BINARY, e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (accepts()) {
        return true;
      }
      if (!process.isAlive()) {
        return !diagnostics().contains("Address already in use");
      }
      pause();
    }
    return true;
  }

  private void awaitListening() {
    if (!process.isAlive() || !accepts()) {
      String state =
          process.isAlive() ? "still running" : "ended with exit code " + process.exitValue();
      process.destroyForcibly();
      throw new IllegalStateException(
          "Mosquitto did not accept connections on port "
              + port
              + " within "
              + START_TIMEOUT.toSeconds()
              + " s ("
              + state
              + "); "
              + diagnostics());
    }
  }

  private boolean accepts() {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private void awaitExit(String signal) {
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "Mosquitto (pid "
                + pid()
                + ") still runs "
                + STOP_TIMEOUT.toSeconds()
                + " s after "
                + signal
                + "; "
                + diagnostics());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Mosquitto to end", e);
    }
  }

  private String diagnostics() {
    return "its output: [" + readIfPresent(outputFile) + "], its log: [" + log() + "]";
  }

  private static Path writePasswordFile(Path file, Credentials credentials) {
    try {
      Process passwd =
          new ProcessBuilder(
                  PASSWD.toString(),
                  "-b",
                  "-c",
                  file.toString(),
                  credentials.user(),
                  credentials.password())
              .redirectErrorStream(true)
              .start();
      String output = new String(passwd.getInputStream().readAllBytes());
      if (!passwd.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          || passwd.exitValue() != 0) {
        passwd.destroyForcibly();
        throw new IllegalStateException(PASSWD + " could not write " + file + ": " + output);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + PASSWD, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + PASSWD, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  private static String readIfPresent(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Mosquitto", e);
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete Mosquitto's folder " + folder, e);
    }
  }
}
