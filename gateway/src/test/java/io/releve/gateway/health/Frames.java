package io.releve.gateway.health;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.DecodedRecord;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.WiredFrameDecoder;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Decoded frames for the health tests: built by hand, or decoded from wired frames built here. */
final class Frames {

  private Frames() {}

  /** A frame of meter {@code manufacturer} 76348799 of {@code medium}, with these records. */
  static DecodedFrame frame(
      String manufacturer, Medium medium, int status, DecodedRecord... records) {
    DeviceIdentity device = new DeviceIdentity(manufacturer, "76348799", 0x1B, medium.code());
    return new DecodedFrame(
        device, medium, 0x20, status, List.of(records), Optional.empty(), false, "");
  }

  /** A Kamstrup cold water meter's frame with no status byte, as its compact frames give. */
  static DecodedFrame kamstrupWater(DecodedRecord... records) {
    return frame("KAM", Medium.COLD_WATER, DecodedFrame.NOT_PRESENT, records);
  }

  /**
   * A manufacturer-specific record with the number the decoder gives for it: a signed integer of
   * the DIF's size, so a 16-bit code with bit 15 set comes negative.
   */
  static DecodedRecord manufacturerRecord(String dibHex, String vibHex, long number) {
    return new DecodedRecord(
        Quantity.MANUFACTURER_SPECIFIC,
        Value.of(BigDecimal.valueOf(number)),
        Unit.NONE,
        0,
        0,
        0,
        RecordFunction.INSTANTANEOUS,
        dibHex,
        vibHex);
  }

  /** The 16-bit info code record (02 FF 20) as the decoder gives it for {@code code}. */
  static DecodedRecord infoCode16(int code) {
    return manufacturerRecord("02", "FF20", (short) code);
  }

  /** The 32-bit info code record (04 FF 23) as the decoder gives it for {@code code}. */
  static DecodedRecord infoCode32(long code) {
    return manufacturerRecord("04", "FF23", (int) code);
  }

  /**
   * A wired RSP_UD (CI 0x72) from meter 12345678, decoded by our decoder.
   *
   * @param manufacturerHex the two manufacturer bytes as sent, e.g. {@code 2D2C} for KAM
   * @param deviceType the medium byte, e.g. 0x16 for cold water
   * @param recordsHex the data records as sent
   */
  static DecodedFrame wired(String manufacturerHex, int deviceType, int status, String recordsHex)
      throws FrameRejectedException {
    String data =
        "78563412"
            + manufacturerHex
            + "1B"
            + String.format("%02X%02X%02X", deviceType, 0x2A, status)
            + "0000"
            + recordsHex;
    byte[] payload = HexFormat.of().parseHex(data);
    int length = payload.length + 3; // C, A and CI fields
    byte[] frame = new byte[length + 6];
    frame[0] = 0x68;
    frame[1] = (byte) length;
    frame[2] = (byte) length;
    frame[3] = 0x68;
    frame[4] = 0x08; // RSP_UD
    frame[5] = 0x01; // primary address
    frame[6] = 0x72; // long header
    System.arraycopy(payload, 0, frame, 7, payload.length);
    int sum = 0;
    for (int i = 4; i < 4 + length; i++) {
      sum += frame[i];
    }
    frame[4 + length] = (byte) sum;
    frame[5 + length] = 0x16;
    return new WiredFrameDecoder().decode(frame);
  }
}
