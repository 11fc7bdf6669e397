package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

  @TempDir Path folder;

  @Test
  void checkConfig_validFile_printsSummaryAndExitsZero() throws Exception {
    Path file = folder.resolve("releve.conf");
    Files.write(
        file,
        List.of(
            "gateway.id = bat-a",
            "bus.west.transport = tcp",
            "bus.west.host = 127.0.0.1",
            "bus.west.port = 10001"));

    CliRun run = CliRun.of("check-config", "--config", file.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        file
            + ": valid\n"
            + "  gateway id   bat-a\n"
            + "  database     "
            + folder.resolve("releve.db")
            + "\n"
            + "  meter clocks Europe/Paris\n"
            + "  retention    raw frames 30 d, readings 800 d, quarantine 90 d\n"
            + "  bus west     tcp 127.0.0.1:10001 at 2400 baud\n",
        run.out().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void checkConfig_badValue_exits78AndNamesFileKeyAndValue() throws Exception {
    Path file = folder.resolve("releve.conf");
    Files.write(file, List.of("gateway.id = Bat A"));

    CliRun run = CliRun.of("check-config", "--config", file.toString());

    assertEquals(ExitCodes.CONFIG, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        "releve: "
            + file
            + ": key [gateway.id] (line 1) has value [Bat A]: must be lower-case letters, digits"
            + " and dashes (at most 63).\n",
        run.err().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void checkConfig_missingFile_exits78() {
    CliRun run = CliRun.of("check-config", "--config", folder.resolve("none.conf").toString());

    assertEquals(ExitCodes.CONFIG, run.exitCode());
    assertTrue(run.err().contains("does not exist"), run.err());
  }

  @Test
  void unknownOption_exits64WithAHintToHelp() {
    CliRun run = CliRun.of("check-config", "--bogus");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "releve: Unknown option: '--bogus'\n"
            + "Try 'releve check-config --help' for more information.\n",
        run.err().replace(System.lineSeparator(), "\n"));
  }
}
