package io.releve.gateway.sim.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.DecodedRecord;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.decode.radio.CompactFormats;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.RadioDecoder;
import io.releve.gateway.decode.radio.RadioTelegram;
import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.Value;
import io.releve.gateway.sim.RecordWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every kind of telegram the writer makes goes back through the real radio decoder. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RadioTelegramWriterTest {
  static final byte[] TEST_KEY = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F");
  static final byte[] WRONG_KEY = HexFormat.of().parseHex("0F0E0D0C0B0A09080706050403020100");
  static final DeviceIdentity METER = new DeviceIdentity("LUG", "12345678", 0x01, 0x16);
  static final Instant NOW = Instant.parse("2025-03-04T10:15:00Z");

  static byte[] records() {
    return new RecordWriter()
        .int32(RecordWriter.DIF_INT32, 0x13, 123_456)
        .dateTimeF(RecordWriter.DIF_INT32, NOW, ZoneOffset.UTC)
        .int32(RecordWriter.DIF_INT32 | RecordWriter.DIF_STORAGE_1, 0x13, 100_000)
        .dateG(RecordWriter.DIF_INT16 | RecordWriter.DIF_STORAGE_1, LocalDate.of(2024, 12, 31))
        .toBytes();
  }

  static KeyLookup key(byte[] key) {
    return device -> Optional.of(key.clone());
  }

  static BigDecimal amount(DecodedRecord record) {
    return ((Value.Number) record.value()).amount();
  }

  static void assertWaterValues(RadioTelegram decoded) {
    List<DecodedRecord> records = decoded.frame().records();
    assertEquals(4, records.size());
    assertEquals(0, new BigDecimal("123.456").compareTo(amount(records.get(0))), "volume in m³");
    assertEquals(0, new BigDecimal("100").compareTo(amount(records.get(2))), "set-day volume");
    assertEquals(1, records.get(2).storage());
    assertEquals(METER, decoded.frame().device());
  }

  @Test
  void clearFullFrame_decodesToItsValues_unauthenticated() throws FrameRejectedException {
    byte[] t = RadioTelegramWriter.full(METER, 0x21, 0, records(), SecurityMode.NONE, null, 0);

    RadioTelegram decoded = new RadioDecoder(KeyLookup.NONE).decode(t, null);

    assertWaterValues(decoded);
    assertEquals(0x21, decoded.frame().accessNumber());
    assertEquals(0x7A, decoded.link().tplCi());
    assertFalse(decoded.link().authenticated());
    assertEquals("none", decoded.link().frameFormat());
  }

  @Test
  void mode5Frame_withTheRightKey_decodesAuthenticated() throws FrameRejectedException {
    byte[] t =
        RadioTelegramWriter.full(METER, 0x42, 0, records(), SecurityMode.AES_CBC_IV, TEST_KEY, 0);

    RadioTelegram decoded = new RadioDecoder(key(TEST_KEY)).decode(t, -70);

    assertWaterValues(decoded);
    assertEquals(SecurityMode.AES_CBC_IV, decoded.link().security());
    assertTrue(decoded.link().authenticated());
    assertEquals(Optional.of(-70), decoded.link().rssiDbm());
  }

  @Test
  void mode5Frame_withAWrongKey_isRejectedAsDecryptionFailed() {
    byte[] t =
        RadioTelegramWriter.full(METER, 0x42, 0, records(), SecurityMode.AES_CBC_IV, TEST_KEY, 0);

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> new RadioDecoder(key(WRONG_KEY)).decode(t, null));

    assertEquals(RejectionReason.DECRYPTION_FAILED, e.reason());
  }

  @Test
  void mode5Frame_withoutAKey_isRejectedAsKeyMissing() {
    byte[] t =
        RadioTelegramWriter.full(METER, 0x42, 0, records(), SecurityMode.AES_CBC_IV, TEST_KEY, 0);

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> new RadioDecoder(KeyLookup.NONE).decode(t, null));

    assertEquals(RejectionReason.KEY_MISSING, e.reason());
  }

  @Test
  void mode7Frame_withTheRightKey_decodesAuthenticatedWithItsCounter()
      throws FrameRejectedException {
    byte[] t =
        RadioTelegramWriter.full(
            METER, 0x07, 0, records(), SecurityMode.AES_CBC_KDF, TEST_KEY, 0x01020304L);

    RadioTelegram decoded = new RadioDecoder(key(TEST_KEY)).decode(t, null);

    assertWaterValues(decoded);
    assertEquals(SecurityMode.AES_CBC_KDF, decoded.link().security());
    assertTrue(decoded.link().afl());
    assertEquals(Optional.of(0x01020304L), decoded.link().messageCounter());
    assertTrue(decoded.link().authenticated());
  }

  @Test
  void mode7Frame_withAWrongKey_isRejectedAsMacMismatch() {
    byte[] t =
        RadioTelegramWriter.full(METER, 0x07, 0, records(), SecurityMode.AES_CBC_KDF, TEST_KEY, 9);

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> new RadioDecoder(key(WRONG_KEY)).decode(t, null));

    assertEquals(RejectionReason.MAC_MISMATCH, e.reason());
  }

  @Test
  void mode7Frame_withOneBitFlipped_isRejectedAsMacMismatch() {
    byte[] t =
        RadioTelegramWriter.full(METER, 0x07, 0, records(), SecurityMode.AES_CBC_KDF, TEST_KEY, 9);
    t[t.length - 1] ^= 0x01;

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> new RadioDecoder(key(TEST_KEY)).decode(t, null));

    assertEquals(RejectionReason.MAC_MISMATCH, e.reason());
  }

  @Test
  void compactFrame_afterItsFullFrame_expandsToTheSameValues() throws FrameRejectedException {
    RadioDecoder decoder = new RadioDecoder(KeyLookup.NONE, new CompactFormats());
    decoder.decode(
        RadioTelegramWriter.full(METER, 1, 0, records(), SecurityMode.NONE, null, 0), null);

    RadioTelegram decoded = decoder.decode(RadioTelegramWriter.compact(METER, records()), null);

    assertWaterValues(decoded);
    assertEquals(0x79, decoded.link().tplCi());
    assertTrue(decoded.link().compactSignature().isPresent());
  }

  @Test
  void compactFrame_beforeAnyFullFrame_isRejectedAsFormatUnknown() {
    byte[] compact = RadioTelegramWriter.compact(METER, records());

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class,
            () -> new RadioDecoder(KeyLookup.NONE, new CompactFormats()).decode(compact, null));

    assertEquals(RejectionReason.COMPACT_FORMAT_UNKNOWN, e.reason());
  }

  @Test
  void formatACrcs_areCheckedAndRemovedByTheDecoder() throws FrameRejectedException {
    byte[] t =
        RadioTelegramWriter.full(METER, 0x42, 0, records(), SecurityMode.AES_CBC_IV, TEST_KEY, 0);
    byte[] withCrcs = RadioTelegramWriter.withFormatACrcs(t);

    RadioTelegram decoded = new RadioDecoder(key(TEST_KEY)).decode(withCrcs, null);

    assertWaterValues(decoded);
    assertEquals("A", decoded.link().frameFormat());
    assertEquals(t[0], withCrcs[0], "L does not count the CRCs");
  }

  @Test
  void linkHeader_putsTheManufacturerFirstThenTheIdLeastSignificantByteFirst() {
    byte[] t = RadioTelegramWriter.full(METER, 0, 0, new byte[0], SecurityMode.NONE, null, 0);

    // LUG = 0x32A7 (EN 13757-3 manufacturer code), id 12345678 BCD LSB first, version, type
    assertArrayEquals(HexFormat.of().parseHex("0E44A732785634120116"), slice(t, 0, 10));
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }
}
