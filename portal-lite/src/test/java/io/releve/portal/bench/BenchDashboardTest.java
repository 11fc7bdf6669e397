package io.releve.portal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchDashboardTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    BenchCommand.Dashboard command = new BenchCommand.Dashboard();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new CommandLine(command).execute(args);
  }

  private Map<String, String> report() {
    Map<String, String> lines = new LinkedHashMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      String[] pair = line.split("=", 2);
      lines.put(pair[0], pair[1]);
    }
    return lines;
  }

  @Test
  void aSmallFleet_isStoredRolledUpAndTimed_andTheRatioIsTheP95OverFiftyMilliseconds() {
    int exit =
        run(
            "--dwellings",
            "3",
            "--days",
            "40",
            "--residents",
            "2",
            "--warmup",
            "2",
            "--requests",
            "8");

    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    Map<String, String> report = report();
    assertEquals(
        List.of(
            "dwellings",
            "days",
            "readings",
            "store_s",
            "rollups_s",
            "residents",
            "requests",
            "p50_ms",
            "p95_ms",
            "p99_ms",
            "max_ms",
            "login_page_p95_ms",
            "ratio",
            "target_ms"),
        List.copyOf(report.keySet()));
    // 3 dwellings × (cold water, hot water, 3 allocators) × 40 days
    assertEquals("600", report.get("readings"));
    assertEquals("2", report.get("residents"));
    assertEquals("8", report.get("requests"));
    double p95 = Double.parseDouble(report.get("p95_ms"));
    double ratio = Double.parseDouble(report.get("ratio"));
    assertTrue(p95 > 0, report.toString());
    assertEquals(p95 / 50, ratio, 0.001);
    assertEquals("50", report.get("target_ms"));
  }

  @Test
  void aPageWithoutTheExpectedText_failsTheRunInsteadOfTimingAnErrorPage() {
    int exit =
        run(
            "--dwellings",
            "1",
            "--days",
            "2",
            "--residents",
            "1",
            "--warmup",
            "0",
            "--requests",
            "1",
            "--path",
            "/accueil",
            "--expect",
            "text no page holds");

    assertEquals(1, exit);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("without \"text no page holds\""),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void moreResidentsThanTheLoginLimitAllows_isRefusedWithUsage() {
    assertEquals(2, run("--residents", "26"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("between 1 and 25"));
  }
}
