package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.bench.DecodeBenchmark;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code releve bench decode}: our wired decoder against raw jmbus on the same frames. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes the built-in wired frames alternately with raw jmbus and with Relevé's decoder,"
          + " after a warm-up, in interleaved rounds in this JVM, and prints frames per second"
          + " for each, their ratio (ours / jmbus) and the target (DESIGN §9: 0.90)."
    })
public final class BenchDecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "Total run time in seconds, warm-up included (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Override
  public Integer call() {
    if (!(seconds > 0) || seconds > 3600) {
      throw new CliException(
          ExitCodes.USAGE, "--seconds [" + seconds + "] must lie between 0 and 3600.");
    }
    DecodeBenchmark.Result result =
        new DecodeBenchmark(DecodeBenchmark.builtInFrames())
            .run(Duration.ofNanos((long) (seconds * 1e9)));
    PrintWriter out = spec.commandLine().getOut();
    out.println("frames=" + result.frames());
    out.println("rounds=" + result.rounds());
    out.println(
        String.format(Locale.ROOT, "jmbus_frames_per_s=%.0f", result.jmbusFramesPerSecond()));
    out.println(
        String.format(Locale.ROOT, "releve_frames_per_s=%.0f", result.releveFramesPerSecond()));
    out.println(String.format(Locale.ROOT, "ratio=%.2f", result.ratio()));
    out.println(String.format(Locale.ROOT, "target=%.2f", DecodeBenchmark.TARGET_RATIO));
    out.flush();
    return ExitCodes.OK;
  }
}
