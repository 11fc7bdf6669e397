package io.releve.gateway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A gateway configuration file for the tests of the commands that talk to a bus. */
final class GatewayFiles {

  private GatewayFiles() {}

  /**
   * Writes {@code releve.conf} in {@code folder}, with the database {@code releve.db} next to it
   * and the given bus blocks.
   */
  static Path config(Path folder, String... busBlocks) throws IOException {
    StringBuilder text =
        new StringBuilder("gateway.id = test-gateway\ndatabase.path = releve.db\n");
    for (String block : busBlocks) {
      text.append(block);
    }
    Path file = folder.resolve("releve.conf");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** The last state of a progress bar redrawn with carriage returns, trailing spaces removed. */
  static String lastProgress(String err) {
    String line = err.substring(err.lastIndexOf('\r') + 1);
    return line.stripTrailing();
  }
}
