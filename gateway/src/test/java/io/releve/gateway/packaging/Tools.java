package io.releve.gateway.packaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The system tools the packaging tests run, and how they ran. */
final class Tools {

  private Tools() {}

  /** What a tool printed (stdout and stderr together) and its exit code. */
  record Run(int exitCode, String output) {}

  /**
   * Skips the test when {@code tool} is not installed, except on CI ({@code CI=true}), where it
   * fails: {@code .ci/run} installs it, from the Debian package {@code debianPackage}.
   */
  static void require(Path tool, String debianPackage) {
    boolean present = Files.isExecutable(tool);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          tool + " is missing on CI: .ci/run installs it (apt-get install " + debianPackage + ")");
    }
    assumeTrue(present, tool + " is not installed (apt-get install " + debianPackage + ")");
  }

  static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s");
    }
    return new Run(process.exitValue(), output);
  }
}
