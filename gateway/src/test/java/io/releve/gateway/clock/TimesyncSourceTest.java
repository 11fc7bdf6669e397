package io.releve.gateway.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes stand in for timedatectl. */
class TimesyncSourceTest {

  @TempDir Path folder;

  @Test
  void timesyncdsFlagFile_saysSynchronised() throws Exception {
    Path flag = Files.createFile(folder.resolve("synchronized"));

    assertEquals(
        SyncSource.Answer.SYNCHRONISED,
        new TimesyncSource(flag, List.of("sh", "-c", "echo no")).ask());
  }

  @Test
  void timedatectlsYes_saysSynchronised_andItsNo_unsynchronised() {
    Path flag = folder.resolve("synchronized");

    assertEquals(
        SyncSource.Answer.SYNCHRONISED,
        new TimesyncSource(flag, List.of("sh", "-c", "echo yes")).ask());
    assertEquals(
        SyncSource.Answer.UNSYNCHRONISED,
        new TimesyncSource(flag, List.of("sh", "-c", "echo no")).ask());
  }

  @Test
  void noSystemd_cannotTell() {
    Path flag = folder.resolve("synchronized");

    assertEquals(
        SyncSource.Answer.UNKNOWN,
        new TimesyncSource(
                flag, List.of("sh", "-c", "echo 'System has not been booted with systemd'; exit 1"))
            .ask());
    assertEquals(
        SyncSource.Answer.UNKNOWN,
        new TimesyncSource(flag, List.of(folder.resolve("no-such-command").toString())).ask());
  }
}
