package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.clock.LinuxBootClock;
import io.releve.gateway.clock.TimeBase;
import io.releve.gateway.store.ClockBases;
import io.releve.gateway.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetersCommandTest {

  private static final String HEADER =
      "site_code,dwelling,lot,room,medium,printed_serial,manufacturer,id,version,type\n";

  private static final String GOOD_FILE =
      HEADER
          + "AB123,A12,7,,cold_water,H8CA029620,LUG,12345678,10,7\n"
          + "AB123,A12,7,\"Chambre 1, côté rue\",heat_cost_allocator,,QDS,00012345,53,8\n"
          + "AB123,B3,,,,,KAM,87654321,1,4\n";

  @TempDir Path folder;

  private String db() {
    return folder.resolve("releve.db").toString();
  }

  private CliRun run(String... args) {
    String[] withDatabase = new String[args.length + 2];
    System.arraycopy(args, 0, withDatabase, 0, args.length);
    withDatabase[args.length] = "--database";
    withDatabase[args.length + 1] = db();
    return CliRun.of(withDatabase);
  }

  private Path file(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void add_whileTheDaemonOfThisBootIsUnsynchronised_stampsAsTheDaemon_andIsRetimedWithIt()
      throws Exception {
    LinuxBootClock boot = LinuxBootClock.open(); // this machine's: the CLI reads the same
    Instant restored = Instant.parse("2026-11-20T08:00:00Z");
    TimeBase daemon =
        TimeBase.anchored(boot.bootId(), boot.sinceBootNanos(), restored.toEpochMilli());
    try (Database database = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      new ClockBases(database).record(daemon);
    }

    run(
        "meters",
        "add",
        "--site",
        "AB123",
        "--dwelling",
        "A12",
        "--medium",
        "cold_water",
        "--manufacturer",
        "LUG",
        "--id",
        "12345678",
        "--version",
        "10",
        "--type",
        "7");

    try (Database database = Database.open(folder.resolve("releve.db"), Clock.systemUTC())) {
      Instant stamped = Instant.ofEpochMilli(changedAt(database));
      assertTrue(
          !stamped.isBefore(restored) && stamped.isBefore(restored.plusSeconds(60)),
          "stamped from the daemon's anchor: " + stamped);
      Instant trueNow = Instant.parse("2026-11-28T09:00:00Z");
      new ClockBases(database)
          .record(daemon.synchronisedAt(boot.sinceBootNanos(), trueNow.toEpochMilli()));
      Instant retimed = Instant.ofEpochMilli(changedAt(database));
      assertTrue(
          retimed.isAfter(trueNow.minusSeconds(60)) && !retimed.isAfter(trueNow),
          "re-timed with the daemon's stamps: " + retimed);
    }
  }

  private static long changedAt(Database database) {
    return database.read(
        "read the inventory change",
        c -> {
          try (var query = c.prepareStatement("SELECT at FROM inventory_changes");
              var row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  @Test
  void list_emptyInventory_saysSo() {
    assertEquals(new CliRun(0, "No meters installed.\n", ""), run("meters", "list"));
  }

  @Test
  void add_thenList_printsAlignedTable() {
    CliRun added =
        run(
            "meters",
            "add",
            "--site",
            "ab123",
            "--dwelling",
            "A12",
            "--lot",
            "7",
            "--medium",
            "cold_water",
            "--serial",
            "h8ca-029620",
            "--manufacturer",
            "LUG",
            "--id",
            "12345678",
            "--version",
            "10",
            "--type",
            "7");
    assertEquals(new CliRun(0, "added LUG-12345678-0A-07 to AB123/A12\n", ""), added);
    run(
        "meters",
        "add",
        "--site",
        "AB123",
        "--dwelling",
        "A12",
        "--room",
        "Séjour",
        "--manufacturer",
        "QDS",
        "--id",
        "00012345",
        "--version",
        "53",
        "--type",
        "8");

    assertEquals(
        new CliRun(
            0,
            "SITE   DWELLING  LOT  ROOM    MEDIUM               SERIAL      DEVICE\n"
                + "AB123  A12       7    -       cold_water           H8CA029620  LUG-12345678-0A-07\n"
                + "AB123  A12       7    Séjour  heat_cost_allocator  -           QDS-00012345-35-08\n",
            ""),
        run("meters", "list"));
  }

  @Test
  void add_sameMeterTwice_exitsWithDataErrorNamingTheDwelling() {
    String[] add = {
      "meters",
      "add",
      "--site",
      "AB123",
      "--dwelling",
      "A12",
      "--manufacturer",
      "LUG",
      "--id",
      "12345678",
      "--version",
      "10",
      "--type",
      "7"
    };
    run(add);

    assertEquals(
        new CliRun(
            65, "", "releve: Meter [LUG-12345678-0A-07] is already installed in AB123/A12.\n"),
        run(add));
  }

  @Test
  void add_badSiteCode_isAUsageErrorNamingTheOptionAndValue() {
    CliRun result =
        run(
            "meters",
            "add",
            "--site",
            "A1234",
            "--dwelling",
            "A12",
            "--manufacturer",
            "LUG",
            "--id",
            "12345678",
            "--version",
            "10",
            "--type",
            "7");

    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Invalid value for --site: Site code [A1234] must be two letters and three"
                + " digits, such as AB123.\n"
                + "Try 'releve meters add --help' for more information.\n"),
        result);
  }

  @Test
  void remove_byKeyOrByIdentity_detachesTheMeter() throws Exception {
    run("meters", "import", file("meters.csv", GOOD_FILE).toString());

    assertEquals(
        new CliRun(0, "removed LUG-12345678-0A-07\n", ""),
        run("meters", "remove", "LUG-12345678-0A-07"));
    assertEquals(
        new CliRun(0, "removed KAM-87654321-01-04\n", ""),
        run(
            "meters",
            "remove",
            "--manufacturer",
            "KAM",
            "--id",
            "87654321",
            "--version",
            "1",
            "--type",
            "4"));
    assertEquals(
        new CliRun(65, "", "releve: meter LUG-12345678-0A-07 is not installed\n"),
        run("meters", "remove", "LUG-12345678-0A-07"));
  }

  @Test
  void import_goodFile_printsSummaryAndListShowsEveryMeter() throws Exception {
    CliRun imported = run("meters", "import", file("meters.csv", GOOD_FILE).toString());

    assertEquals(new CliRun(0, "imported 3 meters\n", ""), imported);
    assertEquals(
        GOOD_FILE.replace("B3,,,,,KAM", "B3,,,heat,,KAM"),
        run("meters", "list", "--format", "csv").out());
  }

  @Test
  void import_fileWithByteOrderMarkAndCrlf_isAccepted() throws Exception {
    String windows = "\uFEFF" + GOOD_FILE.replace("\n", "\r\n");

    assertEquals(
        new CliRun(0, "imported 3 meters\n", ""),
        run("meters", "import", file("excel.csv", windows).toString()));
  }

  @Test
  void import_badLines_reportsEachOneAndStoresNothing() throws Exception {
    Path bad =
        file(
            "bad.csv",
            HEADER
                + "AB123,A12,7,,cold_water,H8CA029620,LUG,12345678,10,7\n"
                + "AB12,A12,7,,cold_water,,LUG,1234567,10,7\n"
                + "AB123,A13,,,steam_engine,,KAM,87654321,1,300\n"
                + "AB123,A14,,,,,LUG,12345678,10,7\n"
                + "AB123,A15\n");

    CliRun result = run("meters", "import", bad.toString());

    assertEquals(65, result.exitCode());
    assertEquals("", result.out());
    assertEquals(
        bad
            + ":3: column [site_code] has value [AB12]: must be two letters and three digits,"
            + " such as AB123.\n"
            + bad
            + ":3: column [id] has value [1234567]: must be exactly eight digits (0-9, or A-F as some meters send).\n"
            + bad
            + ":4: column [type] has value [300]: must be a decimal number from 0 to 255\n"
            + bad
            + ":4: column [medium] has value [steam_engine]: is not known; use one of "
            + MediumLabels.ALL
            + ".\n"
            + bad
            + ":5: column [id] has value [12345678]: meter [LUG-12345678-0A-07] is also on"
            + " line 2\n"
            + bad
            + ":6: expected 10 columns, found 2\n"
            + "releve: nothing imported: 6 problems in "
            + bad
            + "\n",
        result.err());
    assertEquals("No meters installed.\n", run("meters", "list").out());
  }

  @Test
  void import_meterAlreadyInstalled_reportsItsLineAndStoresNothing() throws Exception {
    run(
        "meters",
        "add",
        "--site",
        "AB123",
        "--dwelling",
        "Z9",
        "--manufacturer",
        "KAM",
        "--id",
        "87654321",
        "--version",
        "1",
        "--type",
        "4");
    Path file = file("meters.csv", GOOD_FILE);

    CliRun result = run("meters", "import", file.toString());

    assertEquals(
        new CliRun(
            65,
            "",
            file
                + ":4: column [id] has value [87654321]: meter [KAM-87654321-01-04] is already"
                + " installed in AB123/Z9.\n"
                + "releve: nothing imported: 1 problem in "
                + file
                + "\n"),
        result);
    assertEquals(1, run("meters", "list", "--format", "json").out().lines().count());
  }

  @Test
  void import_badHeader_isRefused() throws Exception {
    Path file = file("meters.csv", "site,dwelling\nAB123,A12\n");

    assertEquals(
        new CliRun(
            65,
            "",
            file
                + ":1: the header must be exactly "
                + HEADER
                + "releve: nothing imported: 1 problem in "
                + file
                + "\n"),
        run("meters", "import", file.toString()));
  }

  @Test
  void import_missingFile_exitsWithNoInput() {
    Path missing = folder.resolve("missing.csv");
    assertEquals(
        new CliRun(66, "", "releve: cannot read " + missing + ": no such file\n"),
        run("meters", "import", missing.toString()));
  }

  @Test
  void export_thenImportIntoAnotherDatabase_roundTrips() throws Exception {
    run("meters", "import", file("meters.csv", GOOD_FILE).toString());
    Path exported = folder.resolve("export.csv");

    assertEquals(
        new CliRun(0, "exported 3 meters to " + exported + "\n", ""),
        run("meters", "export", exported.toString()));
    CliRun reimported =
        CliRun.of(
            "meters",
            "import",
            exported.toString(),
            "--database",
            folder.resolve("other.db").toString());

    assertEquals(new CliRun(0, "imported 3 meters\n", ""), reimported);
    assertEquals(
        run("meters", "export").out(),
        CliRun.of("meters", "export", "--database", folder.resolve("other.db").toString()).out());
    assertEquals(Files.readString(exported), run("meters", "export", "-").out());
  }

  @Test
  void list_asJson_printsOneObjectPerLine() throws Exception {
    run("meters", "import", file("meters.csv", GOOD_FILE).toString());

    String first =
        run("meters", "list", "--format", "json").out().lines().findFirst().orElseThrow();

    assertEquals(
        "{\"site_code\":\"AB123\",\"dwelling\":\"A12\",\"lot\":\"7\",\"room\":null,"
            + "\"medium\":\"cold_water\",\"printed_serial\":\"H8CA029620\",\"manufacturer\":\"LUG\","
            + "\"id\":\"12345678\",\"version\":10,\"type\":7,\"device\":\"LUG-12345678-0A-07\"}",
        first);
  }

  @Test
  void databaseOption_resolvesOptionThenEnvironmentThenDefault() {
    Path given = Path.of("given.db");
    assertEquals(given, DatabaseOption.resolve(given, name -> "env.db"));
    assertEquals(Path.of("env.db"), DatabaseOption.resolve(null, name -> "env.db"));
    assertEquals(null, DatabaseOption.resolve(null, name -> null));
  }

  @Test
  void addAndRemove_help_showsUsageDespiteTheMeterVersionOption() {
    CliRun addHelp = CliRun.of("meters", "add", "--help");
    CliRun removeHelp = CliRun.of("meters", "remove", "--help");

    assertEquals(0, addHelp.exitCode());
    assertEquals(true, addHelp.out().startsWith("Usage: releve meters add "), addHelp.out());
    assertEquals(true, addHelp.out().contains("--version=N"), addHelp.out());
    assertEquals(0, removeHelp.exitCode());
    assertEquals(
        true, removeHelp.out().startsWith("Usage: releve meters remove "), removeHelp.out());
  }
}
