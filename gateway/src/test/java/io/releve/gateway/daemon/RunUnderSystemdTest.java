package io.releve.gateway.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.cli.Main;
import io.releve.gateway.sim.VirtualSlave;
import io.releve.gateway.store.BusMeter;
import io.releve.gateway.store.BusMeters;
import io.releve.gateway.store.Database;
import io.releve.gateway.testing.NotifySocket;
import io.releve.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code releve run} in a child JVM, started as systemd starts a {@code Type=notify}
 * service: with {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} in its environment. It says READY=1
 * after its start-up line, pings while it polls, and STOPPING=1 on SIGTERM.
 */
class RunUnderSystemdTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path folder;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void run_withANotifySocket_saysReadyAfterStartUp_pingsWhileHealthy_andStoppingOnSigterm()
      throws Exception {
    try (SimulatedWiredBus bus =
            SimulatedWiredBus.ofWaterMeters("systemd-test", Clock.systemUTC(), 90_000_000, 2);
        NotifySocket socket = NotifySocket.bindPath(folder.resolve("notify"))) {
      Path config = folder.resolve("releve.conf");
      Files.writeString(
          config,
          "gateway.id = systemd-test\ndatabase.path = releve.db\n" + bus.configBlock("10s"),
          StandardCharsets.UTF_8);
      try (Database database = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
        List<BusMeter> meters = new ArrayList<>();
        for (VirtualSlave slave : bus.bus().slaves()) {
          meters.add(
              new BusMeter(
                  "systemd-test",
                  slave.secondaryAddress().identity(),
                  BusMeter.Addressing.PRIMARY,
                  slave.primaryAddress(),
                  Instant.now()));
        }
        new BusMeters(database).save(meters);
      }
      Path stderr = folder.resolve("run.err");
      String java = ProcessHandle.current().info().command().orElseThrow();
      ProcessBuilder builder =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "run",
                  "--config",
                  config.toString())
              .redirectError(stderr.toFile());
      builder.environment().put("NOTIFY_SOCKET", socket.name());
      builder.environment().put("WATCHDOG_USEC", "400000"); // a ping every 200 ms
      builder.environment().remove("RELEVE_DATABASE");
      Process child = builder.start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String started = ChildJvm.readLine(out, child, stderr, "its start-up line");
        while (!started.startsWith("releve systemd-test: polling 1 buses")) {
          started = ChildJvm.readLine(out, child, stderr, "its start-up line");
        }

        String ready = socket.receive(WAIT);
        assertNotNull(ready, "no READY=1");
        assertTrue(ready.startsWith("READY=1\nSTATUS=polling 1 bus"), ready);
        for (int ping = 0; ping < 3; ping++) {
          String datagram = socket.receive(WAIT);
          assertNotNull(datagram, "no ping " + ping);
          assertTrue(datagram.startsWith("WATCHDOG=1\nSTATUS=polling 1 bus"), datagram);
        }

        child.destroy(); // SIGTERM, as systemctl stop
        String last = socket.receive(WAIT);
        while (last != null && last.startsWith("WATCHDOG=1\n")) {
          last = socket.receive(WAIT); // a ping already on its way
        }
        assertNotNull(last, "no STOPPING=1");
        assertTrue(last.startsWith("STOPPING=1\n"), last);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the daemon did not stop");
        // the JVM's exit after SIGTERM, its shutdown hook done; the unit counts it a success
        assertEquals(143, child.exitValue(), Files.readString(stderr));
      } finally {
        child.destroyForcibly();
      }
    }
  }
}
