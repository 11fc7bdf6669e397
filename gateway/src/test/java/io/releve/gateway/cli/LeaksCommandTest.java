package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code releve leaks analyze} on readings built from flows. Unless said otherwise a meter is read
 * to the litre on every hour, and a quiet day (no flow) comes first, from 2025-03-09T00:00Z, so
 * that a leak starting after it is dated 2025-03-10T00:00Z.
 */
class LeaksCommandTest {

  private static final String HEADER = "meter,timestamp,index_m3\n";
  private static final String QUIET_DAY = "2025-03-09T00:00:00Z";

  /** A household's day: water drawn morning, noon and evening, none at night. */
  private static final double[] HOUSEHOLD_DAY = {
    0, 0, 0, 0, 0, 0, 5, 40, 20, 0, 0, 0, 10, 5, 0, 0, 0, 0, 15, 40, 30, 10, 5, 0
  };

  /** Meter A drips 6 L/h for 60 h after the quiet day; its alert as it stands at its last hour. */
  private static final String A_DRIPPING =
      alert("A", 1, "2025-03-10T00:00:00Z", "2025-03-11T00:00:00Z", null, "6.00", "0.360", false);

  @TempDir Path folder;

  /** The active alert of a meter whose leak came back at 5 L/h on 2025-03-11 at 16:00Z. */
  private static String comeBack(String meter) {
    return alert(
        meter, 1, "2025-03-11T16:00:00Z", "2025-03-12T16:00:00Z", null, "5.00", "0.150", false);
  }

  private Path file(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private CliRun analyze(String text, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("leaks", "analyze"));
    args.addAll(List.of(options));
    args.add(file("readings.csv", text).toString());
    return CliRun.of(args.toArray(String[]::new));
  }

  /** A dripping meter and a household's meter over the same 84 hours, one meter after the other. */
  private static List<String> drippingAndQuietRows() {
    List<String> rows = new ArrayList<>(new Meter("A").flow(24, 0).flow(60, 6).rows());
    Meter household = new Meter("B").flow(24, 0).hourly(HOUSEHOLD_DAY).hourly(HOUSEHOLD_DAY);
    rows.addAll(household.hourly(Arrays.copyOf(HOUSEHOLD_DAY, 12)).rows());
    return rows;
  }

  @Test
  void analyze_leakingMeterAndQuietOne_printsTheLeakingMetersAlertOnly() throws Exception {
    CliRun run = analyze(HEADER + lines(drippingAndQuietRows()));

    assertEquals(new CliRun(0, "[\n" + A_DRIPPING + "\n]\n", ""), run);
  }

  @Test
  void analyze_leakThatStopsAndComesBack_printsTheClosedAlertThenTheActiveOne() throws Exception {
    // 8 L/h for 30 h, repaired for 10 h, then 5 L/h for 30 h: the first alert closes at the start
    // of the first hour without flow; the second starts at the end of the last one.
    Meter meter = new Meter("A").flow(24, 0).flow(30, 8).flow(10, 0).flow(30, 5);

    CliRun run = analyze(HEADER + lines(meter.rows()));

    assertEquals(
        new CliRun(
            0,
            "[\n"
                + alert(
                    "A",
                    2,
                    "2025-03-10T00:00:00Z",
                    "2025-03-11T00:00:00Z",
                    "2025-03-11T06:00:00Z",
                    "8.00",
                    "0.240",
                    true)
                + comeBack("A")
                + "\n]\n",
            ""),
        run);
  }

  @Test
  void analyze_alertsOfSeveralMeters_areOrderedByMeterThenStart() throws Exception {
    List<String> rows =
        new ArrayList<>(new Meter("B").flow(24, 0).flow(30, 8).flow(10, 0).flow(30, 5).rows());
    rows.addAll(new Meter("A").flow(24, 0).flow(60, 6).rows());

    CliRun run = analyze(HEADER + lines(rows));

    assertEquals(
        new CliRun(
            0,
            "[\n"
                + A_DRIPPING
                + ",\n"
                + alert(
                    "B",
                    2,
                    "2025-03-10T00:00:00Z",
                    "2025-03-11T00:00:00Z",
                    "2025-03-11T06:00:00Z",
                    "8.00",
                    "0.240",
                    true)
                + comeBack("B")
                + "\n]\n",
            ""),
        run);
  }

  @Test
  void analyze_rowsOfSeveralMetersInterleavedAndShuffled_giveTheSameAlerts() throws Exception {
    List<String> rows = drippingAndQuietRows();
    Collections.shuffle(rows, new Random(20250310));

    CliRun run = analyze(HEADER + lines(rows));

    assertEquals(new CliRun(0, "[\n" + A_DRIPPING + "\n]\n", ""), run);
  }

