package io.releve.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code ./releve} launcher as a newcomer would, with stdin empty, in a
 * working folder of the test's own; for the integration tests of the packaged jars.
 */
public final class ReleveLauncher {

  /** What one run printed and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  private ReleveLauncher() {}

  /**
   * @param root the repository's root folder, where {@code releve} is
   * @param folder the working folder; stdout and stderr are kept there
   */
  public static Result run(Path root, Path folder, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("releve").toString()));
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
}
