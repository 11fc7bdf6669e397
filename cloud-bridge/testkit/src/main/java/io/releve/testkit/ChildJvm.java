package io.releve.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM on the tests' class path, for the tests that kill a process with SIGKILL while it
 * writes: its standard error goes to a file, its standard output is read line by line.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /** Starts {@code mainClass} with {@code args}; stderr goes to {@code stderr}. */
  public static Process start(Class<?> mainClass, Path stderr, String... args) throws IOException {
    return start(mainClass, stderr, List.of(), args);
  }

  /**
   * Starts {@code mainClass} with {@code args}, the JVM given {@code jvmOptions} first ({@code
   * -Dlogback.configurationFile=…}); stderr goes to {@code stderr}.
   */
  public static Process start(
      Class<?> mainClass, Path stderr, List<String> jvmOptions, String... args) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  /**
   * The child's next line; fails the test with its exit code and stderr when it ended before {@code
   * what}.
   */
  public static String readLine(BufferedReader out, Process child, Path stderr, String what)
      throws IOException, InterruptedException {
    String line = out.readLine();
    if (line == null) {
      child.waitFor();
      fail(
          "the child stopped before "
              + what
              + " with exit code "
              + child.exitValue()
              + ": "
              + Files.readString(stderr));
    }
    return line;
  }
}
