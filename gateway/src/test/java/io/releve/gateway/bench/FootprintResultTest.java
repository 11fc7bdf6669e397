package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintResultTest {

  @Test
  void lines_giveEachRatioFollowedByItsTarget() {
    // 72 MB peak (73 728 kB) of 96: 0.75; first poll after 1.5 s of 2: 0.75
    FootprintResult result =
        new FootprintResult(
            501,
            5,
            7,
            1_346_688,
            30_500_000_000L,
            3,
            501,
            1_500_000_000L,
            2_750_000_000L,
            33_250_000_000L,
            73_728,
            70_656,
            143);

    assertEquals(
        List.of(
            "meters=501",
            "buses=5",
            "days=7",
            "backlog_readings=1346688",
            "backlog_s=30.500",
            "jvm_flags=-Xms16m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + " -XX:ReservedCodeCacheSize=16m -XX:+ExitOnOutOfMemoryError",
            "cycles=3",
            "answered=501",
            "first_poll_s=1.500",
            "first_cycle_s=2.750",
            "every_bus_s=33.250",
            "rss_mb=69.0",
            "peak_rss_mb=72.0",
            "daemon_exit=143",
            "ratio=0.750",
            "target_rss_mb=96",
            "ratio=0.750",
            "target_first_poll_s=2"),
        result.lines());
  }

  @Test
  void ratios_aboveOne_missTheTargets() {
    // 120 MB (122 880 kB) of 96: 1.25; 3 s of 2: 1.5
    FootprintResult result =
        new FootprintResult(21, 2, 1, 2016, 1, 1, 21, 3_000_000_000L, 4, 5, 122_880, 100_000, 0);

    assertEquals(1.25, result.rssRatio(), 1e-9);
    assertEquals(1.5, result.firstPollRatio(), 1e-9);
  }
}
