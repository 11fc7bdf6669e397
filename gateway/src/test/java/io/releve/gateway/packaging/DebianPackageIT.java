package io.releve.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.bench.ShippedFlags;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's Debian package as {@code mvn package} left it in {@code target/}, opened with
 * dpkg-deb: its files and their modes, its control fields and conffiles, its maintainer scripts,
 * the arm64 native libraries, and the launcher's command line.
 */
class DebianPackageIT {

  static final Path DPKG_DEB = Path.of("/usr/bin/dpkg-deb");
  static final Path NATIVE = Path.of("/usr/lib/releve/native");

  /** ELF e_machine of 64-bit ARM (aarch64), the Raspberry Pi 3, 4 and 5 under a 64-bit OS. */
  static final int EM_AARCH64 = 183;

  private static Path deb;

  @TempDir static Path folder;

  @BeforeAll
  static void findThePackage() throws Exception {
    Tools.require(DPKG_DEB, "dpkg");
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> debs =
          files
              .filter(f -> f.getFileName().toString().matches("releve-gateway_.*_arm64\\.deb"))
              .toList();
      assertEquals(1, debs.size(), "packages in target/: " + debs);
      deb = debs.get(0);
    }
  }

  private static String dpkgDeb(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(DPKG_DEB.toString()));
    command.addAll(Arrays.asList(arguments));
    Tools.Run run = Tools.run(command);
    assertEquals(0, run.exitCode(), command + ": " + run.output());
    return run.output();
  }

  /** Path in the package → "mode owner/group", from dpkg-deb --contents. */
  private static Map<String, String> contents() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (String line : dpkgDeb("--contents", deb.toString()).split("\n")) {
      String[] fields = line.trim().split("\\s+");
      files.put(fields[5].substring(1), fields[0] + " " + fields[1]);
    }
    return files;
  }

  private static Path extracted() throws Exception {
    Path root = folder.resolve("root");
    if (!Files.isDirectory(root)) {
      dpkgDeb("-x", deb.toString(), root.toString());
    }
    return root;
  }

  private static Path control() throws Exception {
    Path control = folder.resolve("DEBIAN");
    if (!Files.isDirectory(control)) {
      dpkgDeb("-e", deb.toString(), control.toString());
    }
    return control;
  }

  @Test
  void contents_everyFileWithItsMode_ownedByRoot() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("/usr/share/releve/releve-gateway.jar", "-rw-r--r-- root/root");
    expected.put("/usr/bin/releve", "-rwxr-xr-x root/root");
    expected.put("/lib/systemd/system/releve-gateway.service", "-rw-r--r-- root/root");
    expected.put("/etc/releve/releve.conf", "-rw-r--r-- root/root");
    expected.put("/etc/releve/logback.xml", "-rw-r--r-- root/root");
    expected.put("/usr/share/releve/logback-file.xml", "-rw-r--r-- root/root");
    expected.put("/usr/lib/releve/native/sqlite/libsqlitejdbc.so", "-rw-r--r-- root/root");
    expected.put("/usr/lib/releve/native/jserialcomm/libjSerialComm.so", "-rw-r--r-- root/root");
    expected.put("/usr/lib/releve/native/jna/libjnidispatch.so", "-rw-r--r-- root/root");
    expected.put("/usr/lib/releve/native/pi4j/libgpiod.so", "-rw-r--r-- root/root");
    expected.put("/usr/lib/releve/native/pi4j/libpi4j-gpiod.so", "-rw-r--r-- root/root");

    Map<String, String> files = contents();
    files.entrySet().removeIf(e -> e.getValue().startsWith("d"));

    assertEquals(expected, files);
  }

  @Test
  void files_areTheBuildsOwn_jarUnitConfigurationAndLogging() throws Exception {
    Path root = extracted();

    assertArrayEquals(
        Files.readAllBytes(Path.of("target", "releve-gateway.jar")),
        Files.readAllBytes(root.resolve("usr/share/releve/releve-gateway.jar")));
    assertEquals(
        Files.readString(SystemdUnitsTest.UNITS.resolve("releve-gateway.service")),
        Files.readString(root.resolve("lib/systemd/system/releve-gateway.service")));
    assertEquals(
        Files.readString(Path.of("..", "config", "logback.xml")),
        Files.readString(root.resolve("etc/releve/logback.xml")));
    assertEquals(
        Files.readString(Path.of("..", "config", "logback-file.xml")),
        Files.readString(root.resolve("usr/share/releve/logback-file.xml")));
  }

  @Test
  void configuration_isTheDocumentedDefaults_withTheDevicesPaths() throws Exception {
    List<String> checkout = Files.readAllLines(Path.of("..", "config", "releve.conf"));
    List<String> packaged = Files.readAllLines(extracted().resolve("etc/releve/releve.conf"));

    assertEquals(checkout.size(), packaged.size());
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < checkout.size(); i++) {
      if (!checkout.get(i).equals(packaged.get(i))) {
        changed.add(packaged.get(i));
      }
    }
    // the database in the unit's StateDirectory, the keys in its ConfigurationDirectory
    assertEquals(
        List.of("database.path = /var/lib/releve/releve.db", "keys.path = /etc/releve/keys"),
        changed);
  }

  @Test
  void control_namesThePackageFromThePom_forArm64_andDependsOnAHeadlessJre17() throws Exception {
    String version;
    try (JarFile jar = new JarFile(Path.of("target", "releve-gateway.jar").toFile())) {
      version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
    String debianVersion = version.replace("-SNAPSHOT", "~snapshot");

    assertEquals("releve-gateway", dpkgDeb("--field", deb.toString(), "Package").strip());
    assertEquals(debianVersion, dpkgDeb("--field", deb.toString(), "Version").strip());
    assertEquals("arm64", dpkgDeb("--field", deb.toString(), "Architecture").strip());
    String depends = dpkgDeb("--field", deb.toString(), "Depends").strip();
    assertTrue(
        depends.contains("openjdk-17-jre-headless | java17-runtime-headless"),
        "Depends: " + depends);
    assertTrue(depends.contains("adduser"), "Depends: " + depends);
    assertFalse(dpkgDeb("--field", deb.toString(), "Maintainer").isBlank());
    if (version.endsWith("-SNAPSHOT")) {
      // a snapshot sorts before its release, so that the release upgrades it
      Tools.Run older =
          Tools.run(
              List.of(
                  "dpkg",
                  "--compare-versions",
                  debianVersion,
                  "lt",
                  version.replace("-SNAPSHOT", "")));
      assertEquals(0, older.exitCode(), debianVersion + " sorts after its release");
    }
  }

  @Test
  void conffiles_holdTheConfigurationAndTheLogging() throws Exception {
    assertEquals(
        List.of("/etc/releve/releve.conf", "/etc/releve/logback.xml"),
        Files.readAllLines(control().resolve("conffiles")).stream()
            .filter(l -> !l.isBlank())
            .toList());
  }

  @Test
  void maintainerScripts_areExecutableAndPassShSyntaxCheck() throws Exception {
    for (String script : List.of("postinst", "prerm", "postrm")) {
      Path file = control().resolve(script);
      assertTrue(Files.isExecutable(file), script + " is not executable");
      assertTrue(Files.readString(file).startsWith("#!/bin/sh\n"), script);
      Tools.Run check = Tools.run(List.of("sh", "-n", file.toString()));
      assertEquals(0, check.exitCode(), script + ": " + check.output());
    }
    Tools.Run launcher =
        Tools.run(List.of("sh", "-n", extracted().resolve("usr/bin/releve").toString()));
    assertEquals(0, launcher.exitCode(), "/usr/bin/releve: " + launcher.output());
  }

  @Test
  void postinst_makesTheUserInDialoutAndGpio_andEnablesTheUnitWithoutStartingIt() throws Exception {
    List<String> postinst =
        Files.readAllLines(control().resolve("postinst")).stream()
            .map(String::strip)
            .filter(l -> !l.startsWith("#"))
            .toList();
    String code = String.join("\n", postinst);

    assertTrue(code.contains("addgroup --quiet --system gpio"), "gpio group made when missing");
    assertTrue(code.contains("adduser --quiet --system --group"), "system user");
    assertTrue(code.contains("adduser --quiet releve dialout"), "releve in dialout");
    assertTrue(code.contains("adduser --quiet releve gpio"), "releve in gpio");
    assertTrue(code.contains("install -d -o releve -g releve -m 0750 /var/lib/releve"), code);
    assertTrue(code.contains("systemctl daemon-reload"), code);
    assertTrue(code.contains("systemctl enable releve-gateway.service"), code);
    assertFalse(code.contains("systemctl start"), "postinst starts the service");
    assertFalse(code.contains("--now"), "postinst starts the service");
    String postrm = Files.readString(control().resolve("postrm"));
    // the state goes on purge only
    int purge = postrm.indexOf("  purge)");
    int state = postrm.indexOf("rm -rf /var/lib/releve");
    assertTrue(purge > 0 && state > purge && state < postrm.indexOf(";;", purge), postrm);
    String prerm = Files.readString(control().resolve("prerm"));
    assertTrue(prerm.contains("systemctl stop releve-gateway.service"), prerm);
    assertTrue(prerm.contains("systemctl disable releve-gateway.service"), prerm);
  }

  @Test
  void nativeLibraries_areLinuxArm64() throws Exception {
    for (String library :
        List.of(
            "sqlite/libsqlitejdbc.so",
            "jserialcomm/libjSerialComm.so",
            "jna/libjnidispatch.so",
            "pi4j/libgpiod.so",
            "pi4j/libpi4j-gpiod.so")) {
      byte[] header =
          Arrays.copyOf(Files.readAllBytes(extracted().resolve(root(NATIVE).resolve(library))), 20);
      assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, Arrays.copyOf(header, 4), library);
      assertEquals(2, header[4], library + " is not 64-bit ELF");
      int machine = ByteBuffer.wrap(header, 18, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
      assertEquals(EM_AARCH64, machine, library + " is not aarch64");
    }
  }

  /**
   * The launcher run with a stand-in java that prints its arguments: the shipped flags, each native
   * library property naming a folder of the package that holds that library, and the jar.
   */
  @Test
  void launcher_runsTheJarWithTheShippedFlags_andPointsEachLibraryPropertyAtItsFolder()
      throws Exception {
    List<String> arguments = launcherArguments(folder.resolve("no-logback.xml"), "run");

    assertEquals(
        List.of("-jar", "/usr/share/releve/releve-gateway.jar", "run"),
        arguments.subList(arguments.size() - 3, arguments.size()));
    // the flags the footprint benchmark measures, in their order
    int first = arguments.indexOf(ShippedFlags.GATEWAY.get(0));
    assertTrue(first >= 0, ShippedFlags.GATEWAY.get(0) + " missing: " + arguments);
    assertEquals(
        ShippedFlags.GATEWAY,
        arguments.subList(first, Math.min(arguments.size(), first + ShippedFlags.GATEWAY.size())));
    Map<String, String> libraries =
        Map.of(
            "org.sqlite.lib.path", "libsqlitejdbc.so",
            "jSerialComm.library.path", "libjSerialComm.so",
            "jna.boot.library.path", "libjnidispatch.so",
            "pi4j.library.path", "libpi4j-gpiod.so");
    for (Map.Entry<String, String> library : libraries.entrySet()) {
      String prefix = "-D" + library.getKey() + "=";
      String folderInPackage =
          arguments.stream()
              .filter(a -> a.startsWith(prefix))
              .findFirst()
              .orElseThrow(() -> new AssertionError(prefix + " missing: " + arguments))
              .substring(prefix.length());
      assertTrue(folderInPackage.startsWith(NATIVE + "/"), folderInPackage);
      Path file = extracted().resolve(root(Path.of(folderInPackage))).resolve(library.getValue());
      assertTrue(
          Files.isRegularFile(file),
          library.getKey() + " points where the package has no " + library.getValue());
    }
  }

  /**
   * The daemon logs with {@code RELEVE_LOGBACK} (by default the package's {@code
   * /etc/releve/logback.xml}) when the file exists; the other commands keep the jar's own logging.
   */
  @Test
  void launcher_givesTheDaemonTheLoggingConfiguration_whenItExists() throws Exception {
    Path logback = folder.resolve("logback.xml");
    Files.writeString(logback, "<configuration/>\n");
    String property = "-Dlogback.configurationFile=" + logback;

    List<String> daemon = launcherArguments(logback, "run");
    List<String> command = launcherArguments(logback, "meters", "list");
    List<String> without = launcherArguments(folder.resolve("absent.xml"), "run");

    assertTrue(daemon.indexOf(property) >= 0, "" + daemon);
    assertTrue(daemon.indexOf(property) < daemon.indexOf("-jar"), "" + daemon);
    assertFalse(command.stream().anyMatch(a -> a.startsWith("-Dlogback.")), "" + command);
    assertFalse(without.stream().anyMatch(a -> a.startsWith("-Dlogback.")), "" + without);
  }

  /** The launcher run with a stand-in java that prints its arguments, one a line. */
  private static List<String> launcherArguments(Path logback, String... arguments)
      throws Exception {
    Path javaHome = folder.resolve("jdk");
    Path java = javaHome.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path launcher = extracted().resolve("usr/bin/releve");

    List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(Arrays.asList(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("RELEVE_LOGBACK", logback.toString());
    builder.environment().remove("RELEVE_JAVA_OPTS");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    List<String> printed = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertEquals(0, process.waitFor(), "" + printed);
    return printed;
  }

  /** An absolute path of the package as a path relative to the extracted tree. */
  private static Path root(Path absolute) {
    return Path.of("/").relativize(absolute);
  }
}
