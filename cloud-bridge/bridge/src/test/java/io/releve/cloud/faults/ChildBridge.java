package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.cloud.TestStores;
import io.releve.cloud.cli.Main;
import io.releve.cloud.store.StoreSettings;
import io.releve.testkit.ChildJvm;
import io.releve.testkit.MosquittoBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bridge as operators run it, {@code releve cloud --config cloud.conf}, in a child JVM of its
 * own: a {@code cloud.conf} written in the test's folder, the log (at INFO) in a file next to it.
 * {@link #start} returns once the bridge says it receives. {@link #kill()} is SIGKILL; {@link
 * #stop()} is SIGTERM, after which the bridge logs what it did since it started.
 */
final class ChildBridge implements AutoCloseable {

  /** A Linux process ended by a signal exits with 128 and the signal's number. */
  static final int KILLED_BY_SIGKILL = 128 + 9;

  static final int KILLED_BY_SIGTERM = 128 + 15;

  private static final long STOP_SECONDS = 30;

  /** The bridge's summary line: {@code Since start: 120 messages, 4800 rows stored, …}. */
  private static final Pattern SUMMARY =
      Pattern.compile("Since start: (\\d+) messages, (\\d+) rows stored");

  private final Process process;
  private final Path log;

  private ChildBridge(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Writes {@code name.conf} in {@code folder} (client id {@code name}) and starts the bridge on
   * it; returns once it receives.
   *
   * @param shareGroup the {@code bridge.share-group}, or empty for a plain subscription
   */
  static ChildBridge start(
      Path folder, String name, MosquittoBroker broker, String shareGroup, StoreSettings store)
      throws IOException, InterruptedException {
    Path conf = folder.resolve(name + ".conf");
    Files.writeString(
        conf,
        "mqtt.uri = "
            + broker.uri()
            + "\nmqtt.client-id = "
            + name
            + "\nbridge.share-group = "
            + shareGroup
            + "\n"
            + TestStores.configLines(store));
    Path log = folder.resolve(name + "-" + System.nanoTime() + ".log");
    Process process =
        ChildJvm.start(
            Main.class, log, List.of("-DRELEVE_LOG_LEVEL=INFO"), "--config", conf.toString());
    ChildBridge bridge = new ChildBridge(process, log);
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = ChildJvm.readLine(out, process, log, "the bridge " + name + " receives");
      if (!line.startsWith("releve cloud: receiving from ")) {
        bridge.kill();
        fail("the bridge " + name + " said [" + line + "] instead: " + bridge.log());
      }
    }
    return bridge;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as the OOM killer or a lost machine: no shutdown hook, no DISCONNECT, no summary. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitExit(KILLED_BY_SIGKILL, "SIGKILL");
  }

  /** SIGTERM: the bridge disconnects, closes its store and logs its summary. */
  void stop() throws InterruptedException {
    process.destroy();
    awaitExit(KILLED_BY_SIGTERM, "SIGTERM");
  }

  /**
   * The rows it stored since it started, from the summary it logs when stopped: rows it added to
   * the store, repeats it found already there not counted.
   */
  long rowsStored() throws IOException {
    Matcher last = null;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find()) {
        last = m;
      }
    }
    if (last == null) {
      fail("no summary line in the bridge's log: " + log());
    }
    return Long.parseLong(last.group(2));
  }

  /** Its log so far, for failure messages. */
  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private void awaitExit(int expected, String signal) throws InterruptedException {
    assertTrue(
        process.waitFor(STOP_SECONDS, TimeUnit.SECONDS),
        "the bridge still runs " + STOP_SECONDS + " s after " + signal);
    assertEquals(expected, process.exitValue(), "the bridge's exit code after " + signal);
  }

  /** Kills it if still running (a failed test), without checking anything. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
    }
  }
}
