package io.releve.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.common.config.ConfigException;
import io.releve.portal.mail.MailSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortalConfigTest {

  @TempDir Path dir;

  private Path write(String... lines) throws Exception {
    Path file = dir.resolve("cloud.conf");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void load_noPortalKey_givesTheDefaultsAndMailBesideTheFile() throws Exception {
    Path file = write("mqtt.uri = tcp://127.0.0.1:1883", "database.path = cloud.db");

    PortalConfig config = PortalConfig.load(file);

    assertTrue(config.enabled());
    assertEquals("127.0.0.1", config.listen().getHostString());
    assertEquals(8080, config.listen().getPort());
    assertEquals("http://localhost:8080", config.baseUrl());
    assertEquals(ZoneId.of("Europe/Paris"), config.siteZone());
    MailSettings.Folder mail = assertInstanceOf(MailSettings.Folder.class, config.mail());
    assertEquals(dir.resolve("mail").toAbsolutePath(), mail.folder());
    assertTrue(mail.byDefault());
    assertEquals("Relevé <no-reply@localhost>", mail.from());
  }

  @Test
  void load_shippedCloudConf_givesTheDefaults() throws Exception {
    Path shipped = Path.of("../config/cloud.conf");
    assertTrue(Files.exists(shipped), "config/cloud.conf is shipped");

    PortalConfig config = PortalConfig.load(shipped);

    assertTrue(config.enabled());
    assertEquals("http://localhost:8080", config.baseUrl());
    assertInstanceOf(MailSettings.Folder.class, config.mail());
  }

  @Test
  void load_smtpSettings_readsThemWithThePasswordFromItsFile() throws Exception {
    Files.writeString(dir.resolve("smtp.secret"), "p4ss-w0rd-smtp\n");
    Path file =
        write(
            "portal.base-url = https://portail.exemple.fr/",
            "portal.mail.smtp-host = smtp.exemple.fr",
            "portal.mail.smtp-port = 2525",
            "portal.mail.username = releve",
            "portal.mail.password-file = smtp.secret",
            "portal.mail.from = Relevé <no-reply@exemple.fr>");

    PortalConfig config = PortalConfig.load(file);

    assertEquals("https://portail.exemple.fr", config.baseUrl());
    MailSettings.Smtp smtp = assertInstanceOf(MailSettings.Smtp.class, config.mail());
    assertEquals("smtp.exemple.fr", smtp.host());
    assertEquals(2525, smtp.port());
    assertTrue(smtp.starttls());
    assertEquals("releve", smtp.username());
    assertEquals("p4ss-w0rd-smtp", new String(smtp.password().chars()));
    assertFalse(config.toString().contains("p4ss-w0rd-smtp"), config.toString());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "portal.enabled|yes|must be true or false.",
        "portal.listen|8080|must be HOST:PORT",
        "portal.listen|127.0.0.1:70000|must have a port between 1 and 65535.",
        "portal.listen|127.0.0.1:0|must have a port between 1 and 65535.",
        "portal.base-url|ftp://portail.exemple.fr|must start with https://",
        "portal.base-url|portail.exemple.fr|must start with https://",
        "portal.base-url|https://portail.exemple.fr/?a=b|must not have a query",
        "portal.base-url|https://user@portail.exemple.fr|must name a host, without a user name",
        "portal.mail.smtp-port|25|is an SMTP setting, but portal.mail.smtp-host is not set.",
        "portal.mail.starttls|false|is an SMTP setting, but portal.mail.smtp-host is not set.",
        "portal.mail.from|pas une adresse|must be an address",
        "portal.site-zone|Europe/Lutece|must be a time zone such as Europe/Paris.",
      })
  void load_badValue_namesFileKeyLineAndValue(String key, String value, String problem)
      throws Exception {
    Path file = write("mqtt.uri = tcp://127.0.0.1:1883", key + " = " + value);

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    String where = file + ": key [" + key + "] (line 2) has value [" + value + "]: ";
    assertTrue(e.getMessage().startsWith(where + problem), e.getMessage());
  }

  @Test
  void load_unknownPortalKey_isRefusedLikeTheBridgeDoes() throws Exception {
    Path file = write("bridge.workers = 4", "portal.x = 1");

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertEquals(
        file
            + ": key [portal.x] (line 2) with value [1] is not a known setting; see"
            + " config/cloud.conf for the list.",
        e.getMessage());
  }

  @Test
  void load_folderAndSmtpHost_isRefused() throws Exception {
    Path file = write("portal.mail.smtp-host = smtp.exemple.fr", "portal.mail.folder = mail");

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertTrue(
        e.getMessage().contains("key [portal.mail.folder] (line 2) has value [mail]: writes mail"),
        e.getMessage());
  }

  @Test
  void load_passwordWrittenInTheFile_isRefusedWithoutShowingIt() throws Exception {
    Path file =
        write(
            "portal.mail.smtp-host = smtp.exemple.fr",
            "portal.mail.username = releve",
            "portal.mail.password = Tr3s-Secret!");

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertTrue(e.getMessage().contains("portal.mail.password-file"), e.getMessage());
    assertTrue(e.getMessage().contains("[hidden]"), e.getMessage());
    assertFalse(e.getMessage().contains("Tr3s-Secret!"), e.getMessage());
  }

  @Test
  void load_passwordFileWithoutUsername_isRefusedWithoutShowingThePassword() throws Exception {
    Files.writeString(dir.resolve("smtp.secret"), "Tr3s-Secret!\n");
    Path file =
        write("portal.mail.smtp-host = smtp.exemple.fr", "portal.mail.password-file = smtp.secret");

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertTrue(e.getMessage().contains("needs portal.mail.username"), e.getMessage());
    assertFalse(e.getMessage().contains("Tr3s-Secret!"), e.getMessage());
  }

  @Test
  void load_emptyPasswordFile_isRefused() throws Exception {
    Files.writeString(dir.resolve("smtp.secret"), "\n");
    Path file =
        write(
            "portal.mail.smtp-host = smtp.exemple.fr",
            "portal.mail.username = releve",
            "portal.mail.password-file = smtp.secret");

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertTrue(e.getMessage().contains("first line holds the password"), e.getMessage());
  }
}