  @Test
  void analyze_readingsOnStandardInput_giveTheSameAlerts() {
    CliRun run = CliRun.withStdin(HEADER + lines(drippingAndQuietRows()), "leaks", "analyze", "-");

    assertEquals(new CliRun(0, "[\n" + A_DRIPPING + "\n]\n", ""), run);
  }

  @Test
  void analyze_nowInTheMiddleOfTheFile_judgesTheReadingsUpToThenAndSaysWhatItLeftOut()
      throws Exception {
    // 2025-03-11T13:00+01:00 is 36 h into the leak: 36 h × 6 L.
    CliRun run =
        analyze(
            HEADER + lines(new Meter("A").flow(24, 0).flow(60, 6).rows()),
            "--now",
            "2025-03-11T13:00:00+01:00");

    assertEquals(
        new CliRun(
            0,
            "[\n"
                + alert(
                    "A",
                    1,
                    "2025-03-10T00:00:00Z",
                    "2025-03-11T00:00:00Z",
                    null,
                    "6.00",
                    "0.216",
                    false)
                + "\n]\n",
            "meter A: 24 readings after 2025-03-11T12:00:00Z left out (from"
                + " 2025-03-11T13:00:00Z to 2025-03-12T12:00:00Z)\n"),
        run);
  }

  @Test
  void analyze_estimatedReading_isNotTakenAsAnHourWithoutFlow() throws Exception {
    // The head-end substituted the reading of the 31st hour of the leak with the previous index.
    List<String> rows = new Meter("A").flow(24, 0).flow(60, 6).rows();
    List<String> flagged = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String row = i == 24 + 31 ? rows.get(i - 1).replace("T06:00", "T07:00") : rows.get(i);
      flagged.add(row + (i == 24 + 31 ? ",true" : ",false"));
    }
    String header = "meter,timestamp,index_m3,estimated\n";

