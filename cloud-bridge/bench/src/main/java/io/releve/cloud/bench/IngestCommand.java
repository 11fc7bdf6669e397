package io.releve.cloud.bench;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.Secret;
import io.releve.common.cli.CliException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code releve bench ingest}: the bridge's ingest into PostgreSQL, one instance then two. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the batches of a synthetic fleet (by default 40 gateways × 20 batches × 500"
          + " readings: 400 000 readings) as the contract's JSON, starts a Mosquitto of its own on"
          + " a free loopback port (or uses --broker) and a PostgreSQL server of its own in a temp"
          + " folder, fsync on (or uses --database-url), then runs two phases. Phase one: one"
          + " bridge instance (the production Bridge, Ingest and PostgresDatabase, in this JVM,"
          + " with --connections MQTT connections) on an empty database; the gateways publish with QoS 1, each with at most --window"
          + " batches awaiting an ack. Prints the time from the first publish to the ack of every"
          + " gateway's last seq, readings per second and the ratio to the target (DESIGN §9:"
          + " 50 000 readings/s); the database must then hold every reading once. Phase two: two"
          + " instances in one share group on another empty database, the same load; each must"
          + " have handled 40–60 %% of the batches and the database must hold every reading once.",
      "Exit codes: 0 every check passed (the ratio is reported, not checked), 1 a check failed or"
          + " the run could not measure (timeout, broker, database), 64 bad option, 69 Mosquitto"
          + " missing."
    })
public final class IngestCommand implements Callable<Integer> {

  /** What {@code --quick} runs: 4 gateways × 10 batches × 100 readings. */
  static final int QUICK_GATEWAYS = 4;

  static final int QUICK_BATCHES = 10;
  static final int QUICK_BATCH_SIZE = 100;

  /** The most readings a phase may hold: the payloads stay in memory (about 350 bytes each). */
  static final long MAX_READINGS = 5_000_000;

  private static final Pattern BROKER = Pattern.compile("tcp://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");
  private static final Pattern DATABASE_URL =
      Pattern.compile("jdbc:postgresql://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?/[^?/]+(\\?.*)?");

  @Spec CommandSpec spec;

  @Option(
      names = "--gateways",
      defaultValue = "40",
      description = "Gateways of the fleet, 1–999 (default: ${DEFAULT-VALUE}).")
  int gateways;

