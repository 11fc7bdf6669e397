package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Unit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date and time type I (EN 13757-3:2018 Annex A, 48 bits; a 6-byte data field, DIF 0x06, with VIF
 * 0x6D), on hand-built bytes and on real telegrams.
 */
class DateTimeTypeITest {
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  private static TypeIDateTime fields(String hex) {
    return DateTypes.typeIFields(HexFormat.of().parseHex(hex), 0);
  }

  private List<DecodedRecord> records(String record) throws FrameRejectedException {
    return decoder.decode(FrameBuilder.withRecords(record)).records();
  }

  @Test
  void everyFieldOfTypeI_isDecoded() {
    // 2024-03-31 02:30:45, Sunday (7), week 13, daylight saving, deviation +1 h, leap year:
    // second 45 | SU 0x40 | LY 0x80 = ED; minute 30 | sign + 0x40 = 5E; hour 2 | Sunday 7 << 5 =
    // E2;
    // day 31 | year bits 0-2 (24 = 0b0011000 -> 000) = 1F; month 3 | year bits 3-6 (0b0011) << 4 =
    // 33;
    // week 13 | deviation 1 << 6 = 4D
    TypeIDateTime time = fields("ED5EE21F334D");
    assertEquals(LocalDateTime.of(2024, 3, 31, 2, 30, 45), time.dateTime());
    assertEquals(7, time.weekday());
    assertEquals(13, time.week());
    assertTrue(time.daylightSaving());
    assertEquals(1, time.daylightSavingDeviationHours());
    assertTrue(time.leapYear());
    assertEquals("2024-03-31T02:30:45", time.text());
  }

  @Test
  void negativeDaylightSavingDeviation_hasItsSign() {
    // as above with the sign bit (minute byte, bit 6) clear and two hours of deviation
    TypeIDateTime time = fields("ED1EE21F338D");
    assertEquals(-2, time.daylightSavingDeviationHours());
  }

  @Test
  void typeIRecord_isADateTimeToTheSecond() throws FrameRejectedException {
    DecodedRecord record = records("066D ED5EE21F334D").get(0);
    assertEquals(Quantity.DATE_TIME, record.quantity());
    assertEquals(Unit.DATE, record.unit());
    assertEquals("2024-03-31T02:30:45", record.value().text());
  }

  @Test
  void typeIFlaggedInvalid_givesNoRecord() throws FrameRejectedException {
    // bit 7 of the minute byte: the meter says the time is not valid
    assertEquals(List.of(), records("066D 2DDE0AE12B00"));
  }

  @Test
  void typeIWithoutDayOrMonth_givesNoRecordRatherThanAMadeUpDate() throws FrameRejectedException {
    assertEquals(List.of(), records("066D 000000000000"));
    assertEquals(List.of(), records("066D 2D130AE02000")); // day 0
  }

  @Test
  void typeIWithAnEveryHourMarker_givesNoRecord() throws FrameRejectedException {
    // hour 31 marks a periodic time ("every hour"), not a point in time
    assertEquals(List.of(), records("066D 2D131FE12B00"));
  }

  @Test
  void typeIWithoutWeekdayOrWeek_saysSoWithZero() {
    TypeIDateTime time = fields("2D130AE12B00");
    assertEquals(0, time.weekday());
    assertEquals(0, time.week());
    assertFalse(time.daylightSaving());
  }

  /**
   * wmbusmeters reads meter_datetime 2023-11-01 13:38:03 from the record 06 6D 03 26 0D E1 2B 00.
   */
  @Test
  void realItronTelegram_givesTheMeterTimeToTheSecond() throws FrameRejectedException {
    String id = "wmbusmeters/itron/c7f6988658";
    DecodedRecord time =
        RecordVectors.records(id, 15).records().stream()
            .filter(r -> r.quantity() == Quantity.DATE_TIME)
            .findFirst()
            .orElseThrow();
    assertEquals(
        RecordVectors.expected(id).get("meter_datetime").asText().replace(' ', 'T'),
        time.value().text());
  }

  /** 06 6D 21 0A 67 31 39 00: 2025-09-17 07:10:33, and the meter says it is a Wednesday. */
  @Test
  void realIwmtx5Telegram_givesTheTimeAndTheWeekday() throws FrameRejectedException {
    String id = "wmbusmeters/iwmtx5/8cc01448e1";
    DecodedRecord time = RecordVectors.records(id, 18).records().get(0);
    assertEquals("2025-09-17T07:10:33", time.value().text());
    assertEquals(
        RecordVectors.expected(id).get("meter_datetime").asText().replace(' ', 'T'),
        time.value().text());
    TypeIDateTime fields = DateTypes.typeIFields(RecordVectors.bytes(id), 20);
    assertEquals(3, fields.weekday()); // Wednesday
  }

  /** 06 6D 37 09 0E 22 32 05: 2025-02-02 14:09:55 in week 5. */
  @Test
  void realAmiplusTelegram_givesTheTimeAndTheWeek() throws FrameRejectedException {
    String id = "wmbusmeters/amiplus/d8854d10e5";
    DecodedRecord time = RecordVectors.records(id, 15).records().get(0);
    assertEquals("2025-02-02T14:09:55", time.value().text());
    assertTrue(
        time.value()
            .text()
            .startsWith(
                RecordVectors.expected(id).get("device_datetime").asText().replace(' ', 'T')));
    assertEquals(5, DateTypes.typeIFields(RecordVectors.bytes(id), 19).week());
  }

  /** Type J (EN 13757-3:2018 Annex A, 24 bits): a time of day, which dates no other value. */
  @Test
  void timeOfDayTypeJ_isIsoTimeAndDatesNothing() throws FrameRejectedException {
    DecodedFrame frame = decoder.decode(FrameBuilder.withRecords("036D 1E1E0C", "0413 39300000"));
    assertEquals("12:30:30", frame.records().get(0).value().text());
    assertNull(
        frame
            .toReadings(Instant.EPOCH, ClockState.SYNCHRONISED, "bus0", ZoneOffset.UTC)
            .get(1)
            .meterTime());
  }
}
