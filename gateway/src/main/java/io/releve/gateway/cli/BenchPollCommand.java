package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.bench.BenchLine;
import io.releve.gateway.bench.PollBenchmark;
import io.releve.gateway.sim.PtySlave;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code releve bench poll}: our master's poll cycle against the wire time of its traffic. */
@Command(
    name = "poll",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a simulated bus in this JVM (dwellings of two water meters and three allocators,"
          + " a two-telegram heat meter at the last address; the shortest reply delay the standard"
          + " allows), reads every meter by primary address with Relevé's master over TCP (or a"
          + " pseudo-terminal with --pty), and after one warm-up cycle prints the measured cycle"
          + " time, the wire time of the same traffic, their ratio (elapsed / wire) and the target"
          + " (DESIGN §9: 1.10)."
    })
public final class BenchPollCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--meters",
      defaultValue = "250",
      description = "Meters on the bus, 1–250 (default: ${DEFAULT-VALUE}).")
  int meters;

  @Option(
      names = "--baud",
      defaultValue = "2400",
      description = "Line speed: 300, 2400 or 9600 (default: ${DEFAULT-VALUE}).")
  int baud;

  @Option(
      names = "--cycles",
      defaultValue = "1",
      description = "Measured cycles after the warm-up, 1–100 (default: ${DEFAULT-VALUE}).")
  int cycles;

  @Option(
      names = "--pty",
      description =
          "Poll over a pseudo-terminal with the serial code (needs socat) instead of TCP.")
  boolean pty;

  @Override
  public Integer call() throws IOException {
    if (cycles > 100) {
      throw new CliException(
          ExitCodes.USAGE, "--cycles [" + cycles + "] must lie between 1 and 100.");
    }
    if (pty && !PtySlave.socatAvailable()) {
      throw new CliException(
          ExitCodes.FAILURE, "--pty needs socat on the PATH to make the pseudo-terminal pair.");
    }
    BenchLine line = pty ? BenchLine.PTY : BenchLine.TCP;
    PollBenchmark benchmark;
    try {
      benchmark = new PollBenchmark(meters, baud, cycles, line);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage(), e);
    }
    PollBenchmark.Result result = benchmark.run();
    PrintWriter out = spec.commandLine().getOut();
    out.println("line=" + result.line().label());
    out.println("meters=" + result.meters());
    out.println("baud=" + result.baud());
    out.println("cycles=" + result.cycles());
    out.println("requests=" + result.requests());
    out.println("telegrams=" + result.telegrams());
    out.println("bytes_on_wire=" + result.bytesOnWire());
    out.println("retries=" + result.retries());
    out.println(String.format(Locale.ROOT, "cycle_s=%.3f", result.cycleSeconds()));
    out.println(String.format(Locale.ROOT, "wire_s=%.3f", result.wireSeconds()));
    out.println(
        String.format(Locale.ROOT, "overhead_ms_per_meter=%.2f", result.overheadMillisPerMeter()));
    out.println(String.format(Locale.ROOT, "ratio=%.2f", result.ratio()));
    out.println(String.format(Locale.ROOT, "target=%.2f", PollBenchmark.TARGET_RATIO));
    out.flush();
    return ExitCodes.OK;
  }
}
