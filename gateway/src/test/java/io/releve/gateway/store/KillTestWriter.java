package io.releve.gateway.store;

import io.releve.gateway.reading.Reading;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link StoreKillTest}: writes batches of readings to a database forever and
 * prints {@code epoch <uuid>} once, then {@code committed <lastSeq>} after every commit, until it
 * is killed.
 *
 * <p>Arguments: the database file and the number of readings per batch.
 */
public final class KillTestWriter {

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int batchSize = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Clock clock = Clock.systemUTC();
    try (Database database = Database.open(file, clock)) {
      out.println("epoch " + database.epoch());
      ReadingStore store = new ReadingStore(database);
      for (long batch = 0; ; batch++) {
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>(batchSize);
        List<RawFrame> frames = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
          Instant at = now.plusMillis(i);
          readings.add(TestReadings.volume(TestReadings.WATER, batch + "." + i, at));
          frames.add(new RawFrame(new byte[64], at, "bus0", TestReadings.WATER));
        }
        // Printed just before the transaction starts, so that the parent can kill inside it.
        out.println("writing " + batch);
        StoredBatch stored = store.storeBatch(readings, frames);
        out.println("committed " + stored.lastSeq());
      }
    }
  }

  private KillTestWriter() {}
}
