package io.releve.gateway.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.common.systemd.SystemdNotifier;
import io.releve.gateway.testing.NotifySocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd notify protocol against real unix datagram sockets: one bound with libc through JNA
 * as systemd binds its own, and one made by socat, which shares no code with ours.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SystemdNotifierTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path folder;

  private static SystemdNotifier notifierFor(NotifySocket socket) {
    return SystemdNotifier.from(Map.of(SystemdNotifier.NOTIFY_SOCKET, socket.name()), PID);
  }

  @Test
  void notifier_withoutNotifySocket_isDisabledAndSendsNothing() throws Exception {
    SystemdNotifier notifier = SystemdNotifier.from(Map.of("WATCHDOG_USEC", "60000000"), PID);

    assertFalse(notifier.enabled());
    assertEquals(Optional.empty(), notifier.watchdogPeriod());
    notifier.ready("nobody listens"); // does nothing, throws nothing
    notifier.watchdog("nobody listens");
    notifier.stopping("nobody listens");
  }

  @Test
  void ready_toASocketBoundToAPath_arrivesAsOneDatagramWithItsStatus() throws Exception {
    try (NotifySocket socket = NotifySocket.bindPath(folder.resolve("notify"))) {
      notifierFor(socket).ready("polling 2 buses");

      assertEquals("READY=1\nSTATUS=polling 2 buses", socket.receive(WAIT));
    }
  }

  @Test
  void watchdogAndStopping_toAnAbstractSocket_arriveInOrder() throws Exception {
    try (NotifySocket socket = NotifySocket.bindAbstract()) {
      SystemdNotifier notifier = notifierFor(socket);
      notifier.watchdog("ok");
      notifier.stopping("stopping");

      assertEquals("WATCHDOG=1\nSTATUS=ok", socket.receive(WAIT));
      assertEquals("STOPPING=1\nSTATUS=stopping", socket.receive(WAIT));
    }
  }

  @Test
  void status_withANewline_staysOneAssignment() throws Exception {
    try (NotifySocket socket = NotifySocket.bindAbstract()) {
      notifierFor(socket).status("bus north stuck\nfor 40 s");

      assertEquals("STATUS=bus north stuck for 40 s", socket.receive(WAIT));
    }
  }

  @Test
  void send_toASocketNobodyListensOn_failsNamingTheSocket() {
    String missing = folder.resolve("gone").toString();
    SystemdNotifier notifier =
        SystemdNotifier.from(Map.of(SystemdNotifier.NOTIFY_SOCKET, missing), PID);

    IOException e = assertThrows(IOException.class, () -> notifier.ready("x"));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void watchdogPeriod_isHalfOfWatchdogUsec_forThisProcessOnly() {
    Map<String, String> ours =
        Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "" + PID);
    Map<String, String> another =
        Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "1");
    Map<String, String> anyPid = Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "500000");

    assertEquals(
        Optional.of(Duration.ofSeconds(30)), SystemdNotifier.from(ours, PID).watchdogPeriod());
    assertEquals(Optional.empty(), SystemdNotifier.from(another, PID).watchdogPeriod());
    assertEquals(
        Optional.of(Duration.ofMillis(250)), SystemdNotifier.from(anyPid, PID).watchdogPeriod());
  }

  @Test
  void from_badSocketOrWatchdog_isRefusedNamingTheVariableAndItsValue() {
    IllegalArgumentException relative =
        assertThrows(
            IllegalArgumentException.class,
            () -> SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "run/notify"), PID));
    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () -> SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "/" + "x".repeat(107)), PID));
    IllegalArgumentException usec =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "soon"), PID));

    assertEquals(
        "NOTIFY_SOCKET [run/notify] must be an absolute path or an @abstract name.",
        relative.getMessage());
    assertTrue(tooLong.getMessage().contains("too long"), tooLong.getMessage());
    assertEquals(
        "WATCHDOG_USEC [soon] must be a positive number of microseconds.", usec.getMessage());
  }

  @Test
  void ready_toASocatReceiver_arrives() throws Exception {
    boolean socat = Files.isExecutable(Path.of("/usr/bin/socat"));
    if (!socat && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("socat is missing: .ci/run installs it");
    }
    assumeTrue(socat, "socat is not installed");
    Path socketPath = folder.resolve("socat.sock");
    Path received = folder.resolve("received");
    Process receiver =
        new ProcessBuilder("socat", "-u", "UNIX-RECV:" + socketPath, "CREATE:" + received)
            .redirectErrorStream(true)
            .start();
    try {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!Files.exists(socketPath) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      SystemdNotifier.from(Map.of("NOTIFY_SOCKET", socketPath.toString()), PID).ready("via socat");
      String expected = "READY=1\nSTATUS=via socat";
      while (System.nanoTime() < deadline
          && (!Files.exists(received) || Files.size(received) < expected.length())) {
        Thread.sleep(10);
      }
      assertEquals(expected, Files.readString(received, StandardCharsets.UTF_8));
    } finally {
      receiver.destroy();
      receiver.waitFor();
    }
  }
}
