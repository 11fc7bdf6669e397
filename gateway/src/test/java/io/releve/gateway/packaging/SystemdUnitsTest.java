package io.releve.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checked-in unit files of {@code systemd/}: {@code systemd-analyze verify} finds nothing to
 * say about them, and they carry what DESIGN 3.5 asks.
 */
class SystemdUnitsTest {

  static final Path UNITS = Path.of("..", "systemd");
  static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

  /** Where the units expect the launcher; the Debian package puts it there. */
  static final String LAUNCHER = "/usr/bin/releve";

  @TempDir Path folder;

  /** The unit's assignments, by key, in the order written (a key may repeat). */
  static Map<String, List<String>> assignments(Path unit) throws Exception {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unit)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("[")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      keys.computeIfAbsent(trimmed.substring(0, equals), k -> new ArrayList<>())
          .add(trimmed.substring(equals + 1));
    }
    return keys;
  }

  /**
   * systemd-analyze verify checks that ExecStart's program exists and is executable: the units are
   * verified as copies whose ExecStart points at a stand-in launcher in a temporary folder; nothing
   * else is changed. Any line it prints (an unknown key, a bad value) fails the test, since it
   * exits 0 on mere warnings.
   */
  @ParameterizedTest
  @ValueSource(strings = {"releve-gateway.service", "releve-cloud.service"})
  void verify_unit_passesSystemdAnalyzeWithoutAWord(String name) throws Exception {
    Tools.require(SYSTEMD_ANALYZE, "systemd");
    Path launcher = folder.resolve("bin").resolve("releve");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    String unit = Files.readString(UNITS.resolve(name));
    assertTrue(unit.contains("\nExecStart=" + LAUNCHER + " "), "ExecStart of " + name);
    Path copy = folder.resolve(name);
    Files.writeString(
        copy, unit.replace("\nExecStart=" + LAUNCHER + " ", "\nExecStart=" + launcher + " "));

    Tools.Run verify =
        Tools.run(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no", copy.toString()));

    assertEquals("", verify.output().strip(), name);
    assertEquals(0, verify.exitCode(), name);
  }

  @Test
  void verify_aUnitWithAnUnknownKey_isReported_soTheTestAboveCanFail() throws Exception {
    Tools.require(SYSTEMD_ANALYZE, "systemd");
    Path unit = folder.resolve("broken.service");
    Files.writeString(unit, "[Service]\nExecStart=/bin/true\nPrivateDevicez=yes\n");

    Tools.Run verify =
        Tools.run(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no", unit.toString()));

    assertTrue(verify.output().contains("PrivateDevicez"), verify.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {"releve-gateway.service", "releve-cloud.service"})
  void unit_isTypeNotify_restartsOnFailureButNotOnBadConfiguration_andIsHardened(String name)
      throws Exception {
    Map<String, List<String>> unit = assignments(UNITS.resolve(name));

    assertEquals(List.of("notify"), unit.get("Type"));
    assertEquals(List.of("main"), unit.get("NotifyAccess"));
    assertEquals(List.of("on-failure"), unit.get("Restart"));
    assertEquals(List.of("78"), unit.get("RestartPreventExitStatus"));
    // 143: the JVM's exit code after SIGTERM, once its shutdown hooks have stopped it in order
    assertEquals(List.of("143"), unit.get("SuccessExitStatus"));
    assertEquals(List.of("releve"), unit.get("User"));
    assertEquals(List.of("releve"), unit.get("ConfigurationDirectory"));
    assertEquals(List.of("strict"), unit.get("ProtectSystem"));
    assertEquals(List.of("yes"), unit.get("ProtectHome"));
    assertEquals(List.of("yes"), unit.get("PrivateTmp"));
    assertEquals(List.of("yes"), unit.get("NoNewPrivileges"));
    assertEquals(
        Set.of("AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"),
        Set.of(unit.get("RestrictAddressFamilies").get(0).split(" ")));
    // it would hide the serial ports and the GPIO chips
    assertFalse(unit.containsKey("PrivateDevices"), name + " has PrivateDevices");
    // it breaks the JIT
    assertFalse(unit.containsKey("MemoryDenyWriteExecute"), name + " has MemoryDenyWriteExecute");
  }

  @Test
  void gatewayUnit_hasAWatchdog_theStateDirectory_andTheSerialAndGpioGroups() throws Exception {
    Map<String, List<String>> unit = assignments(UNITS.resolve("releve-gateway.service"));

    assertTrue(unit.containsKey("WatchdogSec"));
    assertEquals(List.of("releve"), unit.get("StateDirectory"));
    // a device allow-list (ProtectClock implies one) would shut the serial ports and GPIO chips out
    for (String closesDevices : List.of("DeviceAllow", "DevicePolicy", "ProtectClock")) {
      assertFalse(unit.containsKey(closesDevices), "the gateway unit has " + closesDevices);
    }
    assertEquals(List.of("dialout gpio"), unit.get("SupplementaryGroups"));
    assertEquals(List.of(LAUNCHER + " run"), unit.get("ExecStart"));
    assertTrue(
        unit.get("Environment").contains("RELEVE_CONFIG=/etc/releve/releve.conf"),
        "the configuration in the configuration directory");
  }
}
