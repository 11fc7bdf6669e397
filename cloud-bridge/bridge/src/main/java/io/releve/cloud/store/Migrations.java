package io.releve.cloud.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema migrations, in order. Each is a resource {@code
 * io/releve/cloud/store/migration/V001__initial.sql}; adding a migration is adding the file and its
 * line here. A migration is never edited once released: databases in the field already ran it.
 */
final class Migrations {

  record Migration(int version, String description) {
    String resource() {
      return String.format(
          Locale.ROOT, "/io/releve/cloud/store/migration/V%03d__%s.sql", version, description);
    }

    /** The statements of the script: each ends with a semicolon at the end of a line. */
    List<String> statements() {
      String script = load(resource());
      List<String> statements = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : script.split("\n", -1)) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--") || trimmed.isEmpty()) {
          continue;
        }
        current.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          statements.add(current.toString().strip());
          current.setLength(0);
        }
      }
      if (!current.toString().isBlank()) {
        throw new IllegalStateException(
            "Migration " + resource() + " ends without a semicolon: [" + current + "]");
      }
      return statements;
    }
  }

  static final List<Migration> ALL = List.of(new Migration(1, "initial"));

  /** The schema version this code writes and understands. */
  static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  private static String load(String resource) {
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Migration resource " + resource + " is missing.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read migration " + resource, e);
    }
  }

  private Migrations() {}
}
