package io.releve.portal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code releve cloud portal import}, run in-process on a real SQLite store. */
@Timeout(60)
class ImportCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path config(String... lines) throws Exception {
    Path file = dir.resolve("cloud.conf");
    Files.writeString(
        file, "database.path = cloud.db\nportal.mail.folder = outbox\n" + String.join("\n", lines));
    return file;
  }

  private Path csv(String... lines) throws Exception {
    Path file = dir.resolve("logements.csv");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void importDwellings_everyLineGood_exitsZeroAndPrintsTheCount() throws Exception {
    Path file = csv("site;dwelling;lot;client_ref", "LY003;A01;101;12345-A");

    int code =
        run(
            "portal",
            "import",
            "--kind",
            "dwellings",
            file.toString(),
            "--config",
            config().toString());

    assertEquals(0, code, err.toString());
    assertEquals("dwellings: 1 accepted, 0 rejected", out.toString().strip());
  }

  @Test
  void importDwellings_someLinesBad_exits65WithATableOfReasons() throws Exception {
    Path file = csv("site;dwelling;lot;client_ref", "LY003;A01;101;12345-A", "LY3;A02;102;");

    int code =
        run(
            "portal",
            "import",
            "--kind",
            "dwellings",
            file.toString(),
            "--config",
            config().toString());

    assertEquals(65, code, err.toString());
    String printed = out.toString();
    assertTrue(printed.startsWith("dwellings: 1 accepted, 1 rejected"), printed);
    assertTrue(printed.contains("Wrong site code in site: \"LY3\""), printed);
  }

  @Test
  void import_missingFile_exits66() throws Exception {
    int code =
        run(
            "portal",
            "import",
            "--kind",
            "dwellings",
            dir.resolve("absent.csv").toString(),
            "--config",
            config().toString());

    assertEquals(66, code);
    assertTrue(err.toString().contains("there is no file at"), err.toString());
  }

  @Test
  void import_unknownPortalKey_exits78() throws Exception {
    Path file = csv("site;dwelling;lot;client_ref");

    int code =
        run(
            "portal",
            "import",
            "--kind",
            "dwellings",
            file.toString(),
            "--config",
            config("portal.x = 1").toString());

    assertEquals(78, code);
    assertTrue(err.toString().contains("portal.x"), err.toString());
  }
}
