package io.releve.cloud.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestResultTest {

  private static final IngestBenchmark.Settings SETTINGS =
      new IngestBenchmark.Settings(
          2,
          5,
          100,
          8,
          Duration.ofSeconds(60),
          null,
          null,
          null,
          null,
          IngestBenchmark.Phases.BOTH,
          4);

  private static IngestResult result(IngestResult.Phase... phases) {
    return new IngestResult(
        SETTINGS, 1_000, 300_000, "local-mosquitto", "local-postgresql", List.of(phases));
  }

  @Test
  void aRunOfBothPhases_printsEachPhase_thenTheChecks_theRatioOfPhaseOne_andTheTarget() {
    IngestResult result =
        result(
            new IngestResult.Phase("one", 10_000_000, 1_000, List.of(10L), 0, 0, 10),
            new IngestResult.Phase("two", 20_000_000, 1_000, List.of(6L, 4L), 0, 0, 10));

    assertEquals(
        List.of(
            "gateways=2",
            "batches_per_gateway=5",
            "batch_size=100",
            "window=8",
            "readings=1000",
            "payload_mib=0.3",
            "broker=local-mosquitto",
            "database=local-postgresql",
            "connections_per_instance=4",
            "one_instances=1",
            "one_s=0.010",
            "one_readings_per_s=100000",
            "one_stored=1000",
            "two_instances=2",
            "two_s=0.020",
            "two_readings_per_s=50000",
            "two_stored=1000",
            "two_batches_a=6",
            "two_share_a=0.600",
            "two_batches_b=4",
            "two_share_b=0.400",
            "checks=passed",
            "ratio=2.000",
            "target_readings_per_s=50000"),
        result.lines());
  }

  @Test
  void anUnevenSplit_failsTheCheck_namingTheInstanceAndItsShare() {
    IngestResult result =
        result(new IngestResult.Phase("two", 20_000_000, 1_000, List.of(7L, 3L), 0, 0, 10));

    assertEquals(
        List.of(
            "Phase two: instance a handled 70.0 % of the batches, outside 40–60 %.",
            "Phase two: instance b handled 30.0 % of the batches, outside 40–60 %."),
        result.problems());
    assertTrue(result.lines().contains("checks=failed"));
  }

  @Test
  void withoutPhaseOne_thereIsNoRatio() {
    IngestResult result =
        result(new IngestResult.Phase("two", 20_000_000, 1_000, List.of(5L, 5L), 0, 0, 10));

    assertEquals(null, result.ratio());
    assertTrue(result.lines().stream().noneMatch(l -> l.startsWith("ratio=")));
  }

  @Test
  void aMissingReading_orAFailureOfTheBridge_failsTheChecks() {
    IngestResult result =
        result(new IngestResult.Phase("one", 10_000_000, 999, List.of(10L), 1, 0, 10));

    assertEquals(
        List.of(
            "Phase one: the database holds 999 readings instead of 1000.",
            "Phase one: the bridge had 1 database failures and refused 0 payloads."),
        result.problems());
  }
}
