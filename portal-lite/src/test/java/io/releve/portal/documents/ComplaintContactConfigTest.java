package io.releve.portal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.common.config.ConfigException;
import io.releve.portal.PortalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portal.complaint-contact}, the line every statement prints for complaints. */
class ComplaintContactConfigTest {

  @TempDir Path dir;

  private Path write(String... lines) throws Exception {
    Path file = dir.resolve("cloud.conf");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void load_complaintContact_isKeptAsWritten() throws Exception {
    Path file =
        write(
            "portal.complaint-contact = Gestion Lyon Est, 04 72 00 00 00, réclamations@bailleur.fr");

    assertEquals(
        "Gestion Lyon Est, 04 72 00 00 00, réclamations@bailleur.fr",
        PortalConfig.load(file).complaintContact());
  }

  @Test
  void load_noComplaintContact_isNull_andSoIsTheShippedFilesEmptyOne() throws Exception {
    assertNull(PortalConfig.load(write("database.path = cloud.db")).complaintContact());
    assertNull(PortalConfig.load(Path.of("../config/cloud.conf")).complaintContact());
  }

  @Test
  void load_complaintContactOver200Characters_isRefusedWithTheKeyAndLine() throws Exception {
    Path file = write("database.path = cloud.db", "portal.complaint-contact = " + "x".repeat(201));

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertTrue(e.getMessage().contains("portal.complaint-contact"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("one line of up to 200 characters"), e.getMessage());
  }
}
