package io.releve.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real cloud bridge as a child process, as in production: {@code java -jar releve-cloud.jar
 * --config FILE}, with a configuration and a database of its own in the benchmark's folder. Its
 * stderr (the log) goes to {@code bridge.err} there. {@link #start} returns once the bridge says it
 * receives; {@link #close()} stops it.
 */
public final class CloudBridgeProcess implements AutoCloseable {

  /** The bridge's one stdout line once subscribed ({@code io.releve.cloud.cli.Main}). */
  static final String RECEIVING = "releve cloud: receiving from ";

  /** How the bridge's lines on stdout begin; it prints one, then only waits. */
  static final String OWN_LINE = "releve cloud: ";

  static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  /** The bridge's shutdown hook waits up to 15 s for MQTT and the database to close. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Process process;
  private final Thread stopOnExit;
  private final Path database;

  private CloudBridgeProcess(Process process, Path database) {
    this.process = process;
    this.stopOnExit = BenchFiles.stopOnExit(process);
    this.database = database;
  }

  /**
   * The bridge's configuration: the broker, a client id no other bridge uses, and the database;
   * every other key keeps its default.
   */
  static String configText(String brokerUri, String clientId, Path database) {
    return String.join(
        "\n",
        "# releve bench drain: the bridge's own configuration, removed with the benchmark's folder",
        "mqtt.uri = " + brokerUri,
        "mqtt.client-id = " + clientId,
        "database.path = " + database,
        "");
  }

  /**
   * Starts the bridge from {@code jar} against {@code brokerUri} and waits for its {@value
   * #RECEIVING} line.
   *
   * @throws DrainFailedException when it ends, says it waits for the broker, or says nothing within
   *     30 s; its stderr is in the message
   */
  public static CloudBridgeProcess start(Path jar, Path folder, String brokerUri) {
    Path config = folder.resolve("cloud.conf");
    Path database = folder.resolve("cloud.db");
    Path stderr = folder.resolve("bridge.err");
    String clientId = "releve-bench-bridge-" + ProcessHandle.current().pid();
    Process process;
    try {
      Files.writeString(config, configText(brokerUri, clientId, database));
      process = new ProcessBuilder(command(jar, config)).redirectError(stderr.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the cloud bridge from " + jar, e);
    }
    CloudBridgeProcess bridge = new CloudBridgeProcess(process, database);
    String line;
    try {
      line = bridge.ownLine().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      line = "(nothing within " + READY_TIMEOUT.toSeconds() + " s)";
    } catch (ExecutionException e) {
      line = "(its output could not be read: " + e.getCause() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      line = "(interrupted)";
    }
    if (line != null && line.startsWith(RECEIVING)) {
      return bridge;
    }
    bridge.close();
    throw new DrainFailedException(
        "The cloud bridge did not start receiving from "
            + brokerUri
            + ": its stdout said "
            + (line == null ? "nothing before it ended" : "[" + line + "]")
            + (process.isAlive() ? "" : ", exit code " + process.exitValue())
            + "; its stderr: ["
            + BenchFiles.readQuietly(stderr)
            + "]");
  }

  static List<String> command(Path jar, Path config) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-jar", jar.toString(), "--config", config.toString());
  }

  /**
   * The bridge's own line on stdout (the first starting with {@value #OWN_LINE}: a JVM option such
   * as {@code -XX:StartFlightRecording} in {@code JAVA_TOOL_OPTIONS} prints before it), read on a
   * thread of its own that then keeps draining stdout until the bridge ends, since a full pipe
   * would block it; null when it ended first.
   */
  private CompletableFuture<String> ownLine() {
    return FirstLine.of(process, OWN_LINE, "bench-bridge-stdout");
  }

  /** The bridge's SQLite file. */
  public Path database() {
    return database;
  }

  /** SIGTERM (the bridge closes MQTT, then its database), then SIGKILL after 20 s. */
  @Override
  public void close() {
    BenchFiles.stop(process, STOP_GRACE);
    BenchFiles.forget(stopOnExit);
  }
}
