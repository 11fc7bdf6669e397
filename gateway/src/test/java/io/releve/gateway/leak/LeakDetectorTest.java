package io.releve.gateway.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of DESIGN §3.3 on synthetic series with hand-computed results. Unless said otherwise a
 * meter is read to the litre, on every hour, and a quiet day (no flow) comes first so that the run
 * of continuous flow starts where the leak starts: 2025-03-10T00:00Z.
 */
class LeakDetectorTest {

  private static final String QUIET_DAY = "2025-03-09T00:00:00Z";
  private static final Instant LEAK_START = Instant.parse("2025-03-10T00:00:00Z");

  private static IndexSeries afterAQuietDay() {
    return IndexSeries.litreMeter(QUIET_DAY).flow(24, 0);
  }

  private static LeakAlert only(LeakAnalysis analysis) {
    assertEquals(1, analysis.alerts().size(), () -> "alerts: " + analysis.alerts());
    return analysis.alerts().get(0);
  }

  @ParameterizedTest(name = "{0} L/h for two days gives level {1}")
  @CsvSource({
    "3.9, 0",
    "4.0, 1",
    "5.0, 1",
    "7.9, 1",
    "8.0, 2",
    "11.9, 2",
    "12.0, 3",
    "20.0, 3",
    "150.0, 3"
  })
  void constantFlow_opensTheLevelOfItsMinimum(double litresPerHour, int level) {
    LeakAnalysis analysis = afterAQuietDay().flow(48, litresPerHour).analyze();
    if (level == 0) {
      assertEquals(List.of(), analysis.alerts());
    } else {
      assertEquals(LeakLevel.ofNumber(level), only(analysis).level());
    }
  }

  @ParameterizedTest(name = "{0} L/h on a 10-litre meter gives level {1}")
  @CsvSource({"3.9, 0", "4.0, 1", "5.0, 1", "7.9, 1", "8.0, 2", "9.0, 2", "12.0, 3", "13.0, 3"})
  void tenLitreMeter_widensItsWindowAndKeepsTheLevelBoundaries(double litresPerHour, int level) {
    // 2 decimals in m³: steps of 10 L. One hour of a 5 L/h leak often shows no change at all.
    LeakAnalysis analysis =
        IndexSeries.meter(QUIET_DAY, 500_000, 2).flow(24, 0).flow(72, litresPerHour).analyze();
    if (level == 0) {
      assertEquals(List.of(), analysis.alerts());
    } else {
      assertEquals(LeakLevel.ofNumber(level), only(analysis).level());
    }
  }

  @Test
  void windowOfAMeter_isTheHoursInWhichFourLitresAnHourIsWholeSteps() {
    assertEquals(1, new MeterResolution(0.1).windowHours());
    assertEquals(1, new MeterResolution(1).windowHours());
    assertEquals(5, new MeterResolution(10).windowHours());
    assertTrue(new MeterResolution(100).windowHours() > MeterResolution.MAX_WINDOW_HOURS);
    assertEquals(new MeterResolution(10), MeterResolution.of(new BigDecimal("123.45")));
  }

  @Test
  void constantLeak_lossAndAverageAreItsFlow() {
    // 6 L/h from 2025-03-10T00:00 to 2025-03-12T12:00 (60 h), still going.
    LeakAlert alert = only(afterAQuietDay().flow(60, 6).analyze());
    assertEquals(LEAK_START, alert.start());
    assertEquals(LEAK_START.plus(Duration.ofHours(24)), alert.detectedAt());
    assertNull(alert.end());
    assertEquals(LeakLevel.LEVEL_1, alert.level());
    assertEquals(new BigDecimal("0.360"), alert.totalLossM3()); // 60 h × 6 L
    assertEquals(new BigDecimal("6.00"), alert.averageFlowLph());
  }