    assertEquals(new CliRun(0, "[\n" + A_DRIPPING + "\n]\n", ""), analyze(header + lines(flagged)));
    String trusted = lines(flagged).replace(",true", ",false");
    assertTrue(
        analyze(header + trusted).out().contains("\"end\": \"2025-03-11T06:00:00Z\""),
        "the same reading taken as measured shows an hour without flow and closes the alert");
  }

  @Test
  void analyze_meterTooCoarseForLeaks_printsNoAlertAndANoteOnStderr() throws Exception {
    // One decimal in m³: the index moves in steps of 100 L.
    String rows = "C,2025-03-09T00:00:00Z,500.0\nC,2025-03-09T01:00:00Z,500.0\n";

    assertEquals(
        new CliRun(
            0,
            "[]\n",
            "meter C: too coarse at 2025-03-09T00:00:00Z (index read in steps of 100.0 L)\n"),
        analyze(HEADER + rows));
  }

  @Test
  void analyze_replacedMeter_saysSoOnStderrAndExitsZero() throws Exception {
    String rows =
        "A,2025-03-09T00:00:00Z,1234.000\n"
            + "A,2025-03-09T01:00:00Z,1234.010\n"
            + "A,2025-03-09T02:00:00Z,0.004\n";

    assertEquals(
        new CliRun(
            0,
            "[]\n",
            "meter A: replacement at 2025-03-09T02:00:00Z (index 1234.01 m³ then 0.004 m³ 1.0 h"
                + " later)\n"),
        analyze(HEADER + rows));
  }

  @Test
  void analyze_badRows_reportsEachOneWithItsLineAndColumnAndPrintsNothing() throws Exception {
    Path bad =
        file(
            "bad.csv",
            HEADER
                + "A,2025-03-09T00:00:00Z,1234.000\n"
                + ",2025-03-09T01:00:00Z,1234.000\n"
                + "A,2025-03-09 02:00,1234.000\n"
                + "A,2025-03-09T03:00:00,1234.000\n"
                + "A,2025-03-09T04:00:00Z,-1234.000\n"
                + "A,2025-03-09T05:00:00Z,1.234E3\n"
                + "A,2025-03-09T06:00:00Z,1234.000,true\n");

    assertEquals(
        new CliRun(
            65,
            "",
            bad
                + ":3: column [meter] has value []: must not be empty\n"
                + bad
                + ":4: column [timestamp] has value [2025-03-09 02:00]: must be an ISO-8601"
                + " date-time with an offset or Z, such as 2025-03-10T08:00:00+01:00\n"
                + bad
                + ":5: column [timestamp] has value [2025-03-09T03:00:00]: must be an ISO-8601"
                + " date-time with an offset or Z, such as 2025-03-10T08:00:00+01:00\n"
                + bad
                + ":6: column [index_m3] has value [-1234.000]: must not be negative\n"
                + bad
                + ":7: column [index_m3] has value [1.234E3]: must be a decimal number of m³"
                + " with the meter's digits, such as 12.345\n"
                + bad
                + ":8: expected 3 columns, found 4\n"
                + "releve: nothing analysed: 6 problems in "
                + bad
                + "\n"),
        CliRun.of("leaks", "analyze", bad.toString()));
  }

  @Test
  void analyze_estimatedNeitherTrueNorFalse_isABadRow() throws Exception {
    Path bad =
        file(
            "bad.csv", "meter,timestamp,index_m3,estimated\nA,2025-03-09T00:00:00Z,1234.000,yes\n");

    assertEquals(
        new CliRun(
            65,
            "",
            bad
                + ":2: column [estimated] has value [yes]: must be true or false\n"
                + "releve: nothing analysed: 1 problem in "
                + bad
                + "\n"),
        CliRun.of("leaks", "analyze", bad.toString()));
  }

  @Test
  void analyze_badHeader_isRefused() throws Exception {
    Path bad = file("bad.csv", "meter,time,index\nA,2025-03-09T00:00:00Z,1234.000\n");

    assertEquals(
        new CliRun(
            65,
            "",
            bad
                + ":1: the header must be exactly meter,timestamp,index_m3 or"
                + " meter,timestamp,index_m3,estimated\n"
                + "releve: nothing analysed: 1 problem in "
                + bad
                + "\n"),
        CliRun.of("leaks", "analyze", bad.toString()));
  }

  @Test
  void analyze_headerOnly_printsAnEmptyArray() throws Exception {
    assertEquals(new CliRun(0, "[]\n", ""), analyze(HEADER));
  }

  @Test
  void analyze_missingFile_exitsWithNoInput() {
    Path missing = folder.resolve("missing.csv");

    assertEquals(
        new CliRun(66, "", "releve: cannot read " + missing + ": no such file\n"),
        CliRun.of("leaks", "analyze", missing.toString()));
  }

  @Test
  void analyze_folderInsteadOfAFile_exitsWithIoError() {
    assertEquals(
        new CliRun(74, "", "releve: cannot read " + folder + ": is a directory\n"),
        CliRun.of("leaks", "analyze", folder.toString()));
  }

  @Test
  void analyze_nowThatIsNotATime_isAUsageError() throws Exception {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Invalid value for --now: [yesterday] is not an ISO date (2026-01-31) or"
                + " date-time (2026-01-31T08:00:00Z)\n"
                + "Try 'releve leaks analyze --help' for more information.\n"),
        analyze(HEADER, "--now", "yesterday"));
  }

  /** One alert as the command prints it, followed by a comma when another one comes after it. */
  private static String alert(
      String meter,
      int level,
      String start,
      String detectedAt,
      String end,
      String averageFlow,
      String totalLoss,
      boolean more) {
    return "  {\n"
        + "    \"meter\": \""
        + meter
        + "\",\n"
        + "    \"type\": \"leak\",\n"
        + "    \"level\": "
        + level
        + ",\n"
        + "    \"start\": \""
        + start
        + "\",\n"
        + "    \"detected_at\": \""
        + detectedAt
        + "\",\n"
        + "    \"end\": "
        + (end == null ? "null" : "\"" + end + "\"")
        + ",\n"
        + "    \"average_flow_lph\": "
        + averageFlow
        + ",\n"
        + "    \"total_loss_m3\": "
        + totalLoss
        + ",\n"
        + "    \"source\": \"flow\"\n"
        + "  }"
        + (more ? ",\n" : "");
  }

  private static String lines(List<String> rows) {
    return String.join("\n", rows) + "\n";
  }

  /**
   * Hourly readings of one meter read to the litre, from {@link #QUIET_DAY} at 1234.000 m³: each
   * hour adds its volume to the index.
   */
  private static final class Meter {
    private final String name;
    private final List<String> rows = new ArrayList<>();
    private Instant time = Instant.parse(QUIET_DAY);
    private double litres = 1_234_000;

    Meter(String name) {
      this.name = name;
      read();
    }

    Meter flow(int hours, double litresPerHour) {
      for (int hour = 0; hour < hours; hour++) {
        hourly(litresPerHour);
      }
      return this;
    }

    Meter hourly(double... volumes) {
      for (double volume : volumes) {
        time = time.plus(Duration.ofHours(1));
        litres += volume;
        read();
      }
      return this;
    }

    List<String> rows() {
      return new ArrayList<>(rows);
    }

    private void read() {
      long shown = (long) Math.floor(litres);
      rows.add(String.format("%s,%s,%d.%03d", name, time, shown / 1000, shown % 1000));
    }
  }
}
