package io.releve.gateway.sim.building;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.config.SimulatedBuildingFile;
import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.Medium;
import io.releve.gateway.leak.IndexSample;
import io.releve.gateway.leak.LeakAlert;
import io.releve.gateway.leak.LeakDetector;
import io.releve.gateway.leak.LeakLevel;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.sim.SimulatedMeter;
import io.releve.gateway.store.InstalledDevice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test on the shipped simulated building: its leaking WC (A03, 15 L/h) and
 * dripping tap (B07, 5 L/h) are found by the leak detector at the right level within 26 hours of
 * their start, from the indexes the water meters send (their telegrams decoded by our decoder), and
 * no other water meter raises an alert.
 *
 * <p>The leaks begin at S, 3 o'clock on a Tuesday night in Paris: the households of the shipped
 * building draw nothing from 1 to 5 o'clock ({@link WaterProfile}), so the flow before S is none
 * and the onset is S itself. A leak that began in the afternoon would be dated from the start of
 * the household's own uninterrupted flow that day, hours earlier, which no detector can tell apart.
 */
class SimulatedBuildingLeakTest {

  private static final Instant S =
      LocalDateTime.parse("2026-03-10T03:00").atZone(BuildingTest.PARIS).toInstant();

  private static final Instant FROM = S.minus(Duration.ofDays(3));
  private static final Instant NOW = S.plus(Duration.ofHours(30));
  private static final Duration EVERY = Duration.ofMinutes(15);
  private static final Duration DETECTED_WITHIN = Duration.ofHours(26);

  private static final Map<String, List<LeakAlert>> ALERTS = new LinkedHashMap<>();

  @BeforeAll
  static void readEveryWaterMeter() throws Exception {
    Building building = Building.of(SimulatedBuildingFile.load(BuildingTest.SHIPPED), S);
    for (InstalledDevice device : building.installation()) {
      if (device.medium() != Medium.COLD_WATER && device.medium() != Medium.WARM_WATER) {
        continue;
      }
      SimulatedMeter meter = building.meter(device.identity()).orElseThrow();
      List<IndexSample> samples = new ArrayList<>();
      for (Instant t = FROM; !t.isAfter(NOW); t = t.plus(EVERY)) {
        samples.add(IndexSample.of(t, volume(meter, t)));
      }
      String name = device.dwelling().label() + " " + device.medium();
      ALERTS.put(name, LeakDetector.analyze(samples, NOW).alerts());
    }
  }

  /** The volume the meter sends at {@code time}, in m³ to the litre, decoded from its telegram. */
  private static BigDecimal volume(SimulatedMeter meter, Instant time) {
    DecodedFrame frame = Telegrams.read(meter, time).get(0);
    return Telegrams.number(frame, Quantity.VOLUME, 0);
  }

  private static LeakAlert onlyAlertOf(String dwelling) {
    List<LeakAlert> alerts = ALERTS.get(dwelling + " " + Medium.COLD_WATER);
    assertEquals(1, alerts.size(), () -> dwelling + ": " + alerts);
    return alerts.get(0);
  }

  @Test
  void leakingWc_isReportedAtLevelThreeWithinADayOfItsStart() {
    LeakAlert wc = onlyAlertOf("A03");

    assertEquals(LeakLevel.LEVEL_3, wc.level(), wc::toString);
    assertFoundInTime(wc);
  }

  @Test
  void drippingTap_isReportedAtLevelOneWithinADayOfItsStart() {
    LeakAlert tap = onlyAlertOf("B07");

    assertEquals(LeakLevel.LEVEL_1, tap.level(), tap::toString);
    assertFoundInTime(tap);
  }

  private static void assertFoundInTime(LeakAlert alert) {
    assertNull(alert.end(), () -> "still leaking: " + alert);
    assertTrue(!alert.detectedAt().isAfter(S.plus(DETECTED_WITHIN)), alert::toString);
    // dated on the hour boundaries: the onset is S, give or take the hour it falls in
    assertTrue(
        Duration.between(S, alert.start()).abs().compareTo(Duration.ofHours(1)) <= 0,
        alert::toString);
  }

  /**
   * The average flow and the loss are the leak's: the household's own water only adds to an hour's
   * volume, and the detector caps each hour at the day's minimum flow, which the household's quiet
   * night hours set at exactly the leak (a whole number of litres an hour, which a 1-litre index
   * shows without rounding). So the average flow is the leak's within 0.5 L/h and the loss is the
   * leak's flow over the time since the alert's start within half a litre; the start itself is
   * checked against S above.
   */
  @Test
  void leaks_averageFlowAndLossAreTheLeaksOwn() {
    assertLeak(onlyAlertOf("A03"), 15);
    assertLeak(onlyAlertOf("B07"), 5);
  }

  private static void assertLeak(LeakAlert alert, int litresPerHour) {
    double hours = Duration.between(alert.start(), NOW).toMinutes() / 60.0;
    double loss = alert.totalLossM3().doubleValue() * 1000;

    assertEquals(litresPerHour, alert.averageFlowLph().doubleValue(), 0.5, alert::toString);
    assertEquals(litresPerHour * hours, loss, 0.5, alert::toString);
  }

  @Test
  void soundDwellings_raiseNoAlertOnTheirWaterMeters() {
    Map<String, List<LeakAlert>> others = new LinkedHashMap<>();
    ALERTS.forEach(
        (meter, alerts) -> {
          boolean leaking = meter.equals("A03 COLD_WATER") || meter.equals("B07 COLD_WATER");
          if (!leaking && !alerts.isEmpty()) {
            others.put(meter, alerts);
          }
        });

    assertEquals(80, ALERTS.size(), "the cold and warm water meters of 40 dwellings");
    assertEquals(Map.of(), others);
  }
}
