package io.releve.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.testkit.ReleveLauncher;
import io.releve.testkit.ReleveLauncher.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar through {@code ./releve} at the repository root, as a newcomer would. */
@Timeout(120)
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path folder;

  private Result releve(String... args) throws IOException, InterruptedException {
    return ReleveLauncher.run(ROOT, folder, args);
  }

  @Test
  void launcher_version_runsThePackagedJar() throws Exception {

    Result result = releve("--version");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("releve "), result.out());
  }

  @Test
  void launcher_checkConfig_usesTheCheckoutsConfigurationByDefault() throws Exception {

    Result result = releve("check-config");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("gateway id   demo-gateway"), result.out());
  }

  @Test
  void launcher_demo_pollsTheSimulatedBuildingThroughTheRealDaemon() throws Exception {
    Path building = folder.resolve("small.conf");
    Files.writeString(
        building,
        "site.code = TS002\nsite.stairwells = 1\nsite.dwellings-per-stairwell = 2\n"
            + "site.radiators.min = 1\nsite.radiators.max = 1\nbus.baud = 9600\n",
        StandardCharsets.UTF_8);

    Result result =
        releve(
            "demo",
            "--building",
            building.toString(),
            "--data",
            folder.resolve("data").toString(),
            "--history-days",
            "1",
            "--cycles",
            "1");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("bus boiler-room cycle 1: 1/1 meters answered"), result.out());
    assertTrue(result.out().contains("Cold water over the last day"), result.out());
  }
}
