package io.releve.common.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.common.sqlite.Migrations.Migration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  static final String FOLDER = "/io/releve/common/sqlite/migration";

  @Test
  void resource_namesTheScriptInTheFolderWithAThreeDigitVersion() {
    Migrations migrations = new Migrations(FOLDER, List.of(new Migration(1, "notes")));
    assertEquals(
        "/io/releve/common/sqlite/migration/V001__notes.sql",
        migrations.resource(migrations.all().get(0)));
  }

  @Test
  void statements_splitAtSemicolonsAtLineEndsAndSkipComments() {
    Migrations migrations =
        new Migrations(FOLDER, List.of(new Migration(1, "notes"), new Migration(2, "note_author")));
    assertEquals(
        List.of("CREATE TABLE note (\n  id INTEGER PRIMARY KEY,\n  text TEXT NOT NULL\n);"),
        migrations.statements(migrations.all().get(0)));
    assertEquals(
        List.of(
            "ALTER TABLE note ADD COLUMN author TEXT;",
            "CREATE INDEX note_author ON note (author);"),
        migrations.statements(migrations.all().get(1)));
    assertEquals(2, migrations.latestVersion());
  }

  @Test
  void statements_scriptWithoutFinalSemicolon_isRefusedNamingTheResource() {
    Migrations migrations = new Migrations(FOLDER, List.of(new Migration(1, "unfinished")));
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> migrations.statements(migrations.all().get(0)));
    assertEquals(
        "Migration /io/releve/common/sqlite/migration/V001__unfinished.sql ends without a"
            + " semicolon: [CREATE TABLE unfinished (id INTEGER PRIMARY KEY)\n]",
        refused.getMessage());
  }

  @Test
  void statements_missingScript_isRefusedNamingTheResource() {
    Migrations migrations = new Migrations(FOLDER, List.of(new Migration(1, "absent")));
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> migrations.statements(migrations.all().get(0)));
    assertEquals(
        "Migration resource /io/releve/common/sqlite/migration/V001__absent.sql is missing.",
        refused.getMessage());
  }

  @Test
  void constructor_versionsWithAGap_areRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Migrations(
                    FOLDER, List.of(new Migration(1, "notes"), new Migration(3, "note_author"))));
    assertEquals(
        "Migrations in [/io/releve/common/sqlite/migration]: entry 2 has version 3; versions must"
            + " run 1, 2, 3… without gaps.",
        refused.getMessage());
  }

  @Test
  void constructor_folderWithTrailingSlash_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Migrations(FOLDER + "/", List.of(new Migration(1, "notes"))));
  }
}
