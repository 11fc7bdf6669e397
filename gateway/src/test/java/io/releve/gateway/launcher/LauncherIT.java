package io.releve.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar through {@code ./releve} at the repository root, as a newcomer would. */
@Timeout(120)
class LauncherIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path folder;

  record Result(int exitCode, String out, String err) {}

  private Result releve(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("releve").toString()));
    command.addAll(List.of(args));
    Path out = folder.resolve("out.txt");
    Path err = folder.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(folder.resolve("in.txt").toFile()))
            .start();
    assertTrue(process.waitFor(100, TimeUnit.SECONDS), "releve did not finish");
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void launcher_version_runsThePackagedJar() throws Exception {
    Files.writeString(folder.resolve("in.txt"), "");

    Result result = releve("--version");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("releve "), result.out());
  }

  @Test
  void launcher_checkConfig_usesTheCheckoutsConfigurationByDefault() throws Exception {
    Files.writeString(folder.resolve("in.txt"), "");

    Result result = releve("check-config");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("gateway id   demo-gateway"), result.out());
  }

  @Test
  void launcher_demo_pollsTheSimulatedBuildingThroughTheRealDaemon() throws Exception {
    Files.writeString(folder.resolve("in.txt"), "");
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