  @Test
  void leakUnderHouseholdUse_countsOnlyTheContinuousPart() {
    // 10 L/h all day, plus 30 L in the hours 7 and 19 of each day: each day's minimum is 10 L/h,
    // so each hour's leak volume is min(its volume, 10 L) = 10 L, whatever the household draws.
    IndexSeries series = afterAQuietDay();
    for (int day = 0; day < 3; day++) {
      for (int hour = 0; hour < 24; hour++) {
        series.hourly(hour == 7 || hour == 19 ? 40 : 10);
      }
    }
    LeakAlert alert = only(series.analyze());
    assertEquals(LeakLevel.LEVEL_2, alert.level());
    assertEquals(new BigDecimal("0.720"), alert.totalLossM3()); // 72 h × 10 L
    assertEquals(new BigDecimal("10.00"), alert.averageFlowLph());
  }

  @Test
  void intermittentLeak_canAverageBelowFourLitresAnHourAtLevelOne() {
    // 4 L/h for a day, then 1 L/h for 20 h, then none. Day 1: minimum 4, 24 h × 4 L = 96 L. Day
    // 2: minimum 1, 20 h × 1 L = 20 L, then the first hour without flow closes the alert at
    // 2025-03-11T20:00. Average: 116 L over 44 h = 2.64 L/h.
    LeakAlert alert = only(afterAQuietDay().flow(24, 4).flow(20, 1).flow(6, 0).analyze());
    assertEquals(LeakLevel.LEVEL_1, alert.level());
    assertEquals(LEAK_START, alert.start());
    assertEquals(Instant.parse("2025-03-11T20:00:00Z"), alert.end());
    assertEquals(new BigDecimal("0.116"), alert.totalLossM3());
    assertEquals(new BigDecimal("2.64"), alert.averageFlowLph());
  }

  @Test
  void dayWhoseMinimumFallsBelowFourLitres_closesTheAlertAtItsEnd() {
    // 6 L/h for two days, then a day at 2 L/h (never zero): closed at the end of that third day.
    // Loss 24 × 6 + 24 × 6 + 24 × 2 = 336 L over 72 h = 4.67 L/h.
    LeakAlert alert = only(afterAQuietDay().flow(48, 6).flow(30, 2).analyze());
    assertEquals(Instant.parse("2025-03-13T00:00:00Z"), alert.end());
    assertEquals(new BigDecimal("0.336"), alert.totalLossM3());
    assertEquals(new BigDecimal("4.67"), alert.averageFlowLph());
  }

  @Test
  void repairedLeak_closesAtTheStartOfTheFirstHourWithoutFlow() {
    LeakAlert alert = only(afterAQuietDay().flow(50, 15).flow(5, 0).analyze());
    assertEquals(LeakLevel.LEVEL_3, alert.level());
    assertEquals(LEAK_START.plus(Duration.ofHours(50)), alert.end());
    assertEquals(new BigDecimal("0.750"), alert.totalLossM3()); // 50 h × 15 L
    assertEquals(new BigDecimal("15.00"), alert.averageFlowLph());
  }

  @Test
  void leakThatComesBack_opensASecondAlert() {
    LeakAnalysis analysis = afterAQuietDay().flow(30, 8).flow(10, 0).flow(30, 5).analyze();
    assertEquals(2, analysis.alerts().size(), () -> "alerts: " + analysis.alerts());
    LeakAlert first = analysis.alerts().get(0);
    LeakAlert second = analysis.alerts().get(1);
    assertEquals(LeakLevel.LEVEL_2, first.level());
    assertEquals(LEAK_START.plus(Duration.ofHours(30)), first.end());
    assertEquals(LeakLevel.LEVEL_1, second.level());
    assertEquals(LEAK_START.plus(Duration.ofHours(40)), second.start());
    assertNull(second.end());
  }

  @Test
  void unheardHours_areUnknownNeverZero() {
    // 6 hours without any reading in the middle of the leak: the alert neither closes nor loses
    // the litres that flowed meanwhile (the gap's 36 L are capped at 6 L/h × 6 h).
    LeakAlert alert = only(afterAQuietDay().flow(30, 6).unheard(6, 6).flow(24, 6).analyze());
    assertNull(alert.end());
    assertEquals(new BigDecimal("0.360"), alert.totalLossM3());
    assertEquals(new BigDecimal("6.00"), alert.averageFlowLph());
  }

