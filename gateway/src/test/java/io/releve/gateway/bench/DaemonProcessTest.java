package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonProcessTest {

  @TempDir Path folder;

  @Test
  void parseStatus_readsThePeakAndTheCurrentResidentSetInKilobytes() {
    // lines of a JVM's /proc/PID/status (Linux 6.1), abridged
    List<String> status =
        List.of(
            "Name:\tjava",
            "VmPeak:\t 2571040 kB",
            "VmSize:\t 2505504 kB",
            "VmHWM:\t   71234 kB",
            "VmRSS:\t   69876 kB",
            "RssAnon:\t   40960 kB",
            "Threads:\t21");

    assertEquals(new DaemonProcess.Memory(71_234, 69_876), DaemonProcess.parseStatus(status));
  }

  @Test
  void cycleLine_ofTheDaemon_givesItsBusNumberAndAnsweredMeters() {
    Matcher line =
        DaemonProcess.CYCLE.matcher(
            "bus stairwell-a cycle 2: 124/125 meters answered, 124 telegrams, 496 readings"
                + " stored, 0 quarantined in 31870 ms");

    assertTrue(line.matches());
    assertEquals("stairwell-a", line.group(1));
    assertEquals("2", line.group(2));
    assertEquals("124", line.group(3));
  }

  @Test
  void command_fromClasses_runsTheMainClassOnThisClassPath_withTheFlagsBeforeIt() {
    Path config = Path.of("/tmp/footprint/releve.conf");

    List<String> command = DaemonProcess.command(ShippedFlags.GATEWAY, null, config);

    assertEquals(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
    assertEquals(ShippedFlags.GATEWAY, command.subList(1, 1 + ShippedFlags.GATEWAY.size()));
    assertEquals(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.releve.gateway.cli.Main",
            "run",
            "--config",
            "/tmp/footprint/releve.conf"),
        command.subList(1 + ShippedFlags.GATEWAY.size(), command.size()));
  }

  @Test
  void command_withTheLoggingConfiguration_passesItAfterTheFlags() {
    Path logback = Path.of("/opt/releve/config/logback.xml");

    List<String> command =
        DaemonProcess.command(ShippedFlags.GATEWAY, logback, Path.of("/tmp/f/releve.conf"));

    assertEquals(
        "-Dlogback.configurationFile=/opt/releve/config/logback.xml",
        command.get(1 + ShippedFlags.GATEWAY.size()));
  }

  @Test
  void packagedLogback_isTheCheckoutsConfigLogbackXml_whenReleveHomeHasOne() throws Exception {
    Path home = folder.resolve("checkout");
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config").resolve("logback.xml"), "<configuration/>\n");

    assertEquals(
        home.resolve("config").resolve("logback.xml"),
        DaemonProcess.packagedLogback(Map.of("RELEVE_HOME", home.toString())));
    assertNull(DaemonProcess.packagedLogback(Map.of("RELEVE_HOME", folder.toString())));
    assertNull(DaemonProcess.packagedLogback(Map.of()));
  }
}
