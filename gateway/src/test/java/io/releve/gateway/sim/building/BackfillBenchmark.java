package io.releve.gateway.sim.building;

import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.Quarantine;
import io.releve.gateway.store.ReadingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long the backfill of the shipped building takes: 90 days, hourly, into a fresh SQLite file.
 * Not a unit test (timings are not asserted); run it by hand with the test classpath:
 *
 * <pre>java -cp … io.releve.gateway.sim.building.BackfillBenchmark [days]</pre>
 */
public final class BackfillBenchmark {

  private BackfillBenchmark() {}

  public static void main(String[] args) throws Exception {
    int days = args.length > 0 ? Integer.parseInt(args[0]) : 90;
    Instant to = Instant.parse("2026-03-01T00:00:00Z");
    Building building = Building.load(Path.of("config", "simulated-building.conf"), to);
    Path folder = Files.createTempDirectory("backfill-bench");
    Instant from = to.minus(Duration.ofDays(days));
    try (Database db = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      new Inventory(db).importAll(building.installation());
      FrameIngest ingest =
          new FrameIngest(
              new WiredFrameDecoder(),
              new ReadingStore(db),
              new Quarantine(db),
              building.meterZone());
      Backfill.Result result = new Backfill(building, ingest).run(from, to, Duration.ofHours(1));
      System.out.printf(
          "%d days hourly: %d steps, %d frames, %d readings, %d rejected in %.1f s (%.0f"
              + " readings/s)%n",
          days,
          result.steps(),
          result.frames(),
          result.readings(),
          result.rejected(),
          result.elapsed().toMillis() / 1000.0,
          result.readings() / (result.elapsed().toMillis() / 1000.0));
    }
  }
}
