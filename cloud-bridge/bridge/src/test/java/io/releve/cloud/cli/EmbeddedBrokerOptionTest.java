package io.releve.cloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
