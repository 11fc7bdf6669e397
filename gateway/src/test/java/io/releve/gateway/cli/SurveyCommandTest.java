package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SurveyCommandTest {

  /** Real telegrams (wmbusmeters' golden data) as an rtl_wmbus receiver prints them. */
  static final String RECORDING =
      String.join(
          "\n",
          // Sensus iPERL water meter, clear, heard twice (a repeated send: one copy dropped).
          "T1;1;1;2025-03-01 11:00:00.000;70;70;33225544;0x1844AE4C4455223368077A55000000041389E20100023B0000",
          "T1;1;1;2025-03-01 11:00:00.000;80;70;33225544;0x1844AE4C4455223368077A55000000041389E20100023B0000",
          // A Qundis water meter, clear.
          "C1;1;1;2025-03-01 11:00:01.000;60;70;12230094;0x394493449400231218077AD30000200C13536712004C1307920500426CBF2CCC081373621200C2086CDE2B02BB560000326CFFFF046D3714C32C",
          // A heat cost allocator, mode 5 encrypted: no key in the key file.
          "T1;1;1;2025-03-01 11:00:02.000;75;70;23800604;0x4E443059040680231E087AC40040050E6AA476257C0C3ADAE8277EDC999B39B38222FCB387A91E94CB6ED47CEEC6470F5F686F89A8574415FA262BD43C88F7F153CE3C66E8E44DA338A06C62AB21B1",
          // An ELV room sensor next door: not in the installation.
          "T1;1;1;2025-03-01 11:00:03.000;50;70;80008957;0x1844961557890080501B7AEA00012002656F0802FD46610E0F",
          // A damaged datagram and a line that is no rtl_wmbus output at all.
          "T1;0;1;2025-03-01 11:00:04.000;50;70;80008957;0x1844961557890080501B7AEA",
          "Tuned to 868950000 Hz.",
          "");

  @TempDir Path folder;

  private Path config;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(folder.resolve("recording.txt"), RECORDING, StandardCharsets.UTF_8);
    config =
        GatewayFiles.config(
            folder,
            "keys.path = keys\n",
            "rtlwmbus.roof.pipe = recording.txt\n",
            "rtlwmbus.roof.rssi-offset = -160\n");
  }

  static void install(Path config, String site, String dwelling, String serial, String device) {
    String[] parts = device.split("-");
    CliRun added =
        CliRun.of(
            "meters",
            "add",
            "--config",
            config.toString(),
            "--site",
            site,
            "--dwelling",
            dwelling,
            "--serial",
            serial,
            "--manufacturer",
            parts[0],
            "--id",
            parts[1],
            "--version",
            Integer.toString(Integer.parseInt(parts[2], 16)),
            "--type",
            Integer.toString(Integer.parseInt(parts[3], 16)));
    assertEquals(0, added.exitCode(), added.err());
  }

  private CliRun survey(String... more) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "survey",
                    "--config",
                    config.toString(),
                    "--listen-for",
                    "1s",
                    "--report",
                    folder.resolve("reports").toString()),
                Stream.of(more))
            .toArray(String[]::new);
    return CliRun.of(args);
  }

  private static String stamped(String text) {
    return text.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "<time>")
        .replaceAll("survey-\\d{8}T\\d{6}Z", "survey-<time>");
  }

  private String report(String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("reports"))) {
      Path file = files.filter(f -> f.toString().endsWith(extension)).findFirst().orElseThrow();
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }

  @Test
  void survey_oneMeterNeverHeardAndOneWithoutKey_failsAndWritesTheReport() throws Exception {
    install(config, "AB123", "A12", "H8CA029620", "SEN-33225544-68-07");
    install(config, "AB123", "A12", "Q-1223", "QDS-12230094-18-07");
    install(config, "AB123", "B3", "HCA-77", "VIP-23800604-1E-08");
    install(config, "AB123", "B3", "L-999", "LUG-12345678-0A-07");

    CliRun run = survey();

    String text =
        "Radio survey <time>: listened 1s in T1, C1 on rtlwmbus.roof; margins over -105 dBm.\n"
            + "\n"
            + "Installed meters\n"
            + "SITE   DWELLING  ROOM  SERIAL      DEVICE              MEDIUM               HEARD  COUNT  BEST RSSI  MARGIN  STATUS\n"
            + "AB123  A12       -     Q1223       QDS-12230094-18-07  water                yes    1      -100       5       ok\n"
            + "AB123  A12       -     H8CA029620  SEN-33225544-68-07  water                yes    1      -80        25      ok\n"
            + "AB123  B3        -     L999        LUG-12345678-0A-07  water                no     -      -          -       -\n"
            + "AB123  B3        -     HCA77       VIP-23800604-1E-08  heat_cost_allocator  yes    1      -85        20      key_missing\n"
            + "\n"
            + "Unknown meters nearby\n"
            + "DEVICE              MEDIUM       MODE  BEST RSSI  MARGIN  COUNT  STATUS\n"
            + "ELV-80008957-50-1B  room_sensor  T1    -110       -5      1      ok\n"
            + "\n"
            + "3 of 4 installed meters heard in T1, C1, 2 decoded; 1 unknown meter nearby. FAILED.\n";
    assertEquals(
        new CliRun(
            1,
            text,
            "releve: wrote " + folder.resolve("reports") + "/survey-<time>.txt, .csv and .json\n"),
        new CliRun(run.exitCode(), stamped(run.out()), stamped(run.err())));
    assertEquals(text, stamped(report(".txt")));
    assertEquals(
        "installed,site_code,dwelling,room,printed_serial,device,medium,heard,count,best_rssi_dbm,margin_db,modes,status\n"
            + "yes,AB123,A12,,Q1223,QDS-12230094-18-07,water,yes,1,-100,5,C1,ok\n"
            + "yes,AB123,A12,,H8CA029620,SEN-33225544-68-07,water,yes,1,-80,25,T1,ok\n"
            + "yes,AB123,B3,,L999,LUG-12345678-0A-07,water,no,0,,,,\n"
            + "yes,AB123,B3,,HCA77,VIP-23800604-1E-08,heat_cost_allocator,yes,1,-85,20,T1,key_missing\n"
            + "no,,,,,ELV-80008957-50-1B,room_sensor,yes,1,-110,-5,T1,ok\n",
        report(".csv"));
    assertEquals(
        "{\"started_at\":\"<time>\",\"listened_seconds\":1,\"modes\":[\"T1\",\"C1\"],"
            + "\"receivers\":[\"rtlwmbus.roof\"],\"sensitivity_dbm\":-105,\"installed\":4,"
            + "\"heard\":3,\"decoded\":2,\"passed\":false,\"meters\":["
            + "{\"site_code\":\"AB123\",\"dwelling\":\"A12\",\"room\":null,\"printed_serial\":\"Q1223\","
            + "\"device\":\"QDS-12230094-18-07\",\"medium\":\"water\",\"heard\":true,\"count\":1,"
            + "\"best_rssi_dbm\":-100,\"margin_db\":5,\"modes\":[\"C1\"],\"status\":\"ok\"},"
            + "{\"site_code\":\"AB123\",\"dwelling\":\"A12\",\"room\":null,\"printed_serial\":\"H8CA029620\","
            + "\"device\":\"SEN-33225544-68-07\",\"medium\":\"water\",\"heard\":true,\"count\":1,"
            + "\"best_rssi_dbm\":-80,\"margin_db\":25,\"modes\":[\"T1\"],\"status\":\"ok\"},"
            + "{\"site_code\":\"AB123\",\"dwelling\":\"B3\",\"room\":null,\"printed_serial\":\"L999\","
            + "\"device\":\"LUG-12345678-0A-07\",\"medium\":\"water\",\"heard\":false},"
            + "{\"site_code\":\"AB123\",\"dwelling\":\"B3\",\"room\":null,\"printed_serial\":\"HCA77\","
            + "\"device\":\"VIP-23800604-1E-08\",\"medium\":\"heat_cost_allocator\",\"heard\":true,"
            + "\"count\":1,\"best_rssi_dbm\":-85,\"margin_db\":20,\"modes\":[\"T1\"],"
            + "\"status\":\"key_missing\"}],"
            + "\"unknown\":[{\"device\":\"ELV-80008957-50-1B\",\"medium\":\"room_sensor\",\"count\":1,"
            + "\"best_rssi_dbm\":-110,\"margin_db\":-5,\"modes\":[\"T1\"],\"status\":\"ok\"}]}\n",
        stamped(report(".json")));
  }

  @Test
  void survey_everyInstalledMeterHeardAndDecoded_passes() throws Exception {
    install(config, "AB123", "A12", "H8CA029620", "SEN-33225544-68-07");

    CliRun run = survey();

    assertEquals(0, run.exitCode());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        "1 of 1 installed meters heard in T1, C1, 1 decoded; 3 unknown meters nearby. PASSED.",
        lines.get(lines.size() - 1));
  }

  @Test
  void survey_withoutMinutes_isAUsageError() {
    assertEquals(
        new CliRun(64, "", "releve: --minutes is required: how long to listen.\n"),
        CliRun.of("survey", "--config", config.toString()));
  }

  @Test
  void survey_unknownReceiver_namesTheConfiguredOnes() {
    assertEquals(
        new CliRun(
            64, "", "releve: --receiver [hall] is not configured; configured: rtlwmbus.roof.\n"),
        survey("--receiver", "hall"));
  }
}
