package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrainResultTest {

  @Test
  void lines_fullSizeDrainOf42Seconds_giveRateAndRatioToTheSixtySecondTarget() {
    DrainResult result =
        new DrainResult(
            500,
            7,
            336_000,
            "local-mosquitto",
            500,
            8,
            9_876_543_210L,
            42_000_000_000L,
            672,
            0,
            336_000);

    assertEquals(
        List.of(
            "meters=500",
            "days=7",
            "readings=336000",
            "backlog_s=9.877",
            "broker=local-mosquitto",
            "batch_size=500",
            "window=8",
            "batches=672",
            "resends=0",
            "bridge_readings=336000",
            "drain_s=42.000",
            "readings_per_s=8000",
            "ratio=0.700",
            "target_s=60"),
        result.lines());
  }

  @Test
  void ratio_aboveTheTarget_isAboveOne() {
    DrainResult result =
        new DrainResult(
            500, 7, 336_000, "tcp://broker:1883", 500, 8, 0, 90_000_000_000L, 672, 0, 336_000);

    assertEquals(1.5, result.ratio(), 1e-9);
    assertEquals("broker=tcp://broker:1883", result.lines().get(4));
  }
}
