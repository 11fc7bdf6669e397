package io.releve.cloud.launcher;

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

/** Runs the packaged cloud jar through {@code ./releve cloud} and {@code ./releve diag}. */
@Timeout(120)
class CloudLauncherIT {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

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
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertTrue(process.waitFor(100, TimeUnit.SECONDS), "releve did not finish");
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void releveCloudVersion_runsTheCloudJar() throws Exception {
    Result result = releve("cloud", "--version");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("releve"), result.out());
  }

  @Test
  void releveDiag_refusesACommandOffTheAllowListBeforeSendingAnything() throws Exception {
    Result result = releve("diag", "rl042-gw1", "shell");

    assertEquals(64, result.exitCode(), result.out() + result.err());
    assertTrue(result.err().contains("ping"), result.err());
  }
}
