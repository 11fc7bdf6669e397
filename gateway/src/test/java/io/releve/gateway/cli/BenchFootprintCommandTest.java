package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.testkit.ChildJvm;
import io.releve.testkit.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small footprint run with the real daemon as a child JVM: the report's keys and the sanity of
 * its values. Neither figure is compared with its target here (CI machines vary).
 */
class BenchFootprintCommandTest {

  @Test
  void benchFootprint_cyclesOfZero_isAUsageError() {
    CliRun run = CliRun.of("bench", "footprint", "--cycles", "0");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "releve: --cycles [0] must lie between 1 and 100." + System.lineSeparator(), run.err());
  }

  @Test
  @Timeout(180)
  void benchFootprint_twentyMetersADay_reportsMemoryAndFirstPollAgainstTheirTargets() {
    MosquittoBroker.assumeInstalled();

    CliRun run = CliRun.of("bench", "footprint", "--meters", "20", "--days", "1", "--cycles", "1");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<String[]> lines = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      lines.add(line.split("=", 2));
    }
    assertEquals(
        List.of(
            "meters",
            "buses",
            "days",
            "backlog_readings",
            "backlog_s",
            "jvm_flags",
            "cycles",
            "answered",
            "first_poll_s",
            "first_cycle_s",
            "every_bus_s",
            "rss_mb",
            "peak_rss_mb",
            "daemon_exit",
            "ratio",
            "target_rss_mb",
            "ratio",
            "target_first_poll_s"),
        lines.stream().map(l -> l[0]).toList());
    Map<String, String> report = new java.util.HashMap<>();
    lines.forEach(l -> report.putIfAbsent(l[0], l[1]));
    // 4 dwellings of 5 meters and the heat meter, on a stairwell bus and the boiler room's
    assertEquals("21", report.get("meters"));
    assertEquals("2", report.get("buses"));
    assertEquals("1", report.get("days"));
    assertEquals("1", report.get("cycles"));
    assertEquals("21", report.get("answered"));
    // SIGTERM: the JVM's exit once its shutdown hooks have stopped the daemon in order
    assertEquals("143", report.get("daemon_exit"));
    assertEquals("96", report.get("target_rss_mb"));
    assertEquals("2", report.get("target_first_poll_s"));
    // 96 quarter-hours of 22 telegrams (the heat meter sends two), each one reading or more
    assertTrue(Long.parseLong(report.get("backlog_readings")) >= 96 * 22, run.out());

    double firstPoll = Double.parseDouble(report.get("first_poll_s"));
    double firstCycle = Double.parseDouble(report.get("first_cycle_s"));
    double everyBus = Double.parseDouble(report.get("every_bus_s"));
    assertTrue(0 < firstPoll && firstPoll < firstCycle && firstCycle <= everyBus, run.out());
    double rss = Double.parseDouble(report.get("rss_mb"));
    double peak = Double.parseDouble(report.get("peak_rss_mb"));
    // a JVM's resident set is tens of megabytes; -Xmx64m keeps its heap under 64 MB
    assertTrue(10 < rss && rss <= peak && peak < 1024, run.out());
    List<Double> ratios =
        lines.stream()
            .filter(l -> l[0].equals("ratio"))
            .map(l -> Double.parseDouble(l[1]))
            .toList();
    assertEquals(peak / 96, ratios.get(0), 0.001, run.out());
    assertEquals(firstPoll / 2, ratios.get(1), 0.001, run.out());
  }

  @Test
  @Timeout(180)
  void benchFootprint_stoppedWithSigterm_leavesNoBrokerNorDaemonBehind(@TempDir Path folder)
      throws Exception {
    MosquittoBroker.assumeInstalled();
    Path stderr = folder.resolve("bench.err");
    List<ProcessHandle> children = new ArrayList<>();
    Process bench =
        ChildJvm.start(
            Main.class,
            stderr,
            "bench",
            "footprint",
            "--meters",
            "20",
            "--days",
            "1",
            "--cycles",
            "100",
            "--timeout",
            "600s");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (bench.isAlive()
          && System.nanoTime() < deadline
          && !Files.readString(stderr, StandardCharsets.UTF_8).contains("first poll after")) {
        Thread.sleep(100);
      }
      String progress = Files.readString(stderr, StandardCharsets.UTF_8);
      assertTrue(progress.contains("first poll after"), progress);
      children.addAll(bench.descendants().toList());
      assertTrue(
          children.stream().anyMatch(c -> command(c).contains("mosquitto"))
              && children.stream().anyMatch(c -> command(c).contains("java")),
          "a broker and a daemon: " + children.stream().map(c -> command(c)).toList());

      bench.destroy();

      assertTrue(bench.waitFor(60, TimeUnit.SECONDS), "the bench did not end on SIGTERM");
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(child.isAlive(), command(child) + " outlived the bench");
      }
    } finally {
      bench.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static String command(ProcessHandle process) {
    return process.info().command().orElse("?");
  }
}
