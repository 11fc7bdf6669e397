package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudBridgeProcessTest {

  @Test
  void configText_namesTheBrokerAClientIdOfItsOwnAndTheDatabaseInTheBenchFolder() {
    String text =
        CloudBridgeProcess.configText(
            "tcp://127.0.0.1:41234", "releve-bench-bridge-77", Path.of("/tmp/x/cloud.db"));

    assertEquals(
        "# releve bench drain: the bridge's own configuration, removed with the benchmark's"
            + " folder\n"
            + "mqtt.uri = tcp://127.0.0.1:41234\n"
            + "mqtt.client-id = releve-bench-bridge-77\n"
            + "database.path = /tmp/x/cloud.db\n",
        text);
  }

  @Test
  void command_runsTheJarWithThisJvmsJava() {
    List<String> command =
        CloudBridgeProcess.command(Path.of("/opt/releve-cloud.jar"), Path.of("/tmp/x/cloud.conf"));

    assertEquals(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            "/opt/releve-cloud.jar",
            "--config",
            "/tmp/x/cloud.conf"),
        command);
  }
}
