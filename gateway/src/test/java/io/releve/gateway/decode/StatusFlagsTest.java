package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The transport layer status byte bit by bit (EN 13757-7:2018 §7.5.6; EN 13757-3 for wired frames)
 * and the error flags record (VIF 0xFD 0x17, EN 13757-3:2018 table 14), on the frame and in its
 * JSON.
 */
class StatusFlagsTest {
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  /** A wired frame of {@link FrameBuilder#WATER_HEADER} with this status byte and records. */
  private static byte[] frameWithStatus(int status, String records) {
    String header =
        FrameBuilder.WATER_HEADER.substring(0, 18)
            + String.format("%02X", status)
            + FrameBuilder.WATER_HEADER.substring(20);
    return FrameBuilder.longFrame(0x72, header + records);
  }

  @Test
  void eachBitOfTheStatusByte_hasItsFlag() {
    assertEquals(ApplicationStatus.NO_ERROR, StatusFlags.of(0x00).application());
    assertEquals(ApplicationStatus.BUSY, StatusFlags.of(0x01).application());
    assertEquals(ApplicationStatus.ERROR, StatusFlags.of(0x02).application());
    assertEquals(ApplicationStatus.ALARM, StatusFlags.of(0x03).application());
    assertTrue(StatusFlags.of(0x04).powerLow());
    assertTrue(StatusFlags.of(0x08).permanentError());
    assertTrue(StatusFlags.of(0x10).temporaryError());
    assertEquals(0xE0, StatusFlags.of(0xFF).manufacturerBits());
    assertTrue(StatusFlags.of(0x00).isEmpty());
  }

  @Test
  void labels_areInBitOrder() {
    assertEquals(
        List.of(
            "alarm",
            "power_low",
            "permanent_error",
            "temporary_error",
            "manufacturer_5",
            "manufacturer_6",
            "manufacturer_7"),
        StatusFlags.of(0xFF).labels());
  }

  @Test
  void statusOutsideAByte_isRefusedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StatusFlags.of(256));
    assertEquals("Status byte [256] is not 0 to 255.", e.getMessage());
  }

  @Test
  void wiredFrameWithPowerLow_showsItInTheFrameAndItsJson() throws FrameRejectedException {
    DecodedFrame frame = decoder.decode(frameWithStatus(0x04, "0413 39300000"));
    assertTrue(frame.statusFlags().orElseThrow().powerLow());
    assertTrue(
        DecodedFrameJson.toJson(frame).contains("\"status\":4,\"status_flags\":[\"power_low\"],"),
        DecodedFrameJson.toJson(frame));
  }

  @Test
  void frameWithNothingToReport_hasNoFlagArraysInItsJson() throws FrameRejectedException {
    String json = DecodedFrameJson.toJson(decoder.decode(frameWithStatus(0x00, "02FD17 0000")));
    assertTrue(json.contains("\"status\":0,\"records\":["), json);
    assertFalse(json.contains("_flags\":["), json);
  }

  @Test
  void applicationErrorFrame_hasNoStatusFlags() throws FrameRejectedException {
    assertEquals(Optional.empty(), decoder.decodeHex("68040468080170088116").statusFlags());
  }

  @Test
  void fixedDataStructure_counterFormatBitsAreNotManufacturerFlags() throws FrameRejectedException {
    // CI 0x73, status 0xC4: binary counters (bit 7), stored values (bit 6), power low (bit 2)
    DecodedFrame frame =
        decoder.decode(
            FrameBuilder.longFrame(0x73, "93929190 10 C4 0569 31650000 69000000".replace(" ", "")));
    assertEquals(List.of("power_low"), frame.statusFlags().orElseThrow().labels());
  }

  @Test
  void errorFlagsRecord_givesTheNumbersOfTheSetBits() throws FrameRejectedException {
    // three-byte error flags 00 40 08 = 0x084000: bits 14 and 19
    DecodedFrame frame = decoder.decode(frameWithStatus(0x00, "03FD17 004008"));
    assertEquals(List.of(14, 19), frame.errorFlags().orElseThrow().setBits());
    assertTrue(
        DecodedFrameJson.toJson(frame).contains("\"status\":0,\"error_flags\":[14,19],"),
        DecodedFrameJson.toJson(frame));
  }

  @Test
  void errorFlagsOfAStoredValue_areNotTheMetersCurrentFlags() throws FrameRejectedException {
    assertEquals(
        Optional.empty(), decoder.decode(frameWithStatus(0x00, "42FD17 0100")).errorFlags());
  }

  @Test
  void eightByteErrorFlags_keepTheirTopBit() throws FrameRejectedException {
    DecodedFrame frame = decoder.decode(frameWithStatus(0x00, "07FD17 0100000000000080"));
    assertEquals(List.of(0, 63), frame.errorFlags().orElseThrow().setBits());
  }

  /** lansenpu sends status 0x04, which wmbusmeters reads as POWER_LOW. */
  @Test
  void realLansenTelegramStatusByte_isPowerLow() {
    String id = "wmbusmeters/lansenpu/ebcf7b7f9a";
    int status = RecordVectors.bytes(id)[12] & 0xFF; // CI 0x7A at 10, then access number, status
    assertEquals("POWER_LOW", RecordVectors.expected(id).get("status").asText());
    assertEquals(List.of("power_low"), StatusFlags.of(status).labels());
  }

  /**
   * lansendw: 02 FD 97 1D 01 00 is the error flags record with the VIFE 0x1D "standard conform data
   * content" (EN 13757-3:2018 table 15), not a record error code: bit 0 is set.
   */
  @Test
  void realLansenErrorFlagsWithStandardConformVife_areErrorFlagsNotAnErrorState()
      throws FrameRejectedException {
    List<DecodedRecord> records =
        RecordVectors.records("wmbusmeters/lansendw/47ef44c156", 15).records();
    DecodedRecord flags =
        records.stream()
            .filter(r -> r.quantity() == Quantity.ERROR_FLAGS)
            .findFirst()
            .orElseThrow();
    assertEquals(RecordFunction.INSTANTANEOUS, flags.function());
    assertEquals("1", flags.value().text());
  }

  /** ultrimisv2: 03 FD 17 00 40 08, bits 14 and 19 (wmbusmeters names them from its driver). */
  @Test
  void realUltrimisErrorFlags_giveTheirBits() throws FrameRejectedException {
    DataRecordParser.Body body = RecordVectors.records("wmbusmeters/ultrimisv2/a7f5591339", 36);
    DecodedFrame frame =
        new DecodedFrame(null, Medium.WATER, 0, 0, body.records(), Optional.empty(), false, "");
    assertEquals(List.of(14, 19), frame.errorFlags().orElseThrow().setBits());
  }
}
