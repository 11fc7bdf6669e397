package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudJarTest {

  @TempDir Path folder;

  private Path jarUnder(Path home) throws Exception {
    Path jar = home.resolve(CloudJar.IN_CHECKOUT);
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "");
    return jar;
  }

  @Test
  void locate_givenJar_winsOverTheEnvironment() throws Exception {
    Path given = Files.writeString(folder.resolve("given.jar"), "");
    Path other = jarUnder(folder.resolve("home"));

    Path jar = CloudJar.locate(given, Map.of(CloudJar.VARIABLE, other.toString()));

    assertEquals(given, jar);
  }

  @Test
  void locate_variableSetByTheLauncher_winsOverReleveHome() throws Exception {
    Path fromVariable = Files.writeString(folder.resolve("built.jar"), "");
    jarUnder(folder.resolve("home"));

    Path jar =
        CloudJar.locate(
            null,
            Map.of(
                CloudJar.VARIABLE,
                fromVariable.toString(),
                "RELEVE_HOME",
                folder.resolve("home").toString()));

    assertEquals(fromVariable, jar);
  }

  @Test
  void locate_onlyReleveHome_findsTheJarUnderTheCheckout() throws Exception {
    Path expected = jarUnder(folder.resolve("home"));

    Path jar = CloudJar.locate(null, Map.of("RELEVE_HOME", folder.resolve("home").toString()));

    assertEquals(expected, jar);
  }

  @Test
  void locate_noJarAnywhere_saysHowToBuildIt() {
    MissingPieceException missing =
        assertThrows(MissingPieceException.class, () -> CloudJar.locate(null, Map.of()));

    assertEquals(
        "The cloud bridge's jar is needed: set RELEVE_CLOUD_JAR or run through ./releve, which"
            + " builds it; or build it with ./releve bench drain (the launcher builds it) or mvn"
            + " -B -DskipTests -pl cloud-bridge/bridge -am package.",
        missing.getMessage());
  }

  @Test
  void locate_variableNamingAMissingFile_namesTheFileAndWhereItCameFrom() {
    Path absent = folder.resolve("absent.jar");

    MissingPieceException missing =
        assertThrows(
            MissingPieceException.class,
            () -> CloudJar.locate(null, Map.of(CloudJar.VARIABLE, absent.toString())));

    assertEquals(
        "The cloud bridge's jar ["
            + absent
            + "] (from $RELEVE_CLOUD_JAR) is missing: build it with ./releve bench drain (the"
            + " launcher builds it) or mvn -B -DskipTests -pl cloud-bridge/bridge -am package.",
        missing.getMessage());
  }
}
