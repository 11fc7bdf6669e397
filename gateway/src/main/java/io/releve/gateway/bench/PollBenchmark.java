package io.releve.gateway.bench;

import io.releve.gateway.link.LinkCounters;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.sim.BusTiming;
import io.releve.gateway.sim.SimulatedBus;
import io.releve.gateway.sim.WireAccounting;
import io.releve.gateway.transport.BusSpeeds;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The wired poll cycle (DESIGN §9: ≤ 1.10 × the wire time of the same traffic): our master ({@link
 * MBusMaster} on a real transport, {@link BenchLine}) reads every meter of a simulated bus by
 * primary address, SND_NKE then REQ_UD2, as the daemon does. The slaves answer after the shortest
 * reply delay EN 13757-2 allows (11 bit times) and pace every character at the baud rate.
 *
 * <p>The baseline is {@link WireAccounting#busTime}: what an ideal master would need for exactly
 * the traffic of the measured cycles, requests and replies at 11 bit times a character plus every
 * reply delay, with no gap between a reply's last character and the next request. The elapsed time
 * adds whatever our master, the transport and the operating system take between those. One cycle
 * warms up first (JIT, connection, the meters' consumption caches) and is not counted.
 */
public final class PollBenchmark {
  public static final double TARGET_RATIO = 1.10;

  /** The instant every meter reads its index at: fixed, so every run sends the same telegrams. */
  static final Instant METER_TIME = Instant.parse("2025-01-15T08:00:00Z");

  private final int meters;
  private final BusTiming timing;
  private final int cycles;
  private final BenchLine line;

  /**
   * @param meters meters on the bus, 1–250, at primary addresses 1 to {@code meters}
   * @param baud line speed, 300, 2400 or 9600
   * @param cycles measured cycles, at least 1
   */
  public PollBenchmark(int meters, int baud, int cycles, BenchLine line) {
    if (cycles < 1) {
      throw new IllegalArgumentException("Cycles [" + cycles + "] must be at least 1.");
    }
    PollBenchMeters.checkCount(meters);
    BusSpeeds.check(baud, "the benchmark");
    this.meters = meters;
    this.timing = BusTiming.minimumDelay(baud);
    this.cycles = cycles;
    this.line = Objects.requireNonNull(line, "line");
  }

  /**
   * @param line how the master reached the bus
   * @param meters meters read per cycle
   * @param baud line speed
   * @param cycles measured cycles
   * @param elapsedNanos wall time of the measured cycles, summed
   * @param wireNanos wire time of the same traffic, summed
   * @param requests frames the master sent in the measured cycles
   * @param telegrams RSP_UD telegrams read in the measured cycles
   * @param bytesOnWire characters of requests and replies in the measured cycles
   * @param retries the master's retries in the measured cycles (0 on a healthy bus)
   */
  public record Result(
      BenchLine line,
      int meters,
      int baud,
      int cycles,
      long elapsedNanos,
      long wireNanos,
      long requests,
      long telegrams,
      long bytesOnWire,
      long retries) {

    /** Elapsed time divided by wire time: 1.00 is an ideal master. */
    public double ratio() {
      return (double) elapsedNanos / wireNanos;
    }

    /** Mean wall time of one cycle, in seconds. */
    public double cycleSeconds() {
      return elapsedNanos / 1e9 / cycles;
    }

    /** Mean wire time of one cycle, in seconds. */
    public double wireSeconds() {
      return wireNanos / 1e9 / cycles;
    }

    /** What our side adds per meter read, beyond the wire time, in milliseconds. */
    public double overheadMillisPerMeter() {
      return (elapsedNanos - wireNanos) / 1e6 / ((double) meters * cycles);
    }
  }

  /**
   * Starts the bus, runs the warm-up and the measured cycles, and stops the bus.
   *
   * @throws IOException when the bus cannot be served or reached, or a meter could not be read
   *     after the retries ({@link io.releve.gateway.link.LinkException}): the run is then void
   */
  public Result run() throws IOException {
    SimulatedBus bus =
        new SimulatedBus(
            "bench-" + line.label(),
            timing,
            PollBenchMeters.slaves(meters),
            Clock.fixed(METER_TIME, ZoneOffset.UTC));
    WireAccounting accounting = bus.accounting();
    try (BenchLine.Connection connection = line.open(bus, timing)) {
      MBusMaster master = connection.master();
      pollCycle(master);
      LinkCounters counters = master.counters();
      long retriesBefore = counters.retries();
      long elapsed = 0;
      long wire = 0;
      long requests = 0;
      long telegrams = 0;
      long bytes = 0;
      for (int cycle = 0; cycle < cycles; cycle++) {
        accounting.reset(); // the previous cycle's last reply has been read: nothing is in flight
        long start = System.nanoTime();
        telegrams += pollCycle(master);
        elapsed += System.nanoTime() - start;
        wire += accounting.busTime(timing).toNanos();
        requests += accounting.requests();
        bytes += accounting.bytesOnWire();
      }
      return new Result(
          line,
          meters,
          timing.baud(),
          cycles,
          elapsed,
          wire,
          requests,
          telegrams,
          bytes,
          counters.retries() - retriesBefore);
    }
  }

  /** Reads every meter once; returns the telegrams read. */
  private int pollCycle(MBusMaster master) throws IOException {
    int telegrams = 0;
    for (int address = 1; address <= meters; address++) {
      Readout readout = master.readPrimary(address);
      telegrams += readout.telegrams().size();
    }
    return telegrams;
  }
}