  @Test
  void dayWithTooFewKnownHours_opensNothing() {
    // 17 known hours at 10 L/h around 7 unknown ones: a day needs 18 known windows.
    LeakAnalysis analysis = afterAQuietDay().flow(9, 10).unheard(8, 10).flow(9, 10).analyze();
    assertEquals(List.of(), analysis.alerts());
  }

  @Test
  void gapWhoseAverageIsBelowFourLitres_breaksTheContinuousFlow() {
    // A night unheard for 8 h with only 16 L in total: some hour in it drew less than 4 L.
    LeakAnalysis analysis = afterAQuietDay().flow(16, 10).unheard(8, 2).flow(23, 10).analyze();
    assertEquals(List.of(), analysis.alerts());
  }

  @Test
  void readingsEveryFifteenMinutes_giveTheSameAlertAsHourlyOnes() {
    LeakAlert alert =
        only(
            IndexSeries.litreMeter(QUIET_DAY)
                .every(Duration.ofMinutes(15))
                .flow(24, 0)
                .flow(36, 12)
                .analyze());
    assertEquals(LEAK_START, alert.start());
    assertEquals(LeakLevel.LEVEL_3, alert.level());
    assertEquals(new BigDecimal("0.432"), alert.totalLossM3()); // 36 h × 12 L
  }

  @Test
  void rollover_isCountedAcrossAndReported() {
    LeakAnalysis analysis =
        IndexSeries.meter(QUIET_DAY, 99_999_900, 3)
            .rollingOverAt(100_000)
            .flow(24, 0)
            .flow(51, 6) // 99999.900 m³, past 99999.999 after 17 h, to 0.206 m³
            .analyze();
    LeakAlert alert = only(analysis);
    assertNull(alert.end());
    assertEquals(new BigDecimal("0.306"), alert.totalLossM3()); // 51 h × 6 L
    assertEquals(List.of(GuardType.ROLLOVER), types(analysis));
  }

  @Test
  void replacement_makesTheHoursAroundItUnknownAndTheLeakGoesOn() {
    LeakAnalysis analysis =
        afterAQuietDay().flow(30, 6).flow(1, 6).showing("0.002").flow(20, 6).analyze();
    LeakAlert alert = only(analysis);
    assertNull(alert.end(), "a new meter on a leaking pipe still shows the leak");
    assertEquals(List.of(GuardType.REPLACEMENT), types(analysis));
  }

  @Test
  void replacementByAMeterShowingAHigherIndex_isReportedNotCountedAsFlow() {
    LeakAnalysis analysis = afterAQuietDay().flow(5, 0).showing("5678.000").flow(30, 0).analyze();
    assertEquals(List.of(), analysis.alerts());
    assertEquals(List.of(GuardType.REPLACEMENT), types(analysis));
  }

  @Test
  void allocatorSetDayReset_isNeitherAReplacementNorALeak() {
    // An allocator's units (kept in the same shape: 3 decimals) go back to zero on its set day.
    IndexSeries series =
        IndexSeries.meter("2024-12-29T00:00:00Z", 1_500_000, 3).flow(72, 40).showing("0.010");
    series.flow(48, 40);
    LeakAnalysis analysis =
        LeakDetector.analyze(series.samples(), series.now(), SeriesKind.ALLOCATOR);
    assertEquals(List.of(), analysis.alerts());
    assertEquals(List.of(GuardType.SET_DAY_RESET), types(analysis));
  }

  @Test
  void backwardFlow_isReportedOnceAndItsHoursAreUnknown() {
    LeakAnalysis analysis =
        afterAQuietDay()
            .flow(30, 6)
            .showing("1234.176") // 4 L back
            .showing("1234.174") // 2 more
            .flow(24, 6)
            .analyze();
    assertEquals(List.of(GuardType.BACKWARD_FLOW), types(analysis));
    assertNull(only(analysis).end(), "backward flow is no hour without flow");
  }

  @Test
  void duplicatedReadings_changeNothing() {
    IndexSeries series = afterAQuietDay().flow(40, 6);
    List<IndexSample> twice = new java.util.ArrayList<>(series.samples());
    twice.addAll(series.samples());
    LeakAnalysis once = series.analyze();
    LeakAnalysis doubled = LeakDetector.analyze(twice, series.now());
    assertEquals(once, doubled);
  }

