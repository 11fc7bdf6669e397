package io.releve.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The drain and footprint benchmarks' broker: Debian's Mosquitto on a free port of 127.0.0.1, from
 * a configuration file of its own in the benchmark's folder (never {@code /etc/mosquitto}, never
 * port 1883). Anonymous clients, nothing persisted. {@link #close()} stops it.
 */
public final class LocalMosquitto implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  /**
   * Messages the broker queues for one client beyond those in flight. The uplink's window keeps a
   * few dozen outstanding; this leaves room for any {@code --window} and batch size.
   */
  static final int MAX_QUEUED_MESSAGES = 100_000;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final long PROBE_EVERY_MS = 20;

  private final Process process;
  private final Thread stopOnExit;
  private final int port;
  private final Path log;

  private LocalMosquitto(Process process, int port, Path log) {
    this.process = process;
    this.stopOnExit = BenchFiles.stopOnExit(process);
    this.port = port;
    this.log = log;
  }

  /**
   * The configuration: one listener on {@code 127.0.0.1:port}. Mosquitto 2 refuses anonymous
   * clients once a listener is configured unless told otherwise, and started as root it switches to
   * the user {@code mosquitto} unless {@code user} names another: the current user keeps the log
   * file writable.
   */
  static String configText(int port, String user, Path logFile) {
    return String.join(
        "\n",
        "# releve bench drain: a broker of its own, removed with the benchmark's folder",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "persistence false",
        "max_queued_messages " + MAX_QUEUED_MESSAGES,
        "user " + user,
        "log_dest file " + logFile,
        "");
  }

  /**
   * Writes the configuration into {@code folder}, starts Mosquitto and returns once its port
   * accepts connections.
   *
   * @throws MissingPieceException when {@link #BINARY} is not installed
   * @throws DrainFailedException when it does not listen within 10 s (its log in the message)
   */
  public static LocalMosquitto start(Path folder) {
    if (!Files.isExecutable(BINARY)) {
      throw new MissingPieceException(
          "Mosquitto is not installed ("
              + BINARY
              + "): apt-get install mosquitto, or give a running broker with --broker URI.");
    }
    int port = freePort();
    Path config = folder.resolve("mosquitto.conf");
    Path log = folder.resolve("mosquitto.log");
    Process process;
    try {
      Files.writeString(config, configText(port, System.getProperty("user.name"), log));
      process =
          new ProcessBuilder(BINARY.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("mosquitto.out").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + BINARY + " with " + config, e);
    }
    LocalMosquitto broker = new LocalMosquitto(process, port, log);
    broker.awaitListening(folder);
    return broker;
  }

  /** {@code tcp://127.0.0.1:PORT}, for Paho. */
  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  private void awaitListening(Path folder) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (accepts()) {
        return;
      }
      try {
        Thread.sleep(PROBE_EVERY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new DrainFailedException(
        "Mosquitto did not listen on 127.0.0.1:"
            + port
            + " within "
            + START_TIMEOUT.toSeconds()
            + " s; its output: ["
            + BenchFiles.readQuietly(folder.resolve("mosquitto.out"))
            + "], its log: ["
            + BenchFiles.readQuietly(log)
            + "]");
  }

  private boolean accepts() {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** A port free now; Mosquitto binds it a few milliseconds later. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }

  /** SIGTERM, then SIGKILL when Mosquitto still runs 10 s later. */
  @Override
  public void close() {
    BenchFiles.stop(process, STOP_TIMEOUT);
    BenchFiles.forget(stopOnExit);
  }
}
