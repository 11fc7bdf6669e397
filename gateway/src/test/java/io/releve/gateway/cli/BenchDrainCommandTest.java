package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks before anything starts; the drain itself runs in {@code BenchDrainCommandIT}. */
class BenchDrainCommandTest {

  @TempDir Path folder;

  @Test
  void benchDrain_windowOfZero_isAUsageError() {
    CliRun run = CliRun.of("bench", "drain", "--window", "0");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "releve: --window [0] must lie between 1 and 32." + System.lineSeparator(), run.err());
  }

  @Test
  void benchDrain_brokerThatIsNotATcpUri_isAUsageError() {
    CliRun run = CliRun.of("bench", "drain", "--broker", "mqtt://somewhere");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "releve: --broker [mqtt://somewhere] must be tcp://HOST:PORT." + System.lineSeparator(),
        run.err());
  }

  @Test
  void benchDrain_missingCloudJar_exits69SayingHowToBuildIt() {
    Path absent = folder.resolve("releve-cloud.jar");

    CliRun run = CliRun.of("bench", "drain", "--cloud-jar", absent.toString());

    assertEquals(ExitCodes.UNAVAILABLE, run.exitCode());
    assertEquals(
        "releve: The cloud bridge's jar ["
            + absent
            + "] (from --cloud-jar) is missing: build it with ./releve bench drain (the launcher"
            + " builds it) or mvn -B -DskipTests -pl cloud-bridge/bridge -am package."
            + System.lineSeparator(),
        run.err());
    assertEquals("", run.out());
  }
}
