package io.releve.gateway.sim.building;

import io.releve.gateway.ingest.FrameIngest;
import io.releve.gateway.ingest.IngestResult;
import io.releve.gateway.ingest.ReceivedFrame;
import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.reading.ClockState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fills a gateway database with the history the building would have produced: at every step from
 * {@code from} to {@code to}, every meter of every bus is read as a poll cycle would read it, its
 * telegrams framed as RSP_UD long frames from its primary address and stored through {@link
 * FrameIngest}, so they go through the same decoder and store as frames off a real bus.
 *
 * <p>Within a step the meters of a bus are read {@link #READOUT_SPACING} apart, in address order,
 * as a poller would; buses are read in parallel, so each bus starts at the step. Steps are stored a
 * simulated day per transaction: one fsync a day of history keeps months of it to seconds.
 *
 * <p>Cost: 90 days hourly of the shipped building (549 000 frames, 2.2 million readings) take about
 * 40 s on a 2-core machine, of which about 1 s makes the telegrams, 3 s decodes them and the rest
 * is SQLite inserting rows ({@code BackfillBenchmark} in the tests measures it).
 */
public final class Backfill {

  /** Time between two telegrams on a bus: about one short readout at 2400 baud. */
  public static final Duration READOUT_SPACING = Duration.ofMillis(250);

  private static final Duration DAY = Duration.ofDays(1);

  /** Told after each stored batch how far the backfill has come. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param upTo every step before this instant is stored
     * @param stepsDone steps stored so far
     * @param stepsTotal steps of the whole run
     */
    void stored(Instant upTo, long stepsDone, long stepsTotal);
  }

  /**
   * What a run stored.
   *
   * @param steps poll cycles simulated
   * @param frames telegrams ingested
   * @param readings readings stored
   * @param rejected frames the decoder refused (quarantined); 0 unless a meter is broken
   * @param elapsed the real time the run took
   */
  public record Result(long steps, long frames, long readings, long rejected, Duration elapsed) {}

  private final Building building;
  private final FrameIngest ingest;

  public Backfill(Building building, FrameIngest ingest) {
    this.building = Objects.requireNonNull(building, "building");
    this.ingest = Objects.requireNonNull(ingest, "ingest");
  }

  /** Runs without progress reports. */
  public Result run(Instant from, Instant to, Duration interval) {
    return run(from, to, interval, (upTo, done, total) -> {});
  }

  /**
   * Reads every meter at {@code from}, {@code from + interval}, … up to but not including {@code
   * to}, and stores the readings.
   *
   * @param interval at least the time one bus needs for a cycle ({@link #READOUT_SPACING} per
   *     telegram), so that cycles do not overlap
   * @throws IllegalArgumentException when the range is empty or the interval too short
   * @throws io.releve.gateway.store.StoreException when the database cannot be written; the days
   *     stored before stay stored
   */
  public Result run(Instant from, Instant to, Duration interval, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    checkArguments(from, to, interval);
    long started = System.nanoTime();
    long total = steps(from, to, interval);
    long stepsPerBatch = Math.max(1, DAY.toNanos() / interval.toNanos());
    long frames = 0;
    long readings = 0;
    long rejected = 0;
    long done = 0;
    List<ReceivedFrame> batch = new ArrayList<>();
    Instant step = from;
    while (step.isBefore(to)) {
      readAll(step, batch);
      done++;
      step = step.plus(interval);
      if (done % stepsPerBatch == 0 || !step.isBefore(to)) {
        IngestResult result = ingest.ingest(batch, ClockState.SYNCHRONISED);
        frames += batch.size();
        readings += result.readingsStored();
        rejected += result.rejections().size();
        batch.clear();
        progress.stored(step.isBefore(to) ? step : to, done, total);
      }
    }
    return new Result(
        done, frames, readings, rejected, Duration.ofNanos(System.nanoTime() - started));
  }

  /** One poll cycle of every bus at {@code step}. */
  private void readAll(Instant step, List<ReceivedFrame> into) {
    for (BusPlan bus : building.plans()) {
      Instant at = step;
      for (PlannedSlave slave : bus.slaves()) {
        List<byte[]> telegrams = slave.meter().readout(at);
        for (byte[] userData : telegrams) {
          into.add(new ReceivedFrame(longFrame(slave.primaryAddress(), userData), at, bus.name()));
          at = at.plus(READOUT_SPACING);
        }
      }
    }
  }

  /** The RSP_UD long frame a slave at {@code address} sends for {@code userData} (CI first). */
  static byte[] longFrame(int address, byte[] userData) {
    return LinkFrames.longFrame(
        LinkFrames.C_RSP_UD,
        address,
        userData[0] & 0xFF,
        Arrays.copyOfRange(userData, 1, userData.length));
  }

  /**
   * Checks a range before {@link #run}: not empty, and an interval no shorter than one poll cycle
   * of the longest bus.
   *
   * @throws IllegalArgumentException saying which
   */
  public void checkArguments(Instant from, Instant to, Duration interval) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(interval, "interval");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "Backfill from [" + from + "] to [" + to + "] is empty: from must come before to.");
    }
    int longestBus = 0;
    for (BusPlan bus : building.plans()) {
      int telegrams = 0;
      for (PlannedSlave slave : bus.slaves()) {
        // every meter but the heat meter answers in one telegram; count the heat meter's two
        telegrams += slave.meter().telegramsPerReadout();
      }
      longestBus = Math.max(longestBus, telegrams);
    }
    Duration cycle = READOUT_SPACING.multipliedBy(longestBus);
    if (interval.compareTo(cycle) < 0) {
      throw new IllegalArgumentException(
          "Backfill interval ["
              + interval
              + "] is shorter than a poll cycle of the longest bus ("
              + cycle
              + ").");
    }
  }

  private static long steps(Instant from, Instant to, Duration interval) {
    long span = Duration.between(from, to).toNanos();
    long each = interval.toNanos();
    return (span + each - 1) / each;
  }
}
