package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Normalisation of quantities and units (EN 13757-3 VIF tables) on hand-made frames. */
class NormalisationTest {
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  private DecodedRecord only(String record) throws FrameRejectedException {
    List<DecodedRecord> records = decoder.decode(FrameBuilder.withRecords(record)).records();
    assertEquals(1, records.size(), () -> "records of " + record + ": " + records);
    return records.get(0);
  }

  private void assertRecord(String record, Quantity quantity, String value, Unit unit)
      throws FrameRejectedException {
    DecodedRecord decoded = only(record);
    assertEquals(quantity, decoded.quantity(), record);
    assertEquals(value, decoded.value().text(), record);
    assertEquals(unit, decoded.unit(), record);
  }

  @Test
  void volumeInLitres_becomesCubicMetresExactly() throws FrameRejectedException {
    assertRecord("0413 39300000", Quantity.VOLUME, "12.345", Unit.CUBIC_METRE);
  }

  @Test
  void energyInWattHours_becomesKilowattHours() throws FrameRejectedException {
    assertRecord("0403 D2040000", Quantity.ENERGY, "1.234", Unit.KILOWATT_HOUR);
  }

  @Test
  void energyInTensOfKilowattHours_isPlainNeverScientific() throws FrameRejectedException {
    assertRecord("0407 08000000", Quantity.ENERGY, "80", Unit.KILOWATT_HOUR);
  }

  @Test
  void energyInTenthsOfMegawattHoursFromTableFb_becomesKilowattHours()
      throws FrameRejectedException {
    assertRecord("04FB00 08000000", Quantity.ENERGY, "800", Unit.KILOWATT_HOUR);
  }

  @Test
  void energyInJoules_becomesMegajoules() throws FrameRejectedException {
    assertRecord("040B 39300000", Quantity.ENERGY, "12.345", Unit.MEGAJOULE);
  }

  @Test
  void powerInWatts_becomesKilowatts() throws FrameRejectedException {
    assertRecord("022B E803", Quantity.POWER, "1.000", Unit.KILOWATT);
  }

  @Test
  void powerInJoulesPerHour_becomesMegajoulesPerHour() throws FrameRejectedException {
    assertRecord("0236 0500", Quantity.POWER, "5", Unit.MEGAJOULE_PER_HOUR);
  }

  @Test
  void volumeFlowPerMinute_becomesCubicMetresPerHour() throws FrameRejectedException {
    // VIF 0x43: 10^-4 m3/min; 100 × 10^-4 × 60 = 0.6 m3/h
    assertRecord("0243 6400", Quantity.VOLUME_FLOW, "0.6", Unit.CUBIC_METRE_PER_HOUR);
  }

  @Test
  void volumeFlowPerSecond_becomesCubicMetresPerHour() throws FrameRejectedException {
    // VIF 0x4F: 10^-2 m3/s; 1 × 10^-2 × 3600 = 36 m3/h
    assertRecord("014F 01", Quantity.VOLUME_FLOW, "36", Unit.CUBIC_METRE_PER_HOUR);
  }

  @Test
  void massFlow_isKilogramsPerHour() throws FrameRejectedException {
    assertRecord("0252 0A00", Quantity.MASS_FLOW, "1.0", Unit.KILOGRAM_PER_HOUR);
  }

  @Test
  void temperaturesAndDifference_areCelsiusAndKelvin() throws FrameRejectedException {
    assertRecord("025A E300", Quantity.FLOW_TEMPERATURE, "22.7", Unit.CELSIUS);
    assertRecord("025E E200", Quantity.RETURN_TEMPERATURE, "22.6", Unit.CELSIUS);
    assertRecord("0261 0900", Quantity.TEMPERATURE_DIFFERENCE, "0.09", Unit.KELVIN);
    assertRecord("0265 D008", Quantity.EXTERNAL_TEMPERATURE, "22.56", Unit.CELSIUS);
  }

