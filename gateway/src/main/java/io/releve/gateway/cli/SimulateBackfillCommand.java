package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.config.Durations;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.sim.building.Backfill;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code releve simulate backfill}: months of the simulated building's history in the gateway's
 * database, as if it had been polled all along: installs the building's meters when missing, then
 * reads every meter at every interval step up to now, one transaction per simulated day.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Stores the simulated building's history up to now in the gateway's database, as if every",
      "meter had been polled at each interval. Installs the building's meters when missing."
    })
public final class SimulateBackfillCommand implements Callable<Integer> {

  @Mixin BuildingOption building;

  @Mixin DatabaseOption database;

  @Option(
      names = "--days",
      paramLabel = "N",
      required = true,
      description = "How many days of history, ending now (1 to 800).")
  int days;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationArgument.class,
      description = "Time between two readouts of a meter (default 1h).")
  Duration interval = Duration.ofHours(1);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Clock clock;

  public SimulateBackfillCommand() {
    this(Clock.systemUTC());
  }

  SimulateBackfillCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (days < 1 || days > 800) {
      throw new CliException(
          ExitCodes.USAGE, "--days must lie between 1 and 800, not " + days + ".");
    }
    // the leaks began faults.leak-start before now, so that the history ending now shows them
    Building loaded = building.load(clock.instant());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // whole interval steps, so that a second backfill lines up with the first
    long step = interval.toMillis();
    Instant to = Instant.ofEpochMilli(clock.millis() / step * step);
    Instant from = to.minus(Duration.ofDays(days));
    Backfill.Result result;
    try (Database db = Database.open(database.path(), clock)) {
      int installed = BuildingOption.installMissing(new Inventory(db), loaded.installation());
      out.printf(
          "building   %s: %d meters, %d newly installed%n",
          loaded.site(), loaded.meters().size(), installed);
      FrameIngest ingest =
          new FrameIngest(
              new WiredFrameDecoder(),
              new ReadingStore(db),
              new Quarantine(db),
              loaded.meterZone());
      Backfill backfill = new Backfill(loaded, ingest);
      try {
        backfill.checkArguments(from, to, interval);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
      }
      try {
        result =
            backfill.run(
                from,
                to,
                interval,
                (upTo, done, total) -> {
                  err.printf(Locale.ROOT, "\rbackfill %s  %d/%d steps", upTo, done, total);
                  err.flush();
                });
      } finally {
        err.println();
        err.flush();
      }
      out.printf("history    %s to %s, every %s%n", from, to, Durations.describe(interval));
      out.printf(
          Locale.ROOT,
          "stored     %d readings from %d telegrams (%d rejected) in %.1f s%n",
          result.readings(),
          result.frames(),
          result.rejected(),
          result.elapsed().toMillis() / 1000.0);
      out.printf("database   %s%n", db.file());
      out.flush();
    }
    return result.rejected() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
