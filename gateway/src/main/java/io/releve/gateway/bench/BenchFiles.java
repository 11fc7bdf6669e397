package io.releve.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the benchmarks do with their folders and their child processes. */
final class BenchFiles {

  /** At most this much of a log goes into an error message: its end, where the failure is. */
  static final int MAX_QUOTED_CHARS = 4_000;

  private BenchFiles() {}

  /** The end of a log for an error message; a note instead when it cannot be read. */
  static String readQuietly(Path file) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.length() <= MAX_QUOTED_CHARS
          ? text
          : "…" + text.substring(text.length() - MAX_QUOTED_CHARS);
    } catch (IOException e) {
      return "(" + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, wait up to {@code grace}, then SIGKILL and wait for the end. */
  static void stop(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops {@code process} as {@link #stop} does if the benchmark's JVM ends first (Ctrl-C,
   * SIGTERM), so that no broker, bridge or daemon outlives it; {@link #forget} the hook once the
   * process is stopped.
   */
  static Thread stopOnExit(Process process) {
    Thread hook =
        new Thread(() -> stop(process, Duration.ofSeconds(5)), "bench-stop-" + process.pid());
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Removes a hook of {@link #stopOnExit}; nothing to do when the JVM is already ending. */
  static void forget(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException ending) {
      // the hooks are running: this one stops a process already stopped
    }
  }

  /** Deletes {@code folder} and everything in it. */
  static void deleteTree(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : paths) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the benchmark's folder " + folder, e);
    }
  }
}
