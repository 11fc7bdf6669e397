package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import io.releve.gateway.store.Database;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import io.releve.gateway.store.Inventory;
import io.releve.gateway.store.ReadingStore;
import io.releve.gateway.store.SiteCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingsCommandTest {

  private static final DeviceIdentity WATER = new DeviceIdentity("LUG", "12345678", 0x0A, 0x07);
  private static final DeviceIdentity HCA = new DeviceIdentity("QDS", "00012345", 0x35, 0x08);
  private static final Instant DAY1 = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-01-06T10:00:00.250Z");

  @TempDir Path folder;

  @BeforeEach
  void store() {
    try (Database database = Database.open(db(), Clock.systemUTC())) {
      new ReadingStore(database)
          .storeBatch(
              List.of(
                  reading(WATER, Quantity.VOLUME, "12.340", Unit.CUBIC_METRE, DAY1, -71),
                  reading(HCA, Quantity.HCA_UNITS, "153", Unit.HCA, DAY1, null),
                  reading(WATER, Quantity.VOLUME, "12.351", Unit.CUBIC_METRE, DAY2, -70)),
              List.of());
      // installed after its readings were stored, so that they are numbered 1 to 3 (the
      // installation takes the next outbox number)
      new Inventory(database)
          .add(
              new InstalledDevice(
                  HCA,
                  Medium.HEAT_COST_ALLOCATOR,
                  null,
                  new Dwelling(SiteCode.of("AB123"), "A12", null),
                  "Séjour"));
    }
  }

  private Path db() {
    return folder.resolve("releve.db");
  }

  private CliRun run(String... args) {
    return CliRun.withDatabase(db(), "readings", args);
  }

  private static Reading reading(
      DeviceIdentity device, Quantity quantity, String value, Unit unit, Instant at, Integer rssi) {
    return new Reading(
        device,
        device.medium(),
        quantity,
        Value.of(new BigDecimal(value)),
        unit,
        0,
        0,
        0,
        RecordFunction.INSTANTANEOUS,
        null,
        at,
        ClockState.SYNCHRONISED,
        "stick0",
        rssi,
        0);
  }

  @Test
  void readings_asTable_listsEveryReadingEarliestFirst() {
    assertEquals(
        new CliRun(
            0,
            "SEQ  RECEIVED                  DEVICE              QUANTITY              VALUE   UNIT "
                + " STORAGE  FUNCTION       CLOCK         SOURCE\n"
                + "1    2026-01-05T10:00:00Z      LUG-12345678-0A-07  volume                12.340  m3  "
                + "  0        instantaneous  synchronised  stick0\n"
                + "2    2026-01-05T10:00:00Z      QDS-00012345-35-08  heat_cost_allocation  153     HCA "
                + "  0        instantaneous  synchronised  stick0\n"
                + "3    2026-01-06T10:00:00.250Z  LUG-12345678-0A-07  volume                12.351  m3  "
                + "  0        instantaneous  synchronised  stick0\n",
            ""),
        run());
  }

  @Test
  void readings_byMeterAsJson_printsOneObjectPerLineWithExactValues() {
    assertEquals(
        new CliRun(
            0,
            "{\"seq\":1,\"received_at\":\"2026-01-05T10:00:00Z\",\"device\":\"LUG-12345678-0A-07\","
                + "\"medium\":\"water\",\"quantity\":\"volume\",\"value\":12.340,\"unit\":\"m3\","
                + "\"storage\":0,\"tariff\":0,\"subunit\":0,\"function\":\"instantaneous\","
                + "\"meter_time\":null,\"clock_state\":\"synchronised\",\"source\":\"stick0\","
                + "\"rssi\":-71,\"status\":0}\n"
                + "{\"seq\":3,\"received_at\":\"2026-01-06T10:00:00.250Z\",\"device\":\"LUG-12345678-0A-07\","
                + "\"medium\":\"water\",\"quantity\":\"volume\",\"value\":12.351,\"unit\":\"m3\","
                + "\"storage\":0,\"tariff\":0,\"subunit\":0,\"function\":\"instantaneous\","
                + "\"meter_time\":null,\"clock_state\":\"synchronised\",\"source\":\"stick0\","
                + "\"rssi\":-70,\"status\":0}\n",
            ""),
        run("--meter", "LUG-12345678-0A-07", "--format", "json"));
  }

  @Test
  void readings_byDwellingAsCsv_printsHeaderAndRows() {
    assertEquals(
        new CliRun(
            0,
            "seq,received_at,device,medium,quantity,value,unit,storage,tariff,subunit,function,"
                + "meter_time,clock_state,source,rssi,status\n"
                + "2,2026-01-05T10:00:00Z,QDS-00012345-35-08,heat_cost_allocator,heat_cost_allocation,"
                + "153,HCA,0,0,0,instantaneous,,synchronised,stick0,,0\n",
            ""),
        run("--site", "ab123", "--dwelling", "A12", "--format", "CSV"));
  }

  @Test
  void readings_toADate_includesTheWholeDay() {
    assertEquals(
        List.of("1", "2"),
        run("--from", "2026-01-05", "--to", "2026-01-05", "--format", "csv")
            .out()
            .lines()
            .skip(1)
            .map(line -> line.substring(0, line.indexOf(',')))
            .toList());
  }

  @Test
  void readings_fromADateTimeWithLimit_returnsTheFirstOnes() {
    assertEquals(
        List.of("3"),
        run("--from", "2026-01-05T11:00", "--limit", "1", "--format", "csv")
            .out()
            .lines()
            .skip(1)
            .map(line -> line.substring(0, line.indexOf(',')))
            .toList());
  }

  @Test
  void readings_noneMatch_saysSo() {
    assertEquals(new CliRun(0, "No readings.\n", ""), run("--from", "2027-01-01"));
  }

  @Test
  void readings_badTime_isAUsageErrorNamingTheOption() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Invalid value for --to: [yesterday] is not an ISO date (2026-01-31) or"
                + " date-time (2026-01-31T08:00:00Z)\n"
                + "Try 'releve readings --help' for more information.\n"),
        run("--to", "yesterday"));
  }

  @Test
  void readings_siteWithoutDwelling_isAUsageError() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Invalid value for --site and --dwelling: give both or neither\n"
                + "Try 'releve readings --help' for more information.\n"),
        run("--site", "AB123"));
  }

  @Test
  void readings_badMeterKey_isAUsageError() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Invalid value for --meter: Device key [LUG-1234] must look like"
                + " LUG-12345678-0A-07.\n"
                + "Try 'releve readings --help' for more information.\n"),
        run("--meter", "LUG-1234"));
  }

  @Test
  void readings_databaseThatCannotBeOpened_exitsWithIoError() throws Exception {
    Path notADatabase = folder.resolve("notes.db");
    java.nio.file.Files.writeString(notADatabase, "plain text, not SQLite ".repeat(100));

    CliRun result = CliRun.of("readings", "--database", notADatabase.toString());

    assertEquals(74, result.exitCode());
    assertEquals("", result.out());
    assertEquals(
        true,
        result.err().startsWith("releve: Cannot open database [" + notADatabase + "]"),
        result.err());
  }
}
