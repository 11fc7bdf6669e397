package io.releve.gateway.sim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.radio.CompactFormats;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.RadioDecoder;
import io.releve.gateway.decode.radio.RadioTelegram;
import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.reading.Value;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.SetDay;
import io.releve.gateway.sim.building.SimulationClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RadioMeterTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final SetDay SET_DAY = new SetDay(MonthDay.of(12, 31), PARIS);
  static final DeviceIdentity COLD = new DeviceIdentity("LUG", "12345678", 1, 0x16);
  static final DeviceIdentity HEAT = new DeviceIdentity("KAM", "00001234", 1, 0x04);
  static final DeviceIdentity HCA = new DeviceIdentity("QDS", "87654321", 1, 0x08);
  static final Instant NOW = Instant.parse("2025-03-04T10:15:00Z");

  static RadioMeter water(SecurityMode security, byte[] key, int fullFrameEvery) {
    return new RadioMeter(
        COLD,
        new WaterRecords(ConsumptionModel.water(120, 7, PARIS, 250), SET_DAY),
        RadioProfile.of(LinkMode.T1, security, TransmitSchedule.every(Duration.ofSeconds(16)))
            .withCompactFrames(fullFrameEvery),
        key);
  }

  @Test
  void waterMeter_sendsItsIndexEncryptedInMode5() throws FrameRejectedException {
    RadioMeter meter = water(SecurityMode.AES_CBC_IV, RadioTelegramWriterTest.TEST_KEY, 1);
    long litres = ((WaterRecords) meter.records()).litresAt(NOW);

    RadioTelegram t =
        new RadioDecoder(RadioTelegramWriterTest.key(RadioTelegramWriterTest.TEST_KEY))
            .decode(meter.transmit(NOW), null);

    assertTrue(t.link().authenticated());
    BigDecimal m3 = ((Value.Number) t.frame().records().get(0).value()).amount();
    assertEquals(0, BigDecimal.valueOf(litres, 3).compareTo(m3));
  }

  @Test
  void accessNumber_goesUpByOneWithEachTelegram() throws FrameRejectedException {
    RadioMeter meter = water(SecurityMode.NONE, null, 1);
    RadioDecoder decoder = new RadioDecoder(KeyLookup.NONE);

    int first = decoder.decode(meter.transmit(NOW), null).frame().accessNumber();
    int second = decoder.decode(meter.transmit(NOW), null).frame().accessNumber();

    assertEquals((first + 1) & 0xFF, second);
  }

  @Test
  void heatMeterInMode7_countsItsMessagesInTheAfl() throws FrameRejectedException {
    RadioMeter meter =
        new RadioMeter(
            HEAT,
            new HeatRecords(ConsumptionModel.heating(20, 3, PARIS, 1000), SET_DAY),
            RadioProfile.of(
                LinkMode.C1,
                SecurityMode.AES_CBC_KDF,
                TransmitSchedule.every(Duration.ofMinutes(2))),
            RadioTelegramWriterTest.TEST_KEY);
    RadioDecoder decoder =
        new RadioDecoder(RadioTelegramWriterTest.key(RadioTelegramWriterTest.TEST_KEY));

    RadioTelegram first = decoder.decode(meter.transmit(NOW), null);
    RadioTelegram second = decoder.decode(meter.transmit(NOW), null);

    assertEquals(Optional.of(1L), first.link().messageCounter());
    assertEquals(Optional.of(2L), second.link().messageCounter());
    assertTrue(second.link().authenticated());
  }

  @Test
  void allocator_sendsOneFullFrameThenCompactFrames() throws FrameRejectedException {
    RadioMeter meter =
        new RadioMeter(
            HCA,
            new AllocatorRecords(ConsumptionModel.heating(2, 5, PARIS, 0), SET_DAY),
            RadioProfile.of(
                    LinkMode.T1, SecurityMode.NONE, TransmitSchedule.every(Duration.ofHours(4)))
                .withCompactFrames(3)
                .withFormatACrcs(),
            null);
    RadioDecoder decoder = new RadioDecoder(KeyLookup.NONE, new CompactFormats());

    List<Integer> cis = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RadioTelegram t = decoder.decode(meter.transmit(NOW.plusSeconds(i)), null);
      cis.add(t.link().tplCi());
      assertEquals("A", t.link().frameFormat());
      assertEquals(4, t.frame().records().size());
    }

    assertEquals(List.of(0x7A, 0x79, 0x79, 0x7A), cis);
  }

  @Test
  void onAFastClock_aDayOfSchedulePassesInMilliseconds() {
    Clock real = Clock.fixed(Instant.parse("2025-03-04T00:00:00Z"), ZoneOffset.UTC);
    SimulationClock clock = new SimulationClock(NOW, real.instant(), 3600, real, ZoneOffset.UTC);
    RadioMeter meter = water(SecurityMode.NONE, null, 1);

    int sends = 0;
    Instant t = clock.instant();
    Instant end = t.plus(Duration.ofDays(1));
    while ((t = meter.nextTransmission(t)).isBefore(end)) {
      sends++;
    }

    assertEquals(24 * 3600 / 16, sends);
  }

  @Test
  void aKeyForAClearMeter_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> water(SecurityMode.NONE, RadioTelegramWriterTest.TEST_KEY, 1));

    assertEquals(
        "Meter LUG-12345678-01-16 sends in clear (security mode 0); it takes no key.",
        e.getMessage());
  }
}
