package io.releve.gateway.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A {@code releve.conf} a test writes in its folder, and the error loading it gives. */
final class ConfFile {

  private ConfFile() {}

  static Path write(Path folder, String... lines) throws IOException {
    Path file = folder.resolve("releve.conf");
    Files.write(file, List.of(lines));
    return file;
  }

  /** The message of the {@link ConfigException} that loading these lines throws. */
  static String errorFor(Path folder, String... lines) throws IOException {
    Path file = write(folder, lines);
    return assertThrows(ConfigException.class, () -> GatewayConfig.load(file)).getMessage();
  }
}
