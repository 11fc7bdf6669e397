package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ListenCommandTest {

  @TempDir Path folder;

  private Path config(String... receiverLines) throws Exception {
    Files.writeString(
        folder.resolve("recording.txt"), SurveyCommandTest.RECORDING, StandardCharsets.UTF_8);
    String[] blocks = new String[receiverLines.length + 1];
    blocks[0] = "keys.path = keys\n";
    for (int i = 0; i < receiverLines.length; i++) {
      blocks[i + 1] = receiverLines[i] + "\n";
    }
    return GatewayFiles.config(folder, blocks);
  }

  private static CliRun withoutTimes(CliRun run) {
    return new CliRun(
        run.exitCode(), run.out().replaceAll("\\d\\d:\\d\\d:\\d\\d", "hh:mm:ss"), run.err());
  }

  @Test
  void listen_forOneSecond_printsTheMetersHeardStrongestFirst() throws Exception {
    Path config = config("rtlwmbus.roof.pipe = recording.txt", "rtlwmbus.roof.rssi-offset = -160");

    CliRun run = CliRun.of("listen", "--config", config.toString(), "--for", "1s");

    assertEquals(
        new CliRun(
            0,
            "ID        MAN  TYPE  MEDIUM               MODE  RSSI  COUNT  LAST SEEN  STATUS\n"
                + "33225544  SEN  07    water                T1    -80   1      hh:mm:ss   ok\n"
                + "23800604  VIP  08    heat_cost_allocator  T1    -85   1      hh:mm:ss   key_missing\n"
                + "12230094  QDS  07    water                C1    -100  1      hh:mm:ss   ok\n"
                + "80008957  ELV  1B    room_sensor          T1    -110  1      hh:mm:ss   ok\n",
            "releve: 4 meters heard in 1s; 1 duplicate copy dropped; 2 bad lines skipped.\n"),
        withoutTimes(run));
  }

  @Test
  void listen_twoReadersOfTheSameAir_countEachTelegramOnce() throws Exception {
    Path config =
        config(
            "rtlwmbus.east.pipe = recording.txt",
            "rtlwmbus.west.pipe = recording.txt",
            "rtlwmbus.west.rssi-offset = -150");

    CliRun run =
        CliRun.of("listen", "--config", config.toString(), "--for", "1s", "--format", "json");

    assertEquals(0, run.exitCode());
    assertEquals(
        "{\"device\":\"SEN-33225544-68-07\",\"id\":\"33225544\",\"manufacturer\":\"SEN\","
            + "\"version\":104,\"type\":7,\"medium\":\"water\",\"modes\":[\"T1\"],"
            + "\"last_rssi_dbm\":-70,\"best_rssi_dbm\":-70,\"count\":1,",
        run.out().lines().findFirst().orElseThrow().replaceAll("\"last_seen.*", ""));
    assertEquals(
        "releve: 4 meters heard in 1s; 6 duplicate copies dropped; 4 bad lines skipped.\n",
        run.err());
  }

  @Test
  void listen_withoutReceivers_isAConfigurationError() throws Exception {
    Path config = config();

    assertEquals(
        new CliRun(
            78,
            "",
            "releve: "
                + config
                + ": no radio receiver is configured (stick.NAME.* or rtlwmbus.NAME.*, see"
                + " config/releve.conf).\n"),
        CliRun.of("listen", "--config", config.toString(), "--for", "1s"));
  }

  @Test
  void listen_onAStickThatIsNotPlugged_exits74NamingThePort() throws Exception {
    Path config =
        config("stick.hall.type = amber", "stick.hall.device = /dev/serial/by-id/usb-not-plugged");

    CliRun run = CliRun.of("listen", "--config", config.toString(), "--for", "1s");

    assertEquals(74, run.exitCode(), run.err());
    assertTrue(run.err().contains("/dev/serial/by-id/usb-not-plugged"), run.err());
  }
}
