package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SimulateCommandTest {

  @TempDir Path folder;

  private Path building;

  @BeforeEach
  void writeBuilding() throws Exception {
    building = folder.resolve("small-building.conf");
    Files.writeString(building, DemoCommandTest.SMALL_BUILDING, StandardCharsets.UTF_8);
  }

  @Test
  void backfill_twoDays_installsTheMetersAndStoresEveryHour() {
    String database = folder.resolve("history.db").toString();

    CliRun run =
        CliRun.of(
            "simulate",
            "backfill",
            "--building",
            building.toString(),
            "--database",
            database,
            "--days",
            "2");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches("(?s)building +TS001: (\\d+) meters, \\1 newly installed\n.*"));
    assertTrue(run.out().contains(", every 1h\n"), run.out());
    assertTrue(
        run.out().matches("(?s).*stored +\\d+ readings from \\d+ telegrams \\(0 rejected\\).*"));
    CliRun readings =
        CliRun.of("readings", "--database", database, "--site", "TS001", "--dwelling", "A02");
    assertEquals(0, readings.exitCode(), readings.err());
    assertTrue(readings.out().lines().count() > 48, readings.out());
  }

  @Test
  void backfill_intervalShorterThanACycle_isAUsageError() {
    CliRun run =
        CliRun.of(
            "simulate",
            "backfill",
            "--building",
            building.toString(),
            "--database",
            folder.resolve("x.db").toString(),
            "--days",
            "1",
            "--interval",
            "1s");

    assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
  }

  @Test
  void backfill_badDuration_isAUsageErrorSayingHowToWriteOne() {
    CliRun run = CliRun.of("simulate", "backfill", "--days", "1", "--interval", "an hour");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("write a whole number and s, m, h or d"), run.err());
  }

  @Test
  void serve_gatewayConfig_letsScanFindTheBoilerRoomsHeatMeter() throws Exception {
    Path config = folder.resolve("sim").resolve("releve.conf");
    CompletableFuture<CliRun> serving =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "simulate",
                    "serve",
                    "--building",
                    building.toString(),
                    "--gateway-config",
                    config.toString(),
                    "--for",
                    "20s"));
    for (int i = 0; i < 100 && !Files.exists(config); i++) {
      Thread.sleep(100);
    }
    GatewayConfig loaded = GatewayConfig.load(config);
    assertEquals(2, loaded.buses().size());

    CliRun scan = CliRun.of("scan", "--config", config.toString(), "--bus", "boiler-room");

    assertEquals(0, scan.exitCode(), scan.err());
    assertTrue(scan.out().contains(".KAM.") && scan.out().contains(" heat "), scan.out());
    assertTrue(scan.out().contains("1 meters found on bus boiler-room, 1 new"), scan.out());
    CliRun served = serving.get(30, TimeUnit.SECONDS);
    assertEquals(0, served.exitCode(), served.err());
    assertTrue(served.out().contains("bus.stairwell-a.transport = tcp\n"), served.out());
    assertTrue(served.out().matches("(?s).*boiler-room +1 +9600 +tcp://127\\.0\\.0\\.1:\\d+.*"));
  }
}
