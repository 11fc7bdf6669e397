package io.releve.gateway.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real daemon as a child JVM, as the package runs it: {@code java FLAGS -jar releve-gateway.jar
 * run --config FILE}, from the jar this code runs from (or from its class path, when it runs from
 * classes, as in the tests). Its stdout, one line per poll cycle, is watched and copied to {@code
 * daemon.out}; its stderr goes to {@code daemon.err}. {@link #close()} stops it with SIGKILL if
 * {@link #stop} was not called.
 */
final class DaemonProcess implements AutoCloseable {

  /** The daemon's line at the end of each cycle ({@code CycleReport.summary}). */
  static final Pattern CYCLE =
      Pattern.compile("^bus (\\S+) cycle (\\d+): (\\d+)/(\\d+) meters answered.*");

  static final String MAIN_CLASS = "io.releve.gateway.cli.Main";

  /** A JVM stopped by SIGTERM exits 128 + 15 once its shutdown hooks are done. */
  static final int EXIT_ON_SIGTERM = 143;

  private final Process process;
  private final Thread stopOnExit;
  private final long spawnedNanos;
  private final Path stderr;
  private final Thread reader;

  /** Per bus: cycles done, and the answered meters of its last cycle. */
  private final Map<String, Long> cycles = new ConcurrentHashMap<>();

  private final Map<String, Integer> answered = new ConcurrentHashMap<>();
  private final Map<String, Long> firstCycleNanos = new ConcurrentHashMap<>();

  /** Set before the daemon is stopped: its stdout closing then is expected. */
  private volatile boolean stopping;

  /** Why its stdout could not be read while it ran; null while all is well. */
  private volatile IOException stdoutFailure;

  private DaemonProcess(Process process, long spawnedNanos, Path stdout, Path stderr) {
    this.process = process;
    this.stopOnExit = BenchFiles.stopOnExit(process);
    this.spawnedNanos = spawnedNanos;
    this.stderr = stderr;
    this.reader = new Thread(() -> copyAndWatch(stdout), "footprint-daemon-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The command line: this JVM's java, {@code flags}, the logging configuration when there is one
   * (as the package's launcher passes {@code /etc/releve/logback.xml}), this code's jar (or class
   * path and main class), then {@code run --config config}.
   */
  static List<String> command(List<String> flags, Path logback, Path config) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    Path code = codeLocation();
    if (Files.isRegularFile(code) && code.getFileName().toString().endsWith(".jar")) {
      command.add("-jar");
      command.add(code.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(MAIN_CLASS);
    }
    command.addAll(List.of("run", "--config", config.toString()));
    return command;
  }

  /**
   * The package's logging configuration in the checkout, {@code config/logback.xml} of {@code
   * $RELEVE_HOME} (set by {@code ./releve}); null without it, and the jar's own applies.
   */
  static Path packagedLogback(Map<String, String> environment) {
    String home = environment.get("RELEVE_HOME");
    if (home == null || home.isBlank()) {
      return null;
    }
    Path file = Path.of(home, "config", "logback.xml");
    return Files.isRegularFile(file) ? file : null;
  }

  private static Path codeLocation() {
    try {
      return Path.of(
          DaemonProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot tell where the gateway's code comes from", e);
    }
  }

  /**
   * Starts {@code command} in {@code folder}, without the environment that would change what it
   * runs: extra JVM options, another configuration or database.
   */
  static DaemonProcess start(List<String> command, Path folder) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    for (String variable :
        List.of(
            "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS",
            "RELEVE_JAVA_OPTS",
            "RELEVE_CONFIG",
            "RELEVE_DATABASE")) {
      builder.environment().remove(variable);
    }
    Path stderr = folder.resolve("daemon.err");
    builder.redirectError(stderr.toFile());
    long spawned = System.nanoTime();
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      return new DaemonProcess(process, spawned, folder.resolve("daemon.out"), stderr);
    } catch (IOException e) {
      throw new FootprintFailedException("Cannot start the daemon " + command + ": " + e, e);
    }
  }

  private void copyAndWatch(Path copy) {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        long now = System.nanoTime();
        out.write(line);
        out.newLine();
        out.flush();
        Matcher cycle = CYCLE.matcher(line);
        if (cycle.matches()) {
          String bus = cycle.group(1);
          firstCycleNanos.putIfAbsent(bus, now - spawnedNanos);
          answered.put(bus, Integer.parseInt(cycle.group(3)));
          cycles.merge(bus, Long.parseLong(cycle.group(2)), Math::max);
        }
      }
    } catch (IOException e) {
      if (!stopping) {
        stdoutFailure = e;
      }
      // else the pipe closed as the daemon was stopped: its lines up to then are in the copy
    }
  }

  /**
   * @throws FootprintFailedException when the daemon's stdout, its cycle lines, could not be read
   *     or copied
   */
  void checkStdout() {
    IOException failure = stdoutFailure;
    if (failure != null) {
      throw new FootprintFailedException(
          "Cannot read the daemon's stdout or copy it to daemon.out: " + failure.getMessage(),
          failure);
    }
  }

  long pid() {
    return process.pid();
  }

  long spawnedNanos() {
    return spawnedNanos;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Cycles {@code bus} has ended so far. */
  long cyclesDone(String bus) {
    return cycles.getOrDefault(bus, 0L);
  }

  /** Meters that answered in the last cycle of each bus, added up. */
  int answeredInLastCycles() {
    return answered.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** From the spawn to the first cycle line of any bus; empty before. */
  OptionalLong firstCycleNanos() {
    return firstCycleNanos.values().stream().mapToLong(Long::longValue).min();
  }

  /** From the spawn to the first cycle line of the last bus of {@code buses} to end one. */
  OptionalLong everyBusCycledNanos(List<String> buses) {
    if (!firstCycleNanos.keySet().containsAll(buses)) {
      return OptionalLong.empty();
    }
    return buses.stream().mapToLong(firstCycleNanos::get).max();
  }

  /** {@code VmHWM} (peak) and {@code VmRSS} of the daemon, in kB, from /proc. */
  record Memory(long peakKb, long currentKb) {}

  Memory memory() {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    try {
      return parseStatus(Files.readAllLines(status, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new FootprintFailedException(
          "Cannot read the daemon's memory in " + status + ": " + e.getMessage(), e);
    }
  }

  /** VmHWM and VmRSS of a /proc/PID/status text ("VmHWM:\t 71234 kB"). */
  static Memory parseStatus(List<String> lines) {
    return new Memory(kilobytes(lines, "VmHWM:"), kilobytes(lines, "VmRSS:"));
  }

  private static long kilobytes(List<String> lines, String field) {
    for (String line : lines) {
      if (line.startsWith(field)) {
        String[] parts = line.substring(field.length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return Long.parseLong(parts[0]);
        }
      }
    }
    throw new FootprintFailedException("No " + field + " in kB in /proc/PID/status: " + lines);
  }

  /**
   * SIGTERM, and waits up to {@code grace} for the daemon to stop in order.
   *
   * @return its exit code
   * @throws FootprintFailedException when it is still running then (it is killed)
   */
  int stop(Duration grace) throws InterruptedException {
    stopping = true;
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      throw new FootprintFailedException(
          "The daemon did not stop within " + grace.toSeconds() + " s of SIGTERM" + stderrTail());
    }
    reader.join(grace.toMillis());
    return process.exitValue();
  }

  /** The end of the daemon's stderr, for an error message: ": …" or nothing. */
  String stderrTail() {
    String text = BenchFiles.readQuietly(stderr);
    return text.isEmpty() ? " (nothing on its stderr)." : "; its stderr ends:\n" + text;
  }

  @Override
  public void close() {
    stopping = true;
    BenchFiles.stop(process, Duration.ofSeconds(5));
    BenchFiles.forget(stopOnExit);
  }
}
