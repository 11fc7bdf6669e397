package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFramesCommandTest {

  private static final String BUILDING = Path.of("..", "config", "example-building").toString();

  @TempDir Path folder;

  private CliRun demo() {
    return CliRun.of(
        "demo",
        "frames",
        "--building",
        BUILDING,
        "--database",
        folder.resolve("demo.db").toString());
  }

  @Test
  void demoFrames_exampleBuilding_storesEveryReadingAndQuarantinesTheDamagedFrame() {
    CliRun run = demo();

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("meters     8 in the building, 8 newly installed\n"), run.out());
    assertTrue(run.out().contains("frames     8 read, 7 decoded, 1 quarantined\n"), run.out());
    assertTrue(
        run.out().contains("readings   28 stored in one transaction, outbox sequence 9 to 36\n"),
        run.out());
    assertTrue(run.out().contains("quarantine #1 BAD_CHECKSUM: Checksum is wrong"), run.out());
    assertTrue(
        run.out()
            .matches(
                "(?s).*Chambre 1 +heat_cost_allocator +6QDS3000011 +heat_cost_allocation +0 HCA.*"),
        run.out());
    assertTrue(run.out().matches("(?s).*RL042/A02 .* energy +2345 kWh.*"), run.out());
  }

  @Test
  void demoFrames_runTwice_addsANewCycleWithoutReinstallingOrReusingSequenceNumbers() {
    demo();

    CliRun second = demo();

    assertEquals(0, second.exitCode(), second.err());
    assertTrue(second.out().contains("8 in the building, 0 newly installed"), second.out());
    assertTrue(second.out().contains("outbox sequence 37 to 64"), second.out());
    assertTrue(second.out().contains("quarantine #2 "), second.out());
  }

  @Test
  void demoFrames_readingsCommand_findsTheDwellingsReadingsAfterwards() {
    demo();

    CliRun readings =
        CliRun.of(
            "readings",
            "--site",
            "RL042",
            "--dwelling",
            "A01",
            "--format",
            "csv",
            "--database",
            folder.resolve("demo.db").toString());

    assertEquals(0, readings.exitCode(), readings.err());
    assertTrue(readings.out().contains("123.456"), readings.out());
    assertTrue(readings.out().contains("98.765"), readings.out());
  }

  @Test
  void demoFrames_missingBuilding_exits66() {
    CliRun run =
        CliRun.of(
            "demo",
            "frames",
            "--building",
            folder.resolve("nowhere").toString(),
            "--database",
            folder.resolve("demo.db").toString());

    assertEquals(ExitCodes.NO_INPUT, run.exitCode());
    assertTrue(run.err().contains("meters.csv: no such file."), run.err());
  }
}
