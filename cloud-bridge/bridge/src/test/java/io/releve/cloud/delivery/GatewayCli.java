package io.releve.cloud.delivery;

import static org.junit.jupiter.api.Assertions.fail;

import io.releve.gateway.cli.Main;
import io.releve.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One gateway CLI command ({@code releve …}) in a child JVM: its stdout lines queued for the test,
 * its stderr in a file of the test's folder. Closing it sends SIGTERM and waits for the exit.
 *
 * <p>The child runs with the gateway's own {@code logback.xml}: on the tests' class path the
 * bridge's {@code logback-test.xml} would win, and the daemon would keep no log lines for {@code
 * log-tail}.
 */
final class GatewayCli implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

  /** Put after the last line, when the child closes its stdout; compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String END = new String("end of stdout");

  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private GatewayCli(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readStdout, "stdout of child " + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code releve args…}; {@code name} names its stderr file ({@code name.err}). */
  static GatewayCli start(Path folder, String name, String... args) throws IOException {
    Path stderr = folder.resolve(name + ".err");
    Process process =
        ChildJvm.start(
            Main.class, stderr, List.of("-Dlogback.configurationFile=" + gatewayLogback()), args);
    return new GatewayCli(process, stderr);
  }

  /**
   * Waits up to {@code timeout} for a line of stdout that {@code wanted} accepts, and returns it;
   * the lines before it are dropped. Fails with the child's stderr when it ends first.
   */
  String awaitLine(String what, Duration timeout, Predicate<String> wanted)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        fail("no line of " + what + " within " + timeout.toSeconds() + " s: " + stderr());
      }
      if (line == END) {
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        fail("the child ended before " + what + " (" + exit() + "): " + stderr());
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** SIGKILL, as a power cut or the OOM killer would: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL when it has not ended within 15 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private String exit() {
    return process.isAlive() ? "still running" : "exit code " + process.exitValue();
  }

  private String stderr() throws IOException {
    return Files.exists(stderr) ? Files.readString(stderr) : "";
  }

  private void readStdout() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(stdout of the child unreadable: " + e + ")");
    } finally {
      lines.add(END);
    }
  }

  /** The gateway's {@code logback.xml}, as a URL, from its jar or its classes folder. */
  private static String gatewayLogback() {
    try {
      URI location = Main.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Files.isDirectory(Path.of(location))
          ? location.resolve("logback.xml").toString()
          : "jar:" + location + "!/logback.xml";
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException("Cannot locate the gateway's classes", e));
    }
  }
}
