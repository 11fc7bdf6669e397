package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The combinable VIFEs of EN 13757-3:2018 table 15 that change what a volume or energy record is:
 * 0x3B "accumulation only if positive contributions" (forward flow) and 0x3C "accumulation of abs
 * value only if negative contributions" (backward flow) give their own quantities, never the plain
 * index that the leak detector and the dashboard read.
 */
class BackwardFlowTest {
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  private DecodedRecord only(String record) throws FrameRejectedException {
    List<DecodedRecord> records = decoder.decode(FrameBuilder.withRecords(record)).records();
    assertEquals(1, records.size(), () -> "records of " + record + ": " + records);
    return records.get(0);
  }

  private static DecodedRecord find(List<DecodedRecord> records, Predicate<DecodedRecord> which) {
    return records.stream().filter(which).findFirst().orElseThrow();
  }

  @Test
  void backwardVolumeWithACorrectionFactor_staysBackwardAndIsScaled()
      throws FrameRejectedException {
    // VIF 0x13 (10^-3 m3), VIFE 0x3C then 0x75 (10^-1): 12345 × 10^-4 m3 backward
    DecodedRecord record = only("0493BC75 39300000");
    assertEquals(Quantity.VOLUME_BACKWARD, record.quantity());
    assertEquals("1.2345", record.value().text());
    // the same VIFEs in the other order
    assertEquals(Quantity.VOLUME_BACKWARD, only("0493F53C 39300000").quantity());
  }

  @Test
  void backwardVolumeFromTableFb_isBackward() throws FrameRejectedException {
    // VIF 0xFB, VIFE 0x90 (table FB code 0x10: volume in steps of 10^2 m3), VIFE 0x3C
    DecodedRecord record = only("04FB903C 01000000");
    assertEquals(Quantity.VOLUME_BACKWARD, record.quantity());
    assertEquals("100", record.value().text());
    assertEquals(Unit.CUBIC_METRE, record.unit());
  }

  @Test
  void forwardAndBackwardEnergyInMegajoules_areTheirOwnQuantities() throws FrameRejectedException {
    assertEquals(Quantity.ENERGY_FORWARD, only("048E3B 01000000").quantity());
    assertEquals(Quantity.ENERGY_BACKWARD, only("048E3C 01000000").quantity());
  }

  @Test
  void backwardFlowOfAQuantityWithoutABackwardRegister_isOtherNeverThePlainQuantity()
      throws FrameRejectedException {
    // a volume flow (VIF 0x3B, m3/h) or HCA units accumulated backwards: not normalised
    assertEquals(Quantity.OTHER, only("02BB3C 0100").quantity());
    assertEquals(Quantity.OTHER, only("02EE3C 0100").quantity());
  }

  @Test
  void backwardCodeFromTheSecondExtensionTable_isNotBackwardFlow() throws FrameRejectedException {
    // VIFE 0x7C announces a code of table 16, where 0x3C means something else
    DecodedRecord record = only("0493FC3C 39300000");
    assertEquals(Quantity.OTHER, record.quantity());
    assertEquals(RecordFunction.INSTANTANEOUS, record.function());
  }