  @Test
  void conflictingReadingAtTheSameTime_isReportedAndTheFirstKept() {
    IndexSeries series = afterAQuietDay().flow(40, 6);
    List<IndexSample> samples = new java.util.ArrayList<>(series.samples());
    IndexSample last = samples.get(samples.size() - 1);
    samples.add(IndexSample.of(last.time(), last.indexM3().add(new BigDecimal("0.500"))));
    LeakAnalysis analysis = LeakDetector.analyze(samples, series.now());
    assertEquals(series.analyze().alerts(), analysis.alerts());
    assertEquals(List.of(GuardType.CONFLICTING_DUPLICATE), types(analysis));
  }

  @Test
  void backdatedReading_isReportedAndNotUsed() {
    IndexSeries series = afterAQuietDay().flow(40, 6);
    LeakTracker tracker = new LeakTracker(SeriesKind.WATER);
    series.samples().forEach(tracker::accept);
    LeakTracker.Changes changes =
        tracker.accept(
            IndexSample.of(LEAK_START.plus(Duration.ofMinutes(90)), new BigDecimal("1234.000")));
    assertEquals(GuardType.BACKDATED, changes.events().get(0).type());
    assertEquals(series.analyze().alerts().get(0), tracker.active().orElseThrow());
  }

  @Test
  void estimatedReadings_areNeverUsed() {
    // An estimated reading repeating the index would make an hour look without flow.
    IndexSeries series = afterAQuietDay().flow(30, 6);
    series.estimated("1234.180").flow(20, 6);
    LeakAlert alert = only(series.analyze());
    assertNull(alert.end());
  }

  @Test
  void readingsAfterTheTimeOfTheAnalysis_areLeftOut() {
    IndexSeries series = afterAQuietDay().flow(40, 6);
    LeakAnalysis analysis =
        LeakDetector.analyze(series.samples(), LEAK_START.plus(Duration.ofHours(20)));
    assertEquals(List.of(), analysis.alerts());
    assertTrue(types(analysis).stream().allMatch(GuardType.FUTURE::equals));
  }

  @Test
  void meterTooCoarseForLeaks_isReportedOnce() {
    LeakAnalysis analysis = IndexSeries.meter(QUIET_DAY, 500_000, 1).flow(48, 50).analyze();
    assertEquals(List.of(), analysis.alerts());
    assertEquals(List.of(GuardType.TOO_COARSE), types(analysis));
  }

  @Test
  void leakStartingDuringTheDay_isDatedFromTheEndOfTheLastHourBelowFourLitres() {
    // A household that draws 20 L at 7:00 and 3 L in each hour from 8:00 to 13:00; the tap starts
    // dripping 6 L/h at 14:00.
    IndexSeries series = afterAQuietDay().hourly(0, 0, 0, 0, 0, 0, 0, 20, 3, 3, 3, 3, 3, 3);
    LeakAlert alert = only(series.flow(40, 6).analyze());
    assertEquals(LEAK_START.plus(Duration.ofHours(14)), alert.start());
  }

  @Test
  void meterReadEveryTwoHours_countsItsLossFromTheIntervals() {
    // No hourly window is known while the meter is read every 2 h: the day's minimum is then the
    // lowest average of its intervals, here 6 L/h, and no litre is dropped. 78 h × 6 L = 468 L.
    IndexSeries series = afterAQuietDay().flow(24, 6).every(Duration.ofHours(2)).flow(24, 6);
    LeakAlert alert = only(series.every(Duration.ofHours(1)).flow(30, 6).analyze());
    assertEquals(LEAK_START, alert.start());
    assertEquals(new BigDecimal("0.468"), alert.totalLossM3());
    assertEquals(new BigDecimal("6.00"), alert.averageFlowLph());
  }

