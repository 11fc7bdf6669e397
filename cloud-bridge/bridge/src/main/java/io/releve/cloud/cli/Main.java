package io.releve.cloud.cli;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.ingest.Ingest;
import io.releve.cloud.mqtt.Bridge;
import io.releve.cloud.mqtt.EmbeddedBroker;
import io.releve.cloud.spi.CloudCommand;
import io.releve.cloud.spi.CloudContext;
import io.releve.cloud.spi.CloudService;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreException;
import io.releve.common.cli.CliErrors;
import io.releve.common.systemd.SystemdNotifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Entry point of the cloud jar. Without a subcommand it runs the bridge until SIGTERM or Ctrl-C;
 * {@code status}, {@code sites} and {@code diag} are the operators' commands.
 */
@Command(
    name = "releve cloud",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Relevé cloud bridge: stores the gateways' batches from MQTT in SQLite and acknowledges"
            + " them after the commit. Without a subcommand, runs until SIGTERM or Ctrl-C.",
    subcommands = {
      CommandLine.HelpCommand.class,
      StatusCommand.class,
      SitesCommand.class,
      DiagCommand.class,
    })
public final class Main implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  /** How long the shutdown hook waits for the bridge to close MQTT and the database. */
  private static final long SHUTDOWN_WAIT_SECONDS = 15;

  @Mixin ConfigOption config;
  @Mixin BrokerOption broker;

  @Option(
      names = "--embedded-broker",
      arity = "0..1",
      fallbackValue = "" + EmbeddedBroker.DEFAULT_PORT,
      paramLabel = "PORT",
      description =
          "Also run an embedded MQTT broker on 127.0.0.1:PORT (default ${FALLBACK-VALUE}) and"
              + " connect to it: for the demo and for development, never for production.")
  Integer embeddedPort;

  @Option(
      names = "--stop-with",
      paramLabel = "PID",
      description =
          "Stop, as on SIGTERM, when process PID ends (the demo starts the cloud as its child and"
              + " passes its own: the cloud never outlives it, even when it is killed).")
  Long stopWithPid;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code; used by tests to assert what a user sees. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with exit codes mapped in one place. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CliErrors.of("releve cloud")
        .exit(MqttException.class, ExitCodes.UNAVAILABLE)
        .exit(StoreException.class, ExitCodes.IO_ERROR)
        .describing(Main::describe)
        .install(cli);
    for (CloudCommand command : ServiceLoader.load(CloudCommand.class)) {
      cli.addSubcommand(command.name(), command.command());
    }
    return cli;
  }

  private static String describe(Throwable exception) {
    if (exception instanceof MqttException mqtt) {
      return "the broker cannot be reached or refused us: "
          + mqtt.getMessage()
          + " (Paho reason "
          + mqtt.getReasonCode()
          + ")";
    }
    return CliErrors.message(exception);
  }

  /** How long the start waits for the subscriptions before saying it is still waiting. */
  private static final long READY_WAIT_MILLIS = 10_000;

  /**
   * One line on stdout once the bridge receives (scripts and the drain benchmark wait for it), or
   * once it has waited {@value #READY_WAIT_MILLIS} ms for the broker.
   */
  private void announce(Bridge bridge, String uri, Database database) throws InterruptedException {
    long deadline = System.nanoTime() + READY_WAIT_MILLIS * 1_000_000;
    while (!bridge.isSubscribed() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    java.io.PrintWriter out = commandSpec.commandLine().getOut();
    out.println(
        bridge.isSubscribed()
            ? "releve cloud: receiving from " + uri + " into " + database.describe()
            : "releve cloud: waiting for the broker at " + uri + " (still trying)");
    out.flush();
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  /**
   * Starts the services found on the class path (the portal), each announced on stdout; when one
   * fails, those started are stopped and the failure ends the process.
   */
  private List<CloudService.Running> startServices(CloudContext context) throws Exception {
    List<CloudService.Running> started = new ArrayList<>();
    try {
      for (CloudService service : ServiceLoader.load(CloudService.class)) {
        CloudService.Running running = service.start(context);
        started.add(running);
        log.info("Started the {}: {}", service.name(), running.describe());
        java.io.PrintWriter out = commandSpec.commandLine().getOut();
        out.println("releve cloud: " + running.describe());
        out.flush();
      }
    } catch (Exception | Error e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).close();
      }
      throw e;
    }
    return started;
  }

  /**
   * systemd's notify socket ({@code Type=notify} in releve-cloud.service); a malformed one is
   * logged and ignored.
   */
  private static SystemdNotifier systemd() {
    try {
      return SystemdNotifier.fromEnvironment();
    } catch (IllegalArgumentException e) {
      log.warn("Not telling systemd: {}", e.getMessage());
      return SystemdNotifier.from(java.util.Map.of(), ProcessHandle.current().pid());
    }
  }

  private interface SystemdMessage {
    void send() throws java.io.IOException;
  }

  /** Sends to systemd; a failure is logged, never fatal (without systemd nothing is sent). */
  private static void tellSystemd(SystemdMessage message) {
    try {
      message.send();
    } catch (java.io.IOException e) {
      log.warn("Cannot tell systemd: {}", e.getMessage());
    }
  }

  /** Counts {@code stop} down when process {@code pid} ends, or at once when it is already gone. */
  private static void stopWith(long pid, CountDownLatch stop) {
    ProcessHandle.of(pid)
        .ifPresentOrElse(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          log.warn("Process {} ended: stopping with it", pid);
                          stop.countDown();
                        }),
            () -> {
              log.warn("Process {} is not running: stopping at once", pid);
              stop.countDown();
            });
  }

  @Override
  public Integer call() throws Exception {
    CloudConfig cloud = config.load();
    MqttSettings mqtt = broker.apply(cloud);
    if (embeddedPort != null && cloud.connections() > 1) {
      throw new ParameterException(
          commandSpec.commandLine(),
          "--embedded-broker has no shared subscriptions, which bridge.connections ["
              + cloud.connections()
              + "] in "
              + config.path()
              + " needs: set bridge.connections = 1 for the embedded broker.");
    }
    if (embeddedPort != null) {
      mqtt = mqtt.withUri("tcp://127.0.0.1:" + embeddedPort);
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "releve-cloud-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (stopWithPid != null) {
      stopWith(stopWithPid, stop);
    }
    // closed in reverse order: MQTT first (no more acks), then the database, then the broker
    try (EmbeddedBroker embedded =
            embeddedPort == null ? null : EmbeddedBroker.start(embeddedPort);
        Database database = Database.open(cloud.store(), Clock.systemUTC());
        Bridge bridge =
            new Bridge(
                mqtt,
                cloud.upFilter(),
                new Ingest(database),
                cloud.workers(),
                cloud.connections())) {
      log.info("Database {}", database.describe());
      bridge.start();
      announce(bridge, mqtt.uri(), database);
      List<CloudService.Running> services =
          startServices(new CloudContext(cloud.file(), database, Clock.systemUTC()));
      SystemdNotifier systemd = systemd();
      String ready = "receiving from " + mqtt.uri() + " into " + database.describe();
      tellSystemd(() -> systemd.ready(ready));
      try {
        stop.await();
        log.info("Stopping");
        tellSystemd(() -> systemd.stopping("stopping"));
      } finally {
        for (int i = services.size() - 1; i >= 0; i--) {
          services.get(i).close();
        }
      }
    } finally {
      stopped.countDown();
    }
    return ExitCodes.OK;
  }
}