  @Option(
      names = "--batches",
      defaultValue = "20",
      description = "Batches per gateway, at least 1 (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(
      names = "--batch-size",
      defaultValue = "500",
      description = "Readings per batch, 1–2000 as the uplink's (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--window",
      defaultValue = "8",
      description =
          "Each gateway's batches awaiting an ack, 1–32 as the uplink's; gateways × window at"
              + " most 1000, Mosquitto's queue for the bridge (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--timeout",
      defaultValue = "600s",
      converter = DurationConverter.class,
      description =
          "Gives up (exit 1) when a phase's delivery takes longer: 30s, 10m, 1h (default:"
              + " ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--broker",
      paramLabel = "URI",
      description = "Use this running broker (tcp://HOST:PORT) instead of starting a Mosquitto.")
  String broker;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "Use this PostgreSQL database (jdbc:postgresql://HOST[:PORT]/DATABASE) instead of"
              + " starting a server: each phase gets a new schema, dropped at the end, so nothing"
              + " in the database is touched. Needs --database-user; the password, if any, comes"
              + " from $PGPASSWORD.")
  String databaseUrl;

  @Option(
      names = "--database-user",
      paramLabel = "ROLE",
      description = "The role for --database-url; it needs CREATE on the database.")
  String databaseUser;

  @Option(
      names = "--connections",
      defaultValue = "" + IngestBenchmark.DEFAULT_CONNECTIONS,
      description =
          "MQTT connections of each bridge instance, 1–16 as bridge.connections (default:"
              + " ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--phase",
      defaultValue = "both",
      paramLabel = "one|two|both",
      description =
          "Which phases to run: one (one instance, the ratio), two (two instances sharing the"
              + " load), both (default: ${DEFAULT-VALUE}).")
  IngestBenchmark.Phases phases;

  @Option(
      names = "--quick",
      description =
          "A small run for a smoke test: "
              + QUICK_GATEWAYS
              + " gateways × "
              + QUICK_BATCHES
              + " batches × "
              + QUICK_BATCH_SIZE
              + " readings, unless those options are given too.")
  boolean quick;

  @Override
  public Integer call() {
    if (quick) {
      gateways = unlessGiven("--gateways", gateways, QUICK_GATEWAYS);
      batches = unlessGiven("--batches", batches, QUICK_BATCHES);
      batchSize = unlessGiven("--batch-size", batchSize, QUICK_BATCH_SIZE);
    }
    checkRange("--gateways", gateways, 1, 999);
    if (batches < 1) {
      throw usage("--batches [" + batches + "] must be at least 1.");
    }
    checkRange("--batch-size", batchSize, 1, 2_000);
    checkRange("--window", window, 1, 32);
    checkRange("--connections", connections, 1, CloudConfig.MAX_CONNECTIONS);
    if (gateways * window > IngestBenchmark.MAX_BATCHES_IN_FLIGHT) {
      throw usage(
          "--gateways × --window ["
              + gateways * window
              + "] must be at most "
              + IngestBenchmark.MAX_BATCHES_IN_FLIGHT
              + ": Mosquitto queues at most that many messages for the bridge's clean session and"
              + " drops the rest.");
    }
    long readings = (long) gateways * batches * batchSize;
    if (readings > MAX_READINGS) {
      throw usage(
          "--gateways × --batches × --batch-size ["
              + readings
              + "] must be at most "
              + MAX_READINGS
              + ": the payloads are held in memory.");
    }
    if (broker != null && !BROKER.matcher(broker).matches()) {
      throw usage("--broker [" + broker + "] must be tcp://HOST:PORT.");
    }
    Secret password = checkDatabase();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "releve bench ingest: "
            + readings
            + " readings a phase, from "
            + gateways
            + " gateways through the broker to the bridge and PostgreSQL…");
    err.flush();
    IngestResult result =
        new IngestBenchmark(
                new IngestBenchmark.Settings(
                    gateways,
                    batches,
                    batchSize,
                    window,
                    timeout,
                    broker,
                    databaseUrl,
                    databaseUser,
                    password,
                    phases,
                    connections))
            .run(
                line -> {
                  err.println("releve bench ingest: " + line);
                  err.flush();
                });
    PrintWriter out = spec.commandLine().getOut();
    result.lines().forEach(out::println);
    out.flush();
    if (!result.problems().isEmpty()) {
      throw new BenchFailedException(String.join(" ", result.problems()));
    }
    return ExitCodes.OK;
  }

  private Secret checkDatabase() {
    if ((databaseUrl == null) != (databaseUser == null)) {
      throw usage("--database-url and --database-user go together.");
    }
    if (databaseUrl == null) {
      return null;
    }
    if (!DATABASE_URL.matcher(databaseUrl).matches()) {
      throw usage(
          "--database-url ["
              + databaseUrl
              + "] must be jdbc:postgresql://HOST[:PORT]/DATABASE (such as"
              + " jdbc:postgresql://db.example:5432/releve).");
    }
    String lower = databaseUrl.toLowerCase(Locale.ROOT);
    if (lower.contains("password=")) {
      throw usage("--database-url must not hold the password: set $PGPASSWORD.");
    }
    if (lower.contains("currentschema=")) {
      throw usage("--database-url must not name a schema: each phase makes a new one.");
    }
    String password = System.getenv("PGPASSWORD");
    return password == null ? null : new Secret(password);
  }

  private int unlessGiven(String option, int value, int quickValue) {
    return spec.commandLine().getParseResult().hasMatchedOption(option) ? value : quickValue;
  }

  private static void checkRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(option + " [" + value + "] must lie between " + min + " and " + max + ".");
    }
  }

  private static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** A duration as in the configuration files: a whole number and s, m or h. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smh])");

    @Override
    public Duration convert(String text) {
      Matcher m = DURATION.matcher(text);
      if (!m.matches()) {
        throw new TypeConversionException(
            "[" + text + "] is not a duration: a whole number and s, m or h, such as 600s.");
      }
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
  }
}
