package io.releve.portal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.common.config.ConfigException;
import io.releve.portal.PortalConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsSenderConfigTest {

  @TempDir Path dir;

  private Path write(String... lines) throws Exception {
    Path file = dir.resolve("cloud.conf");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void load_noSmsKeyOrEmpty_logsMessages() throws Exception {
    assertEquals(SmsSenderKind.LOG, PortalConfig.load(write("bridge.workers = 4")).smsSender());
    assertEquals(SmsSenderKind.LOG, PortalConfig.load(write("portal.sms.sender =")).smsSender());
  }

  @Test
  void load_log_opensTheLoggingSender() throws Exception {
    PortalConfig config = PortalConfig.load(write("portal.sms.sender = log"));

    assertEquals(SmsSenderKind.LOG, config.smsSender());
    assertInstanceOf(LogSmsSender.class, config.smsSender().open());
  }

  @Test
  void load_unknownSender_isRefusedNamingFileKeyLineAndValue() throws Exception {
    Path file = write("bridge.workers = 4", "portal.sms.sender = twilio");

    ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.load(file));

    assertEquals(
        file
            + ": key [portal.sms.sender] (line 2) has value [twilio]: must be log (the only SMS"
            + " sender for now: it writes each message to the log, the number masked).",
        e.getMessage());
  }
}