  @Test
  void pressure_isBar() throws FrameRejectedException {
    assertRecord("0269 9600", Quantity.PRESSURE, "1.50", Unit.BAR);
  }

  @Test
  void durations_keepTheUnitOfTheirVif() throws FrameRejectedException {
    assertRecord("0222 1A51", Quantity.ON_TIME, "20762", Unit.HOUR);
    assertRecord("0227 DA02", Quantity.OPERATING_TIME, "730", Unit.DAY);
    assertRecord("0170 05", Quantity.AVERAGING_DURATION, "5", Unit.SECOND);
  }

  @Test
  void voltageAndCurrent_fromTableFd_areVoltsAndAmperes() throws FrameRejectedException {
    assertRecord("02FD48 D108", Quantity.VOLTAGE, "225.7", Unit.VOLT);
    assertRecord("04FD59 BEFFFFFF", Quantity.CURRENT, "-0.066", Unit.AMPERE);
  }

  @Test
  void heatCostAllocatorUnits_areHca() throws FrameRejectedException {
    assertRecord("026E 2A00", Quantity.HCA_UNITS, "42", Unit.HCA);
  }

  @Test
  void backwardFlowVife_isItsOwnQuantityNeverTheIndex() throws FrameRejectedException {
    assertRecord("04933C 39300000", Quantity.VOLUME_BACKWARD, "12.345", Unit.CUBIC_METRE);
    assertRecord("04933B 39300000", Quantity.VOLUME_FORWARD, "12.345", Unit.CUBIC_METRE);
    assertRecord("04833C 39300000", Quantity.ENERGY_BACKWARD, "12.345", Unit.KILOWATT_HOUR);
  }

  @Test
  void perHourVife_changesTheMeaning_soTheValueStaysRaw() throws FrameRejectedException {
    assertRecord("049322 39300000", Quantity.OTHER, "12345", Unit.NONE);
  }

  @Test
  void multiplicativeCorrectionVife_scalesTheValue() throws FrameRejectedException {
    // VIF 0x13 (10^-3 m3) with VIFE 0x75 (10^-1): 12345 × 10^-4 m3
    assertRecord("049375 39300000", Quantity.VOLUME, "1.2345", Unit.CUBIC_METRE);
  }

  @Test
  void manufacturerSpecificVifes_keepTheQuantityOfTheVif() throws FrameRejectedException {
    assertRecord("04ABFF01 FEFFFFFF", Quantity.POWER, "-0.002", Unit.KILOWATT);
  }

  @Test
  void bcdVolume_isDecodedAndNegativeBcdKeepsItsSign() throws FrameRejectedException {
    assertRecord("0C13 78563412", Quantity.VOLUME, "12345.678", Unit.CUBIC_METRE);
    assertRecord("0C13 452301F0", Quantity.VOLUME, "-12.345", Unit.CUBIC_METRE);
  }

  @Test
  void bcdWithErrorNibbles_isKeptAsItsDigitsNotANumber() throws FrameRejectedException {
    DecodedRecord record = only("3C2B BDEBDDDD");
    assertEquals("DDDDEBBD", record.value().text());
    assertEquals(RecordFunction.ERROR, record.function());
  }

  @Test
  void datesTypeGAndF_areIsoText() throws FrameRejectedException {
    assertRecord("426C BF1C", Quantity.DATE, "2013-12-31", Unit.DATE);
    assertRecord("046D 0B0BCD13", Quantity.DATE_TIME, "2014-03-13T11:11:00", Unit.DATE);
    assertRecord("046D 100905C5", Quantity.DATE_TIME, "1996-05-05T09:16:00", Unit.DATE);
  }

  @Test
  void dateWithoutDayOrMonth_givesNoRecordRatherThanAMadeUpDate() throws FrameRejectedException {
    assertEquals(List.of(), decoder.decode(FrameBuilder.withRecords("426C0000")).records());
  }

