package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Heat cost allocators (EN 834 devices, EN 13757-3 VIF 0x6E "units for H.C.A."): the current value
 * since the set day at storage 0, the past period at storage 1 with the set day as a date (type G,
 * VIF 0x6C) or date-time (type F), each value dated by the record of its own storage.
 */
class HeatCostAllocatorRecordsTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final Instant RECEIVED = Instant.parse("2026-01-11T08:00:00Z");
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  /** {@link FrameBuilder#WATER_HEADER} with device type 0x08, heat cost allocator. */
  private static byte[] allocatorFrame(String... records) {
    String header =
        FrameBuilder.WATER_HEADER.substring(0, 14) + "08" + FrameBuilder.WATER_HEADER.substring(16);
    return FrameBuilder.longFrame(0x72, header + String.join("", records));
  }

  private static Reading reading(List<Reading> readings, Predicate<Reading> which) {
    return readings.stream().filter(which).findFirst().orElseThrow();
  }

  private static List<Reading> readings(DecodedFrame frame) {
    return frame.toReadings(RECEIVED, ClockState.SYNCHRONISED, "bus0", PARIS);
  }

  /** The layout the simulated allocator sends: 04 6D, 04 6E, 44 6E, 42 6C. */
  @Test
  void currentAndSetDayValues_areDatedByTheirOwnStorage() throws FrameRejectedException {
    DecodedFrame frame =
        decoder.decode(
            allocatorFrame(
                "046D 00004B31", // 2026-01-11 00:00, type F
                "046E F0000000", // 240 units since the set day
                "446E 38220000", // 8760 units in the period that ended on the set day
                "426C 3F3C")); // 2025-12-31, type G
    assertEquals(Medium.HEAT_COST_ALLOCATOR, frame.medium());
    List<Reading> readings = readings(frame);
    Reading current =
        reading(readings, r -> r.quantity() == Quantity.HCA_UNITS && r.storage() == 0);
    Reading setDay = reading(readings, r -> r.quantity() == Quantity.HCA_UNITS && r.storage() == 1);
    assertEquals("240", current.value().text());
    assertEquals(Unit.HCA, current.unit());
    assertEquals(Instant.parse("2026-01-10T23:00:00Z"), current.meterTime());
    assertEquals("8760", setDay.value().text());
    assertEquals(Instant.parse("2025-12-30T23:00:00Z"), setDay.meterTime());
  }

  @Test
  void setDayAsTypeFDateTime_datesTheSetDayValueToTheMinute() throws FrameRejectedException {
    // 44 6D / 44 6C with 4 bytes: 2025-12-31 23:59, type F
    for (String setDay : List.of("446D 3B173F3C", "446C 3B173F3C")) {
      DecodedFrame frame = decoder.decode(allocatorFrame("046E F0000000", "446E 38220000", setDay));
      Reading past =
          reading(readings(frame), r -> r.quantity() == Quantity.HCA_UNITS && r.storage() == 1);
      assertEquals(Instant.parse("2025-12-31T22:59:00Z"), past.meterTime(), setDay);
    }
  }

  @Test
  void dateOfAnErrorState_neverDatesTheCurrentValue() throws FrameRejectedException {
    // 34 6D: function "value during error state" (DIF bits 4-5), the time the error happened
    DecodedFrame frame =
        decoder.decode(allocatorFrame("046D 00004B31", "346D 00134A31", "046E F0000000"));
    Reading current = reading(readings(frame), r -> r.quantity() == Quantity.HCA_UNITS);
    assertEquals(Instant.parse("2026-01-10T23:00:00Z"), current.meterTime());
  }

  /**
   * qcaloric (wmbusmeters' simulation_multiple_qcalorics): 0B 6E BCD current units 127, 4B 6E the
   * set-day units 145 with 42 6C 2018-12-31, CB 08 6E / C2 08 6C storage 17 (79 units at
   * 2019-01-31), 32 6C FF FF an error date that is not set, 04 6D the meter time.
   */
  @Test
  void realQcaloricTelegram_givesWhatWmbusmetersReads() throws FrameRejectedException {
    String id = "wmbusmeters/qcaloric/4409a4a730";
    DataRecordParser.Body body = RecordVectors.records(id, 15);
    DecodedFrame frame =
        new DecodedFrame(
            new DeviceIdentity("QDS", "78563413", 0x35, 0x08),
            Medium.HEAT_COST_ALLOCATOR,
            0x74,
            0,
            body.records(),
            Optional.empty(),
            false,
            body.manufacturerData());
    JsonNode expected = RecordVectors.expected(id);
    List<Reading> readings = readings(frame);
    assertEquals(
        expected.get("current_consumption_hca").asText(),
        reading(readings, r -> r.quantity() == Quantity.HCA_UNITS && r.storage() == 0)
            .value()
            .text());
    Reading setDay = reading(readings, r -> r.quantity() == Quantity.HCA_UNITS && r.storage() == 1);
    assertEquals(expected.get("consumption_at_set_date_hca").asText(), setDay.value().text());
    assertEquals(
        LocalDate.parse(expected.get("set_date").asText()).atStartOfDay(PARIS).toInstant(),
        setDay.meterTime());
    Reading month = reading(readings, r -> r.quantity() == Quantity.HCA_UNITS && r.storage() == 17);
    assertEquals(expected.get("consumption_at_set_date_17_hca").asText(), month.value().text());
    assertEquals(
        LocalDate.parse(expected.get("set_date_17").asText()).atStartOfDay(PARIS).toInstant(),
        month.meterTime());
    // the unset error date (FF FF) gives no record at all
    assertEquals(
        0, frame.records().stream().filter(r -> r.function() == RecordFunction.ERROR).count());
  }

  /**
   * qheat (wmbusmeters' driver_qheat): 0D FF 5F 35 is a 53-byte manufacturer container (VIF 0xFF:
   * manufacturer specific). Its layout is not published by the manufacturer, so it stays raw, in
   * hex as sent; the standard record after it (04 6D, 2023-05-18 17:25) still decodes.
   */
  @Test
  void realManufacturerContainer_staysRawHexAndTheRecordsAfterItDecode()
      throws FrameRejectedException {
    String id = "wmbusmeters/qheat/159a192225";
    List<DecodedRecord> records = RecordVectors.records(id, 11).records();
    DecodedRecord container =
        records.stream()
            .filter(r -> r.quantity() == Quantity.MANUFACTURER_SPECIFIC)
            .findFirst()
            .orElseThrow();
    assertEquals("FF5F", container.vibHex());
    assertEquals(53 * 2, container.value().text().length());
    assertTrue(container.value().text().startsWith("0082FE00005F"), container.value().text());
    DecodedRecord time = records.get(records.size() - 1);
    assertEquals(Quantity.DATE_TIME, time.quantity());
    assertEquals(
        RecordVectors.expected(id).get("device_date_time").asText().replace(' ', 'T') + ":00",
        time.value().text());
  }
}
