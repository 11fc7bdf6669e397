package io.releve.gateway.health;

import static io.releve.gateway.health.Frames.infoCode16;
import static io.releve.gateway.health.Frames.infoCode32;
import static io.releve.gateway.health.Frames.kamstrupWater;
import static io.releve.gateway.health.Frames.manufacturerRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.Medium;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kamstrup water meters' info codes, bit by bit (wmbusmeters, {@code drivers/src/kamwater.xmq}):
 * the 16-bit record 02 FF 20 and the 32-bit record 04 FF 23.
 */
class KamstrupInfoCodesTest {
  private final KamstrupInfoCodes reader = new KamstrupInfoCodes();

  @Test
  void kamstrupInfoCodeWithLeakBit_reportsLeak() {
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.LEAK, "Kamstrup info code 0x0004, bit 2 (record 02 FF 20)")),
        reader.read(kamstrupWater(infoCode16(0x0004))));
  }

  @ParameterizedTest(name = "bit {0} is {1}")
  @CsvSource({"0, DRY", "1, BACKFLOW", "2, LEAK", "3, BURST"})
  void sixteenBitInfoCodeWithOneConditionBit_reportsThatCondition(
      int bit, MeterCondition condition) {
    String code = String.format("0x%04X", 1 << bit);
    assertEquals(
        List.of(
            new MeterAlarm(
                condition, "Kamstrup info code " + code + ", bit " + bit + " (record 02 FF 20)")),
        reader.read(kamstrupWater(infoCode16(1 << bit))));
  }

  @ParameterizedTest(name = "bit {0} is {1}")
  @CsvSource({"0, DRY", "1, BACKFLOW", "2, LEAK", "3, BURST", "4, TAMPER"})
  void thirtyTwoBitInfoCodeWithOneConditionBit_reportsThatCondition(
      int bit, MeterCondition condition) {
    String code = String.format("0x%08X", 1 << bit);
    assertEquals(
        List.of(
            new MeterAlarm(
                condition, "Kamstrup info code " + code + ", bit " + bit + " (record 04 FF 23)")),
        reader.read(kamstrupWater(infoCode32(1L << bit))));
  }

  /** Bits 4–15 of the 16-bit code say for how long (dry, reversed, leaking, bursting). */
  @ParameterizedTest(name = "bit {0}")
  @ValueSource(ints = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void sixteenBitInfoCodeWithOnlyDurationBits_reportsNothing(int bit) {
    assertEquals(List.of(), reader.read(kamstrupWater(infoCode16(1 << bit))));
  }

  /** Bit 5 low battery, 6 low ambient temperature, 7 flow above Q4, 9 no consumption, … */
  @ParameterizedTest(name = "bit {0}")
  @ValueSource(ints = {5, 6, 7, 8, 9, 10, 15, 16, 31})
  void thirtyTwoBitInfoCodeWithOnlyOtherBits_reportsNothing(int bit) {
    assertEquals(List.of(), reader.read(kamstrupWater(infoCode32(1L << bit))));
  }

  @Test
  void infoCodesWithNoBitSet_reportNothing() {
    assertEquals(List.of(), reader.read(kamstrupWater(infoCode16(0), infoCode32(0))));
  }

  @Test
  void infoCodeWithSeveralBits_reportsEachInBitOrder() {
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.DRY, "Kamstrup info code 0x0075, bit 0 (record 02 FF 20)"),
            new MeterAlarm(
                MeterCondition.LEAK, "Kamstrup info code 0x0075, bit 2 (record 02 FF 20)")),
        reader.read(kamstrupWater(infoCode16(0x0075))));
  }

  @Test
  void infoCodeWithItsTopBitSet_isReadUnsigned() {
    // the decoder reads these records as signed integers: 0x8004 comes as -32764
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.LEAK, "Kamstrup info code 0x8004, bit 2 (record 02 FF 20)")),
        reader.read(kamstrupWater(manufacturerRecord("02", "FF20", -32764))));
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.TAMPER, "Kamstrup info code 0x80000010, bit 4 (record 04 FF 23)")),
        reader.read(kamstrupWater(manufacturerRecord("04", "FF23", -2147483632))));
  }

  @Test
  void infoCodeOfAWiredFrame_isReadFromTheDecodersRecord() throws Exception {
    // 02 FF 20 04 80: 0x8004, least significant byte first
    DecodedFrame frame = Frames.wired("2D2C", 0x16, 0x00, "02FF200480");
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.LEAK, "Kamstrup info code 0x8004, bit 2 (record 02 FF 20)")),
        MeterAlarms.of(frame));
  }

  @Test
  void recordsOfOtherStorageOrVif_areIgnored() {
    assertEquals(
        List.of(),
        reader.read(
            kamstrupWater(
                manufacturerRecord("42", "FF20", 0x0F), // storage 1: a past value
                manufacturerRecord("02", "FF21", 0x0F),
                manufacturerRecord("04", "FF20", 0x0F))));
  }

  @Test
  void kamstrupWaterMeters_areRead() {
    for (Medium medium :
        List.of(Medium.WATER, Medium.COLD_WATER, Medium.WARM_WATER, Medium.HOT_WATER)) {
      assertTrue(
          reader.appliesTo(Frames.frame("KAM", medium, DecodedFrame.NOT_PRESENT)), medium.label());
      assertTrue(
          reader.appliesTo(Frames.frame("KAW", medium, DecodedFrame.NOT_PRESENT)), medium.label());
    }
  }

  @Test
  void nonKamstrupFrame_isIgnored() {
    DecodedFrame frame = Frames.frame("LUG", Medium.COLD_WATER, 0x00, infoCode16(0x000F));
    assertFalse(reader.appliesTo(frame));
    assertEquals(List.of(), MeterAlarms.of(frame));
  }

  @Test
  void kamstrupHeatMeter_isIgnored() {
    // its records with VIF 0xFF carry other meanings
    DecodedFrame frame = Frames.frame("KAM", Medium.HEAT_OUTLET, 0x00, infoCode16(0x000F));
    assertFalse(reader.appliesTo(frame));
    assertEquals(List.of(), MeterAlarms.of(frame));
  }

  @Test
  void frameWithoutIdentity_isIgnored() {
    DecodedFrame applicationError =
        new DecodedFrame(
            null,
            Medium.UNKNOWN,
            DecodedFrame.NOT_PRESENT,
            DecodedFrame.NOT_PRESENT,
            List.of(),
            Optional.of("Application busy"),
            false,
            "");
    assertFalse(reader.appliesTo(applicationError));
    assertEquals(List.of(), MeterAlarms.of(applicationError));
  }
}
