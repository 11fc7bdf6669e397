package io.releve.cloud.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.testkit.MosquittoBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * A quick run of {@code bench ingest} in this JVM with the real pieces: a Mosquitto and a
 * PostgreSQL server started by the benchmark, one bridge instance then two in a share group. The
 * speed is not asserted, only the report and its checks. A missing Mosquitto skips it on a
 * developer machine and fails it under {@code CI=true}.
 */
@Timeout(300)
class IngestBenchIT {

  @Test
  void benchIngestQuick_storesEveryReadingOnceInBothPhases_andSplitsPhaseTwoEvenly() {
    MosquittoBroker.assumeInstalled();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("ingest", "--quick", "--timeout", "120s");

    assertEquals(ExitCodes.OK, code, () -> out + "\n" + err);
    List<String> lines = Arrays.asList(out.toString().split("\\R"));
    Map<String, String> report =
        lines.stream()
            .map(l -> l.split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    // 4 gateways × 10 batches × 100 readings
    assertEquals(
        Map.of(
            "gateways", "4",
            "batches_per_gateway", "10",
            "batch_size", "100",
            "window", "8",
            "readings", "4000",
            "broker", "local-mosquitto",
            "database", "local-postgresql",
            "one_instances", "1",
            "one_stored", "4000",
            "two_instances", "2"),
        Map.of(
            "gateways", report.get("gateways"),
            "batches_per_gateway", report.get("batches_per_gateway"),
            "batch_size", report.get("batch_size"),
            "window", report.get("window"),
            "readings", report.get("readings"),
            "broker", report.get("broker"),
            "database", report.get("database"),
            "one_instances", report.get("one_instances"),
            "one_stored", report.get("one_stored"),
            "two_instances", report.get("two_instances")),
        out::toString);
    assertEquals("4", report.get("connections_per_instance"), out::toString);
    assertEquals("4000", report.get("two_stored"), out::toString);
    assertEquals(
        40,
        Integer.parseInt(report.get("two_batches_a"))
            + Integer.parseInt(report.get("two_batches_b")),
        out::toString);
    for (String share : List.of("two_share_a", "two_share_b")) {
      double value = Double.parseDouble(report.get(share));
      assertTrue(value >= 0.40 && value <= 0.60, () -> share + " " + out);
    }
    assertEquals("passed", report.get("checks"), out::toString);
    assertTrue(report.get("one_s").matches("\\d+\\.\\d{3}"), out::toString);
    assertTrue(report.get("one_readings_per_s").matches("\\d+"), out::toString);
    assertTrue(report.get("ratio").matches("\\d+\\.\\d{3}"), out::toString);
    assertEquals("ratio=" + report.get("ratio"), lines.get(lines.size() - 2), out::toString);
    assertEquals("target_readings_per_s=50000", lines.get(lines.size() - 1), out::toString);
    assertTrue(err.toString().contains("Mosquitto started on tcp://127.0.0.1:"), err::toString);
    assertTrue(err.toString().contains("phase two: "), err::toString);
  }
}
