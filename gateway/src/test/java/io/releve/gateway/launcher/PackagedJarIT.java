package io.releve.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.releve.contract.Golden;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The gateway's single jar carries the MQTT contract: its classes and its golden files. */
class PackagedJarIT {

  private static final Path JAR = Path.of("target", "releve-gateway.jar");

  @Test
  void theGatewayJarHoldsTheContractClassesAndGoldenFiles() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertNotNull(jar.getEntry("io/releve/contract/Json.class"), "Json.class");
      assertNotNull(jar.getEntry("io/releve/contract/Topics.class"), "Topics.class");
      for (Golden golden : Golden.values()) {
        assertNotNull(jar.getEntry(Golden.FOLDER + golden.file()), golden.file());
      }
    }
  }
}