  /**
   * A register at storage 1 keeps both its storage and its direction (EN 13757-3 DIF bit 6). The
   * q400 telegram (wmbusmeters' simulation_t1) carries current and set-day totals, forward and
   * backward: 04 13, 04 93 3B, 04 93 3C, then 44 13, 44 93 3B, 44 93 3C.
   */
  @Test
  void realQ400Telegram_keepsForwardAndBackwardApartAtEachStorage() throws FrameRejectedException {
    String id = "wmbusmeters/q400/17ac0b1039";
    List<DecodedRecord> records = RecordVectors.records(id, 15).records();
    for (int storage = 0; storage <= 1; storage++) {
      int s = storage;
      for (Quantity quantity :
          List.of(Quantity.VOLUME, Quantity.VOLUME_FORWARD, Quantity.VOLUME_BACKWARD)) {
        DecodedRecord record = find(records, r -> r.quantity() == quantity && r.storage() == s);
        assertEquals(Unit.CUBIC_METRE, record.unit());
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(record.value().text())));
      }
    }
    assertEquals(0, RecordVectors.expected(id).get("total_backward_m3").decimalValue().signum());
  }

  /**
   * ultrimisv2: 04 93 3C 54 00 00 00 is 84 litres backward; wmbusmeters total_backward_m3 0.084.
   */
  @Test
  void realUltrimisTelegram_givesTheBackwardVolumeApartFromTheIndex()
      throws FrameRejectedException {
    String id = "wmbusmeters/ultrimisv2/a7f5591339";
    List<DecodedRecord> records = RecordVectors.records(id, 36).records();
    DecodedRecord backward = find(records, r -> r.quantity() == Quantity.VOLUME_BACKWARD);
    assertEquals(
        0,
        RecordVectors.expected(id)
            .get("total_backward_m3")
            .decimalValue()
            .compareTo(new BigDecimal(backward.value().text())));
    DecodedRecord index = find(records, r -> r.quantity() == Quantity.VOLUME && r.storage() == 0);
    assertEquals(
        0,
        RecordVectors.expected(id)
            .get("total_m3")
            .decimalValue()
            .compareTo(new BigDecimal(index.value().text())));
  }

  /** dme173: the BCD record 0C 93 3C is the backward total, 0C 13 the index (1.717 m3). */
  @Test
  void realDme173Telegram_bcdBackwardVolumeIsBackward() throws FrameRejectedException {
    String id = "wmbusmeters/dme173/095cbf9b59";
    List<DecodedRecord> records = RecordVectors.records(id, 36).records();
    assertEquals(
        "0.000", find(records, r -> r.quantity() == Quantity.VOLUME_BACKWARD).value().text());
    assertEquals(
        "1.717",
        find(records, r -> r.quantity() == Quantity.VOLUME && r.storage() == 0).value().text());
  }

  /**
   * amiplus (an electricity meter): 0E 83 3C and 8E 10/20/30 83 3C are the exported energy, total
   * and by tariff; 0E 03 / 8E 10 03 the imported. Exported energy is never the consumption index.
   */
  @Test
  void realAmiplusTelegram_exportedEnergyIsBackwardByTariff() throws FrameRejectedException {
    String id = "wmbusmeters/amiplus/d8854d10e5";
    List<DecodedRecord> records = RecordVectors.records(id, 15).records();
    for (int tariff = 1; tariff <= 3; tariff++) {
      int t = tariff;
      DecodedRecord exported =
          find(records, r -> r.quantity() == Quantity.ENERGY_BACKWARD && r.tariff() == t);
      assertEquals(Unit.KILOWATT_HOUR, exported.unit());
    }
    DecodedRecord imported = find(records, r -> r.quantity() == Quantity.ENERGY && r.tariff() == 1);
    assertEquals(
        0,
        RecordVectors.expected(id)
            .get("total_energy_consumption_tariff_1_kwh")
            .decimalValue()
            .compareTo(new BigDecimal(imported.value().text())));
  }

  @Test
  void realAmiplusTelegram_phaseQualifierIsNeitherAnErrorNorThePlainVoltage()
      throws FrameRejectedException {
    // 0A FD C9 FC 01: voltage (FD 0x49) with 0x7C then table 16 code 0x01, a phase qualifier.
    List<DecodedRecord> records =
        RecordVectors.records("wmbusmeters/amiplus/d8854d10e5", 15).records();
    DecodedRecord phase = find(records, r -> r.vibHex().equals("FDC9FC01"));
    assertEquals(Quantity.OTHER, phase.quantity());
    assertEquals(RecordFunction.INSTANTANEOUS, phase.function());
  }
}
