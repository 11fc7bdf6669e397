package io.releve.portal.bench;

import io.releve.cloud.spi.CloudCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code releve cloud bench …} (and {@code ./releve bench dashboard}): the portal's benchmarks,
 * found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/io.releve.cloud.spi.CloudCommand}.
 */
public final class BenchCommand implements CloudCommand {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public Object command() {
    return new Group();
  }

  /** The {@code bench} command: only its subcommands do something. */
  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description = "The portal's benchmarks.",
      subcommands = {CommandLine.HelpCommand.class, Dashboard.class})
  static final class Group {}

  /** {@code bench dashboard}. */
  @Command(
      name = "dashboard",
      mixinStandardHelpOptions = true,
      description =
          "The residents' dashboard with two years of daily data for 1 000 dwellings: the 95th"
              + " percentile of its GETs against 50 ms, as a ratio= line (at most 1.0 meets the"
              + " target).")
  static final class Dashboard implements Callable<Integer> {

    @Option(
        names = "--dwellings",
        defaultValue = "1000",
        description = "Dwellings (${DEFAULT-VALUE}).")
    int dwellings;

    @Option(
        names = "--days",
        defaultValue = "730",
        description = "Days of daily readings (${DEFAULT-VALUE}).")
    int days;

    @Option(
        names = "--residents",
        defaultValue = "25",
        description = "Residents signed in and visited in turn, at most 25 (${DEFAULT-VALUE}).")
    int residents;

    @Option(
        names = "--warmup",
        defaultValue = "400",
        description = "Untimed GETs first (${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--requests",
        defaultValue = "2000",
        description = "Timed GETs (${DEFAULT-VALUE}).")
    int requests;

    @Option(
        names = "--path",
        defaultValue = "/tableau-de-bord",
        description = "The page (${DEFAULT-VALUE}).")
    String path;

    @Option(
        names = "--expect",
        defaultValue = "<svg",
        description = "A text every timed page must hold (${DEFAULT-VALUE}).")
    String expect;

    @Option(names = "--keep", description = "Keep the folder with the store and the mail.")
    boolean keep;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
      if (dwellings < 1
          || days < 1
          || residents < 1
          || residents > 25
          || requests < 1
          || warmup < 0) {
        err.println(
            "releve bench dashboard: --dwellings, --days and --requests must be at least 1,"
                + " --residents between 1 and 25, --warmup at least 0");
        return 2;
      }
      Path folder = Files.createTempDirectory("releve-bench-dashboard-");
      try {
        DashboardResult result =
            new DashboardBench(
                    new DashboardBench.Settings(
                        dwellings, days, residents, warmup, requests, path, expect, folder),
                    err)
                .run();
        result.lines().forEach(out::println);
        return 0;
      } catch (DashboardBench.BenchFailure e) {
        err.println("releve bench dashboard: " + e.getMessage());
        return 1;
      } finally {
        if (keep) {
          err.println("releve bench dashboard: kept " + folder);
        } else {
          delete(folder);
        }
      }
    }

    private static void delete(Path folder) throws IOException {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths
            .sorted(Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
  }
}