  @Test
  void readingsWithoutTrailingZeros_takeTheResolutionOfTheFinestReadingOfTheSeries() {
    List<IndexSample> samples = new java.util.ArrayList<>(afterAQuietDay().flow(40, 6).samples());
    IndexSample first = samples.get(0);
    samples.set(0, IndexSample.of(first.time(), new BigDecimal("1234"))); // 1234.000 written short
    LeakAnalysis analysis = LeakDetector.analyze(samples, LEAK_START.plus(Duration.ofHours(40)));
    assertEquals(List.of(), types(analysis));
    assertEquals(LEAK_START, only(analysis).start());
  }

  @Test
  void activeAlertAfterAGap_averagesUpToTheLastKnownHour() {
    // 30 h of 6 L/h, then a reading 4.5 h later: the hours between are decided unknown, and the
    // average (180 L over the 30 h known) is not diluted by them (180 L over 34 h = 5.29).
    IndexSeries series = afterAQuietDay().flow(30, 6).unheard(4.5, 6);
    assertEquals(new BigDecimal("6.00"), only(series.analyze()).averageFlowLph());
  }

  /** A household: 10 L/h all day except the hours 1 to 5 (UTC), read every 15 minutes. */
  private static IndexSeries household(IndexSeries series, int fromHour, int toHour) {
    for (int hour = fromHour; hour < toHour; hour++) {
      series.flow(1, hour % 24 >= 1 && hour % 24 < 5 ? 0 : 10);
    }
    return series;
  }

  @Test
  void nightWithoutReadings_doesNotMakeABusyHouseholdLeak() {
    // Not heard from 20:00 to 05:30 the next day: the night's quiet hours are unknown, and the
    // 18 busy hours that follow are not a day at 10 L/h.
    IndexSeries series =
        IndexSeries.litreMeter("2025-03-03T00:00:00Z").every(Duration.ofMinutes(15));
    household(series, 0, 20).mute();
    household(series, 20, 29).flow(0.5, 10).unmute();
    household(series.flow(0.5, 10), 30, 96);
    assertEquals(List.of(), series.analyze().alerts());
  }

  @Test
  void wholeDayWithoutReadings_doesNotMakeABusyHouseholdLeak() {
    IndexSeries series =
        IndexSeries.litreMeter("2025-03-03T00:00:00Z").every(Duration.ofMinutes(15));
    household(series, 0, 22).flow(0.25, 10).mute();
    series.flow(0.75, 10);
    household(series, 23, 46).flow(0.25, 10).unmute();
    household(series.flow(0.75, 10), 47, 96);
    assertEquals(List.of(), series.analyze().alerts());
  }

  @Test
  void lostReadingNextToTheOnlyQuietHour_doesNotHideIt() {
    // 20 L/h, but 40 L/h from 2:00 and nothing from 3:00 to 4:00; the 3:00 reading of the second
    // day is lost, so the boundary is interpolated across the burst of use before it. The index
    // still from 3:15 to 4:00 shows that no leak was running.
    IndexSeries series =
        IndexSeries.litreMeter("2025-03-03T00:00:00Z").every(Duration.ofMinutes(15));
    for (int hour = 0; hour < 96; hour++) {
      series.flow(1, hour % 24 == 2 ? 40 : hour % 24 == 3 ? 0 : 20);
    }
    Instant lost = Instant.parse("2025-03-04T03:00:00Z");
    List<IndexSample> samples =
        series.samples().stream().filter(sample -> !sample.time().equals(lost)).toList();
    assertEquals(List.of(), LeakDetector.analyze(samples, series.now()).alerts());
  }

  @Test
  void leakReadEveryFifteenMinutesWithALostReading_isStillFoundOnTime() {
    IndexSeries series =
        IndexSeries.litreMeter(QUIET_DAY).every(Duration.ofMinutes(15)).flow(24, 0).flow(30, 5);
    List<IndexSample> samples =
        series.samples().stream()
            .filter(sample -> !sample.time().equals(LEAK_START.plus(Duration.ofHours(7))))
            .toList();
    LeakAlert alert = only(LeakDetector.analyze(samples, series.now()));
    assertEquals(LEAK_START, alert.start());
    assertEquals(LEAK_START.plus(Duration.ofHours(24)), alert.detectedAt());
  }

  private static List<GuardType> types(LeakAnalysis analysis) {
    return analysis.events().stream().map(GuardEvent::type).toList();
  }
}
