package io.releve.cloud.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.gateway.cli.ExitCodes;
import io.releve.gateway.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * A small drain with the real pieces: a Mosquitto started by the benchmark, the cloud bridge's
 * packaged jar as a child process, the gateway's uplink. Timing is not asserted, only the counts.
 *
 * <p>It lives with the bridge, whose tests have the gateway on their class path: the cloud jar is
 * this module's own, packaged before its integration tests. A missing Mosquitto skips it on a
 * developer machine and fails it under {@code CI=true}.
 */
@Timeout(180)
class BenchDrainIT {

  private static final Path CLOUD_JAR = Path.of("target", "releve-cloud.jar").toAbsolutePath();
  private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

  @BeforeAll
  static void needsTheCloudJarAndMosquitto() {
    require(
        Files.isRegularFile(CLOUD_JAR),
        "the cloud jar "
            + CLOUD_JAR
            + " is not built: run the integration tests through mvn verify, after package");
    require(
        Files.isExecutable(MOSQUITTO), "Mosquitto is not installed (apt-get install mosquitto)");
  }

  private static void require(boolean present, String missing) {
    if (present) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail(missing + "; under CI=true the drain benchmark's test must run");
    }
    Assumptions.abort(missing + "; skipped outside CI");
  }

  @Test
  void benchDrain_twentyMetersForOneDay_deliversEveryReadingOnceAndPrintsTheReport() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code =
        cli.execute(
            "bench",
            "drain",
            "--meters",
            "20",
            "--days",
            "1",
            "--batch-size",
            "100",
            "--window",
            "4",
            "--timeout",
            "120s",
            "--cloud-jar",
            CLOUD_JAR.toString());

    assertEquals(ExitCodes.OK, code, err::toString);
    List<String> lines = Arrays.asList(out.toString().split("\\R"));
    // 20 meters × 96 readings, in batches of 100
    assertEquals(
        List.of(
            "meters=20",
            "days=1",
            "readings=1920",
            "broker=local-mosquitto",
            "batch_size=100",
            "window=4",
            "batches=20",
            "resends=0",
            "bridge_readings=1920",
            "target_s=60"),
        lines.stream()
            .filter(l -> !l.matches("(backlog_s|drain_s|readings_per_s|ratio)=.*"))
            .toList(),
        out::toString);
    assertTrue(lines.get(3).matches("backlog_s=\\d+\\.\\d{3}"), lines.get(3));
    assertTrue(lines.get(10).matches("drain_s=\\d+\\.\\d{3}"), lines.get(10));
    assertTrue(lines.get(11).matches("readings_per_s=\\d+"), lines.get(11));
    assertTrue(lines.get(12).matches("ratio=\\d+\\.\\d{3}"), lines.get(12));
    assertTrue(err.toString().contains("Mosquitto started on tcp://127.0.0.1:"), err::toString);
  }
}
