package io.releve.gateway.demo;

import io.releve.gateway.bench.FirstLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's cloud side, as a child process from the cloud's own jars: {@code releve cloud
 * --embedded-broker} (the broker, the bridge and the portal in one JVM) on a configuration and a
 * SQLite database of its own in {@code FOLDER} ({@code var/demo/cloud}), its mail written into a
 * folder. Before the first start the landlord's files are imported with {@code releve cloud portal
 * import}. The child runs in a session of its own, so that Ctrl-C in the terminal reaches only the
 * demo, which stops the gateway first and then this ({@link #close()}).
 */
public final class CloudSide implements AutoCloseable {

  /** The cloud's main class ({@code io.releve.cloud.cli.Main} in the cloud jar). */
  static final String MAIN = "io.releve.cloud.cli.Main";

  /** The line the cloud prints once the portal serves. */
  static final String PORTAL_LINE = "releve cloud: portal at ";

  /** A file in the folder that says the landlord's files went in: a later start skips them. */
  static final String IMPORTED = "landlord-imported";

  static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** The cloud's shutdown hook waits up to 15 s for MQTT and the database to close. */
  static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final Process process;
  private final Path log;

  private CloudSide(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Where and how the cloud side runs. */
  public record Setup(
      String classpath, Path folder, Path mailFolder, int brokerPort, int portalPort) {

    /** The broker as the gateway reaches it. */
    public String brokerUri() {
      return "tcp://127.0.0.1:" + brokerPort;
    }

    /** The portal as residents reach it, and as its mails write it. */
    public String portalUrl() {
      return "http://localhost:" + portalPort;
    }

    Path config() {
      return folder.resolve("cloud.conf");
    }
  }

  /** The configuration of the demo's cloud: every other key keeps its default. */
  static String configText(Setup setup) {
    return String.join(
        "\n",
        "# Written by 'releve demo' at each start: the cloud side of the demo (see config/cloud.conf).",
        "mqtt.client-id = releve-demo-bridge",
        "database.path = cloud.db",
        "portal.listen = 127.0.0.1:" + setup.portalPort(),
        "portal.base-url = " + setup.portalUrl(),
        "portal.mail.folder = " + setup.mailFolder().toAbsolutePath(),
        "");
  }

  /**
   * Writes the configuration, imports {@code landlordFiles} (kind to CSV text) unless an earlier
   * start did, starts the cloud and waits until its portal serves.
   *
   * @throws CloudSideException when an import is refused or the cloud does not start within 90 s;
   *     the message holds the end of its log
   */
  public static CloudSide start(Setup setup, Map<String, String> landlordFiles) {
    Path log = setup.folder().resolve("cloud.log");
    try {
      Files.createDirectories(setup.folder());
      Files.createDirectories(setup.mailFolder());
      Files.writeString(setup.config(), configText(setup), StandardCharsets.UTF_8);
      Path imported = setup.folder().resolve(IMPORTED);
      if (!Files.exists(imported)) {
        for (Map.Entry<String, String> file : landlordFiles.entrySet()) {
          importFile(setup, file.getKey(), file.getValue(), log);
        }
        Files.writeString(imported, String.join("\n", landlordFiles.keySet()) + "\n");
      }
      List<String> command =
          java(
              setup,
              "--config",
              setup.config().toString(),
              "--embedded-broker",
              String.valueOf(setup.brokerPort()),
              "--stop-with",
              String.valueOf(ProcessHandle.current().pid()));
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      CloudSide cloud = new CloudSide(process, log);
      cloud.awaitPortal(setup);
      return cloud;
    } catch (IOException e) {
      throw new CloudSideException(
          "Cannot start the demo's cloud side in " + setup.folder() + ": " + e.getMessage(), e);
    }
  }

  private static void importFile(Setup setup, String kind, String text, Path log)
      throws IOException {
    Path file = setup.folder().resolve("landlord-" + kind + ".csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(
                java(
                    setup,
                    "portal",
                    "import",
                    "--config",
                    setup.config().toString(),
                    "--kind",
                    kind,
                    file.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new CloudSideException("The import of " + file + " did not end; see " + log + ".");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CloudSideException("Interrupted while importing " + file, e);
    }
    if (process.exitValue() != 0) {
      throw new CloudSideException(
          "The portal refused "
              + file
              + " (exit "
              + process.exitValue()
              + "): "
              + tail(log)
              + " (--reset starts afresh)");
    }
  }

  /** {@code java -cp CLASSPATH Main ARGS}, in a session of its own when {@code setsid} exists. */
  static List<String> java(Setup setup, String... args) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(setup.classpath());
    command.add(MAIN);
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Reads the cloud's stdout until its portal line, on a thread that then keeps draining it (a full
   * pipe would block the cloud).
   */
  private void awaitPortal(Setup setup) {
    CompletableFuture<String> portal =
        FirstLine.of(process, PORTAL_LINE, "releve-demo-cloud-stdout");
    String line;
    try {
      line = portal.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      line = null;
    } catch (ExecutionException e) {
      line = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      line = null;
    }
    if (line == null) {
      close();
      throw new CloudSideException(
          (process.isAlive()
                  ? "The demo's cloud side did not start its portal within "
                      + START_TIMEOUT.toSeconds()
                      + " s"
                  : "The demo's cloud side ended (exit "
                      + process.exitValue()
                      + ") before its portal started")
              + "; the end of "
              + log
              + ": "
              + tail(log)
              + " (when port "
              + setup.portalPort()
              + " or "
              + setup.brokerPort()
              + " is taken, --portal-port and --broker-port choose others)");
    }
  }

  /** The last lines of the log without stack frames, for a failure's message. */
  static String tail(Path log) {
    try {
      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
              .toList();
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "(" + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  /** Where the cloud's log goes. */
  public Path log() {
    return log;
  }

  /**
   * Stops the cloud: SIGTERM (it closes MQTT, the portal, its database, then the broker), then
   * SIGKILL after {@link #STOP_GRACE}.
   */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
