package io.releve.cloud.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.testkit.ReleveLauncher;
import io.releve.testkit.ReleveLauncher.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged cloud jar through {@code ./releve cloud} and {@code ./releve diag}. */
@Timeout(120)
class CloudLauncherIT {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  @TempDir Path folder;

  private Result releve(String... args) throws IOException, InterruptedException {
    return ReleveLauncher.run(ROOT, folder, args);
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
