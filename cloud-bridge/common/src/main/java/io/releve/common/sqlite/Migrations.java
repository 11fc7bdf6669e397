package io.releve.common.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A program's schema migrations, in order. Each is a resource {@code V001__initial.sql} in the
 * program's own folder (such as {@code /io/releve/gateway/store/migration}); adding a migration is
 * adding the file and its line to the program's list. A migration is never edited once released:
 * databases in the field already ran it. {@link SqliteFile#migrate} applies them.
 */
public final class Migrations {

  /** One script: version 1, 2, 3… and the description that ends its file name. */
  public record Migration(int version, String description) {}

  private final String folder;
  private final List<Migration> all;

  /**
   * @param folder the absolute resource folder of the scripts, without a trailing slash
   * @param all the migrations, numbered 1, 2, 3… without gaps
   * @throws IllegalArgumentException when the list is empty or its versions are not 1, 2, 3…
   */
  public Migrations(String folder, List<Migration> all) {
    Objects.requireNonNull(folder, "folder");
    if (!folder.startsWith("/") || folder.endsWith("/")) {
      throw new IllegalArgumentException(
          "Migration folder [" + folder + "] must start with / and not end with one.");
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("Migrations in [" + folder + "]: none given.");
    }
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).version() != i + 1) {
        throw new IllegalArgumentException(
            "Migrations in ["
                + folder
                + "]: entry "
                + (i + 1)
                + " has version "
                + all.get(i).version()
                + "; versions must run 1, 2, 3… without gaps.");
      }
    }
    this.folder = folder;
    this.all = List.copyOf(all);
  }

  /** Every migration, oldest first. */
  public List<Migration> all() {
    return all;
  }

  /** The schema version this code writes and understands. */
  public int latestVersion() {
    return all.get(all.size() - 1).version();
  }

  /** The resource path of a migration's script, such as {@code …/migration/V001__initial.sql}. */
  public String resource(Migration migration) {
    return String.format(
        Locale.ROOT, "%s/V%03d__%s.sql", folder, migration.version(), migration.description());
  }

  /**
   * The statements of a migration's script: each ends with a semicolon at the end of a line; lines
   * starting with {@code --} are comments.
   *
   * @throws IllegalStateException when the script is missing or does not end with a semicolon
   */
  public List<String> statements(Migration migration) {
    String resource = resource(migration);
    String script = load(resource);
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
          "Migration " + resource + " ends without a semicolon: [" + current + "]");
    }
    return statements;
  }

  /**
   * Applies {@code migration} on {@code c} unless the schema is already at its version or later,
   * inside the caller's transaction: its statements, then its row in {@code schema_version}.
   * Checked inside the transaction, since another process may have migrated meanwhile.
   *
   * @return whether it was applied
   */
  public boolean applyIfDue(Connection c, Migration migration, long appliedAtMillis)
      throws SQLException {
    if (currentVersion(c) >= migration.version()) {
      return false;
    }
    try (Statement statement = c.createStatement()) {
      for (String sql : statements(migration)) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.description());
      insert.setLong(3, appliedAtMillis);
      insert.executeUpdate();
    }
    return true;
  }

  /** The highest version in {@code schema_version}, 0 when it is empty. */
  public static int currentVersion(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      row.next();
      return row.getInt(1);
    }
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
}
