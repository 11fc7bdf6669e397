package io.releve.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerOptionTest {

  @TempDir Path folder;

  @Test
  void theEmbeddedBroker_withSeveralConnections_isAUsageError_beforeAnythingStarts()
      throws Exception {
    Path config = folder.resolve("cloud.conf");
    Files.writeString(
        config, "database.path = " + folder.resolve("cloud.db") + "\nbridge.connections = 3\n");

    Cli cli = Cli.run("--config", config.toString(), "--embedded-broker", "0");

    assertEquals(ExitCodes.USAGE, cli.exitCode(), cli.err());
    assertTrue(
        cli.err()
            .contains(
                "--embedded-broker has no shared subscriptions, which bridge.connections [3] in "
                    + config
                    + " needs: set bridge.connections = 1 for the embedded broker."),
        cli.err());
    assertTrue(cli.err().contains("--help"), cli.err());
    assertTrue(Files.notExists(folder.resolve("cloud.db")), "no database was opened");
  }

  @Test
  @Timeout(90)
  void theBridge_toldToStopWithAProcess_runsUntilThatProcessEnds_thenStopsCleanly()
      throws Exception {
    Path config = folder.resolve("cloud.conf");
    Files.writeString(config, "database.path = " + folder.resolve("cloud.db") + "\n");
    Process parent = new ProcessBuilder("sleep", "120").start();
    try {
      CompletableFuture<Cli> run =
          CompletableFuture.supplyAsync(
              () ->
                  Cli.run(
                      "--config",
                      config.toString(),
                      "--embedded-broker",
                      String.valueOf(freePort()),
                      "--stop-with",
                      String.valueOf(parent.pid())));
      while (Files.notExists(folder.resolve("cloud.db")) && !run.isDone()) {
        Thread.sleep(50);
      }
      Thread.sleep(2_000);
      assertFalse(run.isDone(), () -> "ended while its parent ran: " + run.join());

      parent.destroy();
      Cli cli = run.get(60, TimeUnit.SECONDS);

      assertEquals(ExitCodes.OK, cli.exitCode(), cli.err());
      assertTrue(cli.out().contains("releve cloud: receiving from tcp://127.0.0.1:"), cli.out());
    } finally {
      parent.destroyForcibly();
    }
  }

  @Test
  @Timeout(90)
  void theBridge_toldToStopWithAProcessAlreadyGone_stopsAtOnce() throws Exception {
    Path config = folder.resolve("cloud.conf");
    Files.writeString(config, "database.path = " + folder.resolve("cloud.db") + "\n");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();

    Cli cli =
        Cli.run(
            "--config",
            config.toString(),
            "--embedded-broker",
            String.valueOf(freePort()),
            "--stop-with",
            String.valueOf(gone.pid()));

    assertEquals(ExitCodes.OK, cli.exitCode(), cli.err());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
