package io.releve.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

  static final Path FILE = Path.of("site.conf");

  @TempDir Path folder;

  @Test
  void parse_keepsKeysValuesAndLineNumbers_skippingCommentsBlanksAndAByteOrderMark()
      throws Exception {
    ConfigFile file =
        ConfigFile.parse(
            FILE, List.of("\uFEFF# the site", "", "  site.code = A7 ", "bus.a.port=/dev/ttyUSB0"));
    assertEquals(
        List.of(
            new ConfigFile.Entry("site.code", "A7", 3),
            new ConfigFile.Entry("bus.a.port", "/dev/ttyUSB0", 4)),
        List.copyOf(file.entries().values()));
  }

  @Test
  void parse_lineWithoutEquals_isRefusedWithItsLine() {
    ConfigException refused =
        assertThrows(
            ConfigException.class, () -> ConfigFile.parse(FILE, List.of("# x", "site.code A7")));
    assertEquals(
        "site.conf: line 2 [site.code A7] must have the form key = value.", refused.getMessage());
  }

  @Test
  void parse_duplicateKey_isRefusedNamingBothLines() {
    ConfigException refused =
        assertThrows(
            ConfigException.class,
            () -> ConfigFile.parse(FILE, List.of("site.code = A7", "site.code = B2")));
    assertEquals(
        "site.conf: key [site.code] (line 2) is already set on line 1.", refused.getMessage());
  }

  @Test
  void read_missingFile_saysSo() {
    Path missing = folder.resolve("absent.conf");
    ConfigException refused = assertThrows(ConfigException.class, () -> ConfigFile.read(missing));
    assertEquals(missing + ": the configuration file does not exist.", refused.getMessage());
  }

  @Test
  void read_fileThatIsNotUtf8_saysSo() throws Exception {
    Path latin1 = folder.resolve("latin1.conf");
    Files.write(latin1, "site.name = Résidence\n".getBytes(StandardCharsets.ISO_8859_1));
    ConfigException refused = assertThrows(ConfigException.class, () -> ConfigFile.read(latin1));
    assertEquals(latin1 + ": the configuration file is not valid UTF-8.", refused.getMessage());
  }

  @Test
  void reader_unknownKey_isRefusedPointingAtTheListOfSettings() throws Exception {
    ConfigReader reader =
        new ConfigReader(
            ConfigFile.parse(FILE, List.of("site.code = A7", "site.colour = blue")),
            "config/site.conf") {};
    assertEquals("A7", reader.string("site.code", null, Pattern.compile("[A-Z0-9]+"), "a code"));
    ConfigException refused = assertThrows(ConfigException.class, reader::rejectUnknownKeys);
    assertEquals(
        "site.conf: key [site.colour] (line 2) with value [blue] is not a known setting; see"
            + " config/site.conf for the list.",
        refused.getMessage());
  }

  @Test
  void reader_valueNotMatchingTheFormat_isRefusedNamingKeyLineAndValue() throws Exception {
    ConfigReader reader =
        new ConfigReader(ConfigFile.parse(FILE, List.of("site.code = a-7")), "config/site.conf") {};
    ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                reader.string(
                    "site.code", null, Pattern.compile("[A-Z0-9]+"), "capitals and digits"));
    assertEquals(
        "site.conf: key [site.code] (line 1) has value [a-7]: must be capitals and digits.",
        refused.getMessage());
  }

  @Test
  void reader_aPasswordInsideAUrl_isHiddenInTheError() throws Exception {
    ConfigReader reader =
        new ConfigReader(
            ConfigFile.parse(
                FILE,
                List.of(
                    "a.url = jdbc:postgresql://db/releve?user=x&password=hunter2&ssl=true",
                    "b.url = jdbc:postgresql://x:hunter2@db/releve")),
            "config/site.conf") {};

    for (String key : List.of("a.url", "b.url")) {
      String message = reader.bad(reader.entry(key), "is refused.").getMessage();
      assertFalse(message.contains("hunter2"), message);
      assertTrue(message.contains("hidden"), message);
    }
    assertEquals(
        "site.conf: key [a.url] (line 1) has value"
            + " [jdbc:postgresql://db/releve?user=x&password=hidden&ssl=true]: is refused.",
        reader.bad(reader.entry("a.url"), "is refused.").getMessage());
  }

  @Test
  void reader_relativePath_resolvesAgainstTheFilesFolder() throws Exception {
    Path conf = folder.resolve("etc/site.conf");
    ConfigReader reader =
        new ConfigReader(ConfigFile.parse(conf, List.of("database = ../var/site.db")), "x") {};
    assertEquals(folder.resolve("var/site.db"), reader.path("database", null));
    assertEquals(Path.of("/srv/other.db"), reader.path("other", "/srv/other.db"));
  }
}