  @Test
  void dateTimeFlaggedInvalid_givesNoRecord() throws FrameRejectedException {
    assertEquals(List.of(), decoder.decode(FrameBuilder.withRecords("046D8B0BCD13")).records());
  }

  @Test
  void storageTariffAndSubunit_comeFromDifAndDifes() throws FrameRejectedException {
    DecodedRecord record = only("C4D001 13 39300000");
    // DIF C4: storage bit 1; DIFE D0: subunit 1, tariff 1, storage 0; DIFE 01: storage 1 << 5
    assertEquals(1 + (1 << 5), record.storage());
    assertEquals(1, record.tariff());
    assertEquals(1, record.subunit());
    assertEquals("C4D001", record.dibHex());
    assertEquals("13", record.vibHex());
  }

  @Test
  void functionField_isMaximumMinimumOrError() throws FrameRejectedException {
    assertEquals(RecordFunction.MAXIMUM, only("1413 01000000").function());
    assertEquals(RecordFunction.MINIMUM, only("2413 01000000").function());
    assertEquals(RecordFunction.ERROR, only("3413 01000000").function());
  }

  @Test
  void variableLengthText_isReversedToReadingOrder() throws FrameRejectedException {
    assertRecord("0DFD0B 05 3132484657", Quantity.PARAMETER_SET, "WFH21", Unit.NONE);
  }

  @Test
  void plainTextVif_keepsTheNumberAndAppliesItsCorrectionVife() throws FrameRejectedException {
    // VIF FC + "%RH" (sent reversed) + VIFE 74 (10^-2): 4660 × 10^-2
    assertRecord("02FC03485225 74 3412", Quantity.OTHER, "46.60", Unit.NONE);
  }

  @Test
  void longBinaryLvar_isHexMostSignificantFirst() throws FrameRejectedException {
    DecodedRecord record = only("0D7C025750F0 96075B2A27A693013DB51AB3DCD13E17");
    assertEquals("173ED1DCB31AB53D0193A6272A5B0796", record.value().text());
  }

  @Test
  void manufacturerDataAfterDif0F_isKeptRaw() throws FrameRejectedException {
    DecodedFrame frame = decoder.decode(FrameBuilder.withRecords("0413393000000F", "00017513"));
    assertEquals("00017513", frame.manufacturerData());
    assertEquals(1, frame.records().size());
    assertTrue(!frame.moreRecordsFollow());
  }

  @Test
  void dif1F_saysMoreRecordsFollow() throws FrameRejectedException {
    DecodedFrame frame = decoder.decode(FrameBuilder.withRecords("0413393000001F"));
    assertTrue(frame.moreRecordsFollow());
    assertEquals("", frame.manufacturerData());
  }

  @Test
  void idleFillers_areSkipped() throws FrameRejectedException {
    assertEquals(
        1, decoder.decode(FrameBuilder.withRecords("2F2F0413393000002F2F")).records().size());
  }

  @Test
  void fixedDataStructure_givesBothCountersInCanonicalUnits() throws FrameRejectedException {
    DecodedFrame frame = decoder.decodeHex("68131368080173939291901000056931650000690000003F16");
    assertEquals("90919293", frame.device().id());
    assertEquals("6531", frame.records().get(0).value().text());
    assertEquals(Unit.KILOWATT_HOUR, frame.records().get(0).unit());
    assertEquals("0.069", frame.records().get(1).value().text());
    assertEquals(Unit.CUBIC_METRE, frame.records().get(1).unit());
  }

  @Test
  void volumeInLitreSteps_keepsTheMetersResolutionInTheDigits() throws FrameRejectedException {
    // 88120 at 10^-3 m3 (VIF 0x13): a meter that counts litres shows 88.120 m3, not 88.12
    assertRecord("0C13 20810800", Quantity.VOLUME, "88.120", Unit.CUBIC_METRE);
  }
}
