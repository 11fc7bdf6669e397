package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import io.releve.gateway.store.AlertRow;
import io.releve.gateway.store.Alerts;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Durability;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.SiteCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsCommandTest {

  private static final DeviceIdentity COLD = new DeviceIdentity("LUG", "12345678", 0x0A, 0x16);
  private static final DeviceIdentity KAM = new DeviceIdentity("KAM", "76348799", 0x1B, 0x16);
  private static final Instant T = Instant.parse("2026-03-11T14:00:00Z");

  @TempDir Path folder;

  @BeforeEach
  void store() {
    try (Database database = Database.open(db(), Clock.systemUTC())) {
      new Inventory(database)
          .add(
              new InstalledDevice(
                  COLD,
                  Medium.COLD_WATER,
                  PrintedSerial.of("21123456"),
                  new Dwelling(SiteCode.of("RL042"), "A03", null),
                  null));
      database.write(
          "alerts",
          Durability.FULL,
          c -> {
            long cold = idOf(c, COLD);
            long kam = idOf(c, KAM);
            Alerts.insert(
                c,
                new AlertRow(
                    0,
                    cold,
                    "leak",
                    "",
                    3,
                    T,
                    T.plusSeconds(86_400),
                    null,
                    new BigDecimal("1.140"),
                    new BigDecimal("15.00"),
                    "flow"),
                T);
            Alerts.insert(
                c,
                new AlertRow(
                    0,
                    kam,
                    "meter_alarm",
                    "burst",
                    null,
                    T.minusSeconds(7_200),
                    T.minusSeconds(7_200),
                    T.minusSeconds(3_600),
                    null,
                    null,
                    "Kamstrup info code 0x0008, bit 3 (record 02 FF 20)"),
                T);
            return null;
          });
    }
  }

  private static long idOf(java.sql.Connection c, DeviceIdentity device)
      throws java.sql.SQLException {
    try (var insert =
        c.prepareStatement(
            "INSERT INTO devices (manufacturer, meter_id, version, device_type, medium, added_at)"
                + " VALUES (?, ?, ?, ?, 'cold_water', 0) ON CONFLICT DO UPDATE SET"
                + " medium = medium RETURNING id")) {
      insert.setString(1, device.manufacturer());
      insert.setString(2, device.id());
      insert.setInt(3, device.version());
      insert.setInt(4, device.type());
      try (var row = insert.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private Path db() {
    return folder.resolve("releve.db");
  }

  private CliRun run(String... args) {
    return CliRun.withDatabase(db(), "alerts", args);
  }

  @Test
  void alerts_asTable_showsActiveAlertsThenTheHistoryWithTheResidentsColumns() {
    CliRun run = run();
    assertEquals(0, run.exitCode());
    // how long the active alert has lasted depends on today's date
    String out =
        run.out()
            .replaceAll("FOR +LOSS_M3", "FOR    LOSS_M3")
            .replaceAll("Z  \\d+d( \\d+h)? +1.140", "Z  <for>  1.140");
    assertEquals(
        "Active alerts: 1\n"
            + "TYPE  LEVEL  SINCE              FOR    LOSS_M3  AVG_L/H  FLUID       METER     DWELLING"
            + "   SOURCE\n"
            + "leak  3      2026-03-11T14:00Z  <for>  1.140    15.00    cold water  21123456  RL042 A03"
            + "  flow\n"
            + "\n"
            + "History: 1\n"
            + "FROM               TO                 FLUID       TYPE               LEVEL  LOSS_M3"
            + "  AVG_L/H  METER               DWELLING  SOURCE\n"
            + "2026-03-11T12:00Z  2026-03-11T13:00Z  cold water  meter_alarm:burst  -      -        -"
            + "        KAM-76348799-1B-16  -         Kamstrup info code 0x0008, bit 3 (record 02 FF"
            + " 20)\n",
        out);
    assertEquals("", run.err());
  }

  @Test
  void alerts_activeAsJson_printsOneObjectPerActiveAlert() {
    assertEquals(
        new CliRun(
            0,
            "{\"type\":\"leak\",\"condition\":null,\"level\":3,\"start\":\"2026-03-11T14:00:00Z\","
                + "\"detected_at\":\"2026-03-12T14:00:00Z\",\"end\":null,\"total_loss_m3\":1.140,"
                + "\"average_flow_lph\":15.00,\"fluid\":\"cold_water\",\"serial\":\"21123456\","
                + "\"meter\":\"LUG-12345678-0A-16\",\"site\":\"RL042\",\"dwelling\":\"A03\","
                + "\"source\":\"flow\"}\n",
            ""),
        run("--active", "--format", "json"));
  }

  @Test
  void alerts_asCsv_printsHeaderAndEveryAlert() {
    assertEquals(
        new CliRun(
            0,
            "type,condition,level,start,detected_at,end,total_loss_m3,average_flow_lph,fluid,serial,"
                + "meter,site,dwelling,source\n"
                + "leak,,3,2026-03-11T14:00:00Z,2026-03-12T14:00:00Z,,1.140,15.00,cold_water,"
                + "21123456,LUG-12345678-0A-16,RL042,A03,flow\n"
                + "meter_alarm,burst,,2026-03-11T12:00:00Z,2026-03-11T12:00:00Z,2026-03-11T13:00:00Z,"
                + ",,cold_water,,KAM-76348799-1B-16,,,\"Kamstrup info code 0x0008, bit 3 (record 02 FF"
                + " 20)\"\n",
            ""),
        run("--format", "csv"));
  }

  @Test
  void alerts_onAnEmptyDatabase_sayNone() {
    assertEquals(
        new CliRun(0, "Active alerts: none.\n\nHistory: none.\n", ""),
        CliRun.of("alerts", "--database", folder.resolve("empty.db").toString()));
  }

  @Test
  void elapsed_isWrittenInDaysAndHours() {
    assertEquals("3d 4h", AlertsCommand.elapsed(T, T.plusSeconds(3 * 86_400 + 4 * 3_600 + 59)));
    assertEquals("2d", AlertsCommand.elapsed(T, T.plusSeconds(2 * 86_400)));
    assertEquals("5h", AlertsCommand.elapsed(T, T.plusSeconds(5 * 3_600)));
    assertEquals("12m", AlertsCommand.elapsed(T, T.plusSeconds(12 * 60)));
  }
}
