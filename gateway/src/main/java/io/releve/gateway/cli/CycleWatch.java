package io.releve.gateway.cli;

import io.releve.gateway.daemon.CycleReport;
import io.releve.gateway.daemon.Daemon;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Prints the daemon's cycles as they end, one at a time, and tells the commands that run it ({@code
 * run}, {@code demo}) when every bus has done a number of cycles — or has ended without them, its
 * thread stopped by a bug, so that they never wait for a bus that will not come.
 */
final class CycleWatch implements Consumer<CycleReport> {

  private static final long POLL_MILLIS = 200;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Set<String> buses;
  private final Map<String, Long> done = new ConcurrentHashMap<>();

  CycleWatch(PrintWriter out, PrintWriter err, Set<String> buses) {
    this.out = out;
    this.err = err;
    this.buses = Set.copyOf(buses);
  }

  /** One cycle: its summary on stdout, its silent meters on stderr. */
  @Override
  public void accept(CycleReport report) {
    synchronized (this) {
      out.println(report.summary());
      out.flush();
      for (String silent : report.silent()) {
        err.println("  " + report.bus() + ": " + silent);
      }
      err.flush();
      done.merge(report.bus(), report.number(), Math::max);
      // the command stops the daemon at once, before the bus's next cycle begins
      notifyAll();
    }
  }

  /** Prints a block of lines without a cycle line in between. */
  synchronized void print(Runnable block) {
    block.run();
  }

  /**
   * Waits until every bus has done {@code cycles} cycles or its thread has ended, or until {@code
   * stop} says so.
   *
   * @return the buses that ended before their {@code cycles}th cycle; empty when all got there (or
   *     when stopped)
   */
  synchronized List<String> await(long cycles, Daemon daemon, BooleanSupplier stop)
      throws InterruptedException {
    while (!stop.getAsBoolean()) {
      Set<String> ended = daemon.endedBuses();
      List<String> endedEarly = new ArrayList<>();
      boolean waiting = false;
      for (String bus : buses) {
        if (done.getOrDefault(bus, 0L) >= cycles) {
          continue;
        }
        if (ended.contains(bus)) {
          endedEarly.add(bus);
        } else {
          waiting = true;
        }
      }
      if (!waiting) {
        return endedEarly;
      }
      wait(POLL_MILLIS); // woken by each cycle's end; a stop or an ended bus is polled
    }
    return List.of();
  }
}
