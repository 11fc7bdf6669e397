package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Layers, security modes and authenticity on real telegrams (see vectors/wmbus/README.md). */
class RadioDecoderTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] OMS_KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
  private static final byte[] WRONG_KEY = HEX.parseHex("4E5508544202058100DFEFA06B0934AF");
  private static final byte[] ELL_KEY = HEX.parseHex("4E5508544202058100DFEFA06B0934A5");
  private static final byte[] MODE5_KEY = HEX.parseHex("0102030405060708090A0B0C0D0E0F11");

  /** A vector whose ELL 0x8D payload is AES-CTR encrypted with {@link #ELL_KEY}; CC is 0x30. */
  private static final String ELL_VECTOR = "wireless-mbus-parser/984d7f9083";

  /** The long header (CI 0x72) identity of another meter: ELS 12345678, version 0x33, gas. */
  private static final String OTHER_METER_HEADER = "7856341293153303";

  private static final String OTHER_METER = "ELS-12345678-33-03";

  private static byte[] telegram(String id) {
    return RadioVectorsTest.byId(id).telegram();
  }

  private static RadioTelegram decode(String id, byte[] key) throws FrameRejectedException {
    KeyLookup keys = key == null ? KeyLookup.NONE : device -> Optional.of(key.clone());
    return new RadioDecoder(keys).decode(telegram(id), null);
  }

  private static FrameRejectedException rejected(String id, byte[] key) {
    return assertThrows(FrameRejectedException.class, () -> decode(id, key));
  }

  /** The vector without its data-link CRCs, as a stick that removed them delivers it. */
  private static byte[] stripped(String id) throws FrameRejectedException {
    return DataLinkBlocks.strip(telegram(id)).bytes();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    byte[] t = out.toByteArray();
    t[0] = (byte) (t.length - 1); // L counts C to the last byte
    return t;
  }

  /**
   * The ELL vector's data-link header and ELL (CI 0x8D, CC, ACC, SN), then {@code clear} encrypted
   * as a meter holding {@link #ELL_KEY} would: payload CRC first, AES-CTR over CRC and payload.
   */
  private static byte[] ellTelegram(byte[] clear) throws FrameRejectedException {
    byte[] original = stripped(ELL_VECTOR);
    byte[] counter = new byte[Aes.BLOCK];
    System.arraycopy(original, 2, counter, 0, 8); // M, A
    counter[8] = (byte) (original[11] & ~0x10); // CC without the hop bit
    System.arraycopy(original, 13, counter, 9, 4); // SN
    int crc = LinkCrc.of(clear, 0, clear.length);
    byte[] payload = concat(new byte[] {0, (byte) crc, (byte) (crc >> 8)}, clear);
    payload = Arrays.copyOfRange(payload, 1, payload.length);
    byte[] encrypted = Aes.ctr(ELL_KEY, counter, payload, 0, payload.length);
    return concat(Arrays.copyOfRange(original, 0, 17), encrypted);
  }

  /** Keys for the ELL vector's sender and for {@link #OTHER_METER}. */
  private static KeyLookup ellSenderAndOtherMeterKeys(DeviceIdentity sender) {
    return device ->
        device.equals(sender)
            ? Optional.of(ELL_KEY.clone())
            : device.key().equals(OTHER_METER) ? Optional.of(OMS_KEY.clone()) : Optional.empty();
  }

  @Test
  void mode7WithTheRightKeyIsAuthenticatedAndKeepsTheMessageCounter() throws Exception {
    RadioTelegram t = decode("wireless-mbus-parser/fc67bb09b1", OMS_KEY);
    assertEquals("A", t.link().frameFormat());
    assertEquals(Optional.of(0x8C), t.link().ell());
    assertTrue(t.link().afl());
    assertEquals(Optional.of(0xAB3L), t.link().messageCounter());
    assertEquals(SecurityMode.AES_CBC_KDF, t.link().security());
    assertTrue(t.link().authenticated());
    assertEquals("ELS-12345678-33-03", t.frame().device().key());
    assertEquals(Medium.GAS, t.frame().medium());
    assertEquals(0x75, t.frame().accessNumber());
  }

  @Test
  void mode7WithAWrongKeyIsRejectedAsAMacMismatchWithoutShowingTheKey() {
    FrameRejectedException e = rejected("wireless-mbus-parser/fc67bb09b1", WRONG_KEY);
    assertEquals(RejectionReason.MAC_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("MAC mismatch"), e.getMessage());
    assertFalse(e.getMessage().toUpperCase().contains("4E550854"), e.getMessage());
  }

  @Test
  void mode7BehindARadioAdapterTakesTheMeterIdentityFromTheLongHeader() throws Exception {
    RadioTelegram t = decode("wireless-mbus-parser/a950cb25e0", OMS_KEY);
    assertEquals("ELS-12345678-33-03", t.frame().device().key());
    assertEquals(Optional.of(0x8E), t.link().ell());
    assertEquals(0x72, t.link().tplCi());
    assertTrue(t.link().authenticated());
  }

  @Test
  void mode5WithTheRightKeyIsAuthenticatedAndWithAWrongKeyRejected() throws Exception {
    byte[] right = HEX.parseHex("0102030405060708090A0B0C0D0E0F11");
    RadioTelegram t = decode("wireless-mbus-parser/f8c8b5df70", right);
    assertEquals(SecurityMode.AES_CBC_IV, t.link().security());
    assertTrue(t.link().authenticated());
    FrameRejectedException e = rejected("wireless-mbus-parser/f8c8b5df70", WRONG_KEY);
    assertEquals(RejectionReason.DECRYPTION_FAILED, e.reason());
    assertTrue(e.getMessage().startsWith("Decryption failed"), e.getMessage());
  }

  @Test
  void anEncryptedPayloadWithoutAKeyIsRejectedAsKeyMissing() {
    FrameRejectedException e = rejected("wireless-mbus-parser/f8c8b5df70", null);
    assertEquals(RejectionReason.KEY_MISSING, e.reason());
    assertTrue(e.getMessage().startsWith("Key missing"), e.getMessage());
  }

  @Test
  void ellAesCtrWithTheRightKeyIsAuthenticatedAndWithAWrongKeyRejected() throws Exception {
    byte[] right = HEX.parseHex("4E5508544202058100DFEFA06B0934A5");
    RadioTelegram t = decode("wireless-mbus-parser/984d7f9083", right);
    assertEquals(Optional.of(0x8D), t.link().ell());
    assertTrue(t.link().authenticated());
    FrameRejectedException e = rejected("wireless-mbus-parser/984d7f9083", WRONG_KEY);
    assertEquals(RejectionReason.DECRYPTION_FAILED, e.reason());
    assertTrue(e.getMessage().contains("ELL payload CRC"), e.getMessage());
  }

  @Test
  void aPayloadAnnouncedEncryptedButSentInClearIsAcceptedUnauthenticatedOnlyWithoutAKey()
      throws Exception {
    String id = "wmbusmeters/amiplus/5da824c0ba"; // mode 5 announced, 2F 2F in clear
    RadioTelegram t = decode(id, null);
    assertEquals(SecurityMode.AES_CBC_IV, t.link().security());
    assertFalse(t.link().authenticated());
    assertThrows(FrameRejectedException.class, () -> decode(id, OMS_KEY));
  }

  @Test
  void aManufacturerSpecificCiIsRejectedNamingTheCi() {
    FrameRejectedException e = rejected("wmbusmeters/apator08/a8c66aa382", null);
    assertEquals(RejectionReason.UNSUPPORTED_CI, e.reason());
    assertTrue(e.getMessage().contains("0xA0"), e.getMessage());
  }

  @Test
  void aCompactFrameIsRejectedByDefaultAndHandedToTheExpanderOtherwise() throws Exception {
    WmbusVectors.Vector v = RadioVectorsTest.byId("wmbusmeters/multical21/187bda6a7e");
    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class,
            () ->
                new RadioDecoder(
                        v.key().isPresent()
                            ? device -> java.util.Optional.of(v.key().get().clone())
                            : KeyLookup.NONE)
                    .decode(v.telegram(), null));
    assertTrue(e.getMessage().contains("Compact frame"), e.getMessage());

    int[] seen = new int[1];
    CompactExpander expander =
        new CompactExpander() {
          @Override
          public byte[] expand(
              io.releve.gateway.device.DeviceIdentity device, int signature, byte[] data) {
            seen[0] = signature;
            return HEX.parseHex("0413E8030000"); // 1.000 m3
          }

          @Override
          public void learn(io.releve.gateway.device.DeviceIdentity device, byte[] records) {}
        };
    RadioTelegram t = new RadioDecoder(KeyLookup.NONE, expander).decode(v.telegram(), null);
    assertEquals(Optional.of(seen[0]), t.link().compactSignature());
    assertEquals(1, t.frame().records().size());
  }

  @Test
  void aKeyOfTheWrongLengthIsRejectedWithoutShowingIt() {
    FrameRejectedException e = rejected("wireless-mbus-parser/f8c8b5df70", new byte[8]);
    assertTrue(e.getMessage().contains("8 bytes"), e.getMessage());
  }

  @Test
  void nullAndTooShortTelegramsAreRejected() {
    RadioDecoder decoder = new RadioDecoder(KeyLookup.NONE);
    assertEquals(
        RejectionReason.TRUNCATED,
        assertThrows(FrameRejectedException.class, () -> decoder.decode(null, null)).reason());
    assertEquals(
        RejectionReason.TRUNCATED,
        assertThrows(FrameRejectedException.class, () -> decoder.decode(new byte[5], null))
            .reason());
  }

  @Test
  void anEllOpenedWithOneMetersKeyDoesNotAuthenticateAnotherMeterNamedInTheLongHeader()
      throws Exception {
    DeviceIdentity sender = LinkAddress.manufacturerFirst(stripped(ELL_VECTOR), 2);
    // long header naming the other meter, ACC, STS, CFG 0000 (mode 0), volume 1.000 m3
    byte[] forged =
        ellTelegram(HEX.parseHex("72" + OTHER_METER_HEADER + "50000000" + "0413E8030000"));
    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class,
            () -> new RadioDecoder(ellSenderAndOtherMeterKeys(sender)).decode(forged, null));
    assertEquals(RejectionReason.NOT_AUTHENTIC, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(OTHER_METER), e.getMessage());

    RadioTelegram withoutItsKey =
        new RadioDecoder(d -> d.equals(sender) ? Optional.of(ELL_KEY.clone()) : Optional.empty())
            .decode(forged, null);
    assertEquals(OTHER_METER, withoutItsKey.frame().device().key());
    assertFalse(withoutItsKey.link().authenticated());
  }

  @Test
  void anEllOpenedWithTheSendersKeyAuthenticatesALongHeaderNamingTheSender() throws Exception {
    byte[] original = stripped(ELL_VECTOR);
    DeviceIdentity sender = LinkAddress.manufacturerFirst(original, 2);
    String senderHeader =
        HEX.formatHex(Arrays.copyOfRange(original, 4, 8))
            + HEX.formatHex(Arrays.copyOfRange(original, 2, 4))
            + HEX.formatHex(Arrays.copyOfRange(original, 8, 10));
    byte[] telegram = ellTelegram(HEX.parseHex("72" + senderHeader + "50000000" + "0413E8030000"));
    RadioTelegram t = new RadioDecoder(ellSenderAndOtherMeterKeys(sender)).decode(telegram, null);
    assertEquals(sender, t.frame().device());
    assertTrue(t.link().authenticated());
  }

  @Test
  void anEllTelegramWithTheRepeatedAccessBitSetStillDecrypts() throws Exception {
    RadioTelegram original = decode(ELL_VECTOR, ELL_KEY);
    byte[] repeated = stripped(ELL_VECTOR);
    repeated[11] |= 0x02; // CC bit R: the meter repeats an access; not in the counter block
    RadioTelegram t =
        new RadioDecoder(device -> Optional.of(ELL_KEY.clone())).decode(repeated, null);
    assertTrue(t.link().authenticated());
    assertEquals(original.frame().records(), t.frame().records());
  }

  @Test
  void clearRecordsAfterTheMode5EncryptedBlocksAreNotRead() throws Exception {
    String id = "wireless-mbus-parser/f8c8b5df70"; // CFG 0x2520: 2 blocks, nothing after them
    RadioTelegram original = decode(id, MODE5_KEY);
    byte[] appended = concat(stripped(id), HEX.parseHex("0413E8030000")); // volume 1.000 m3
    RadioTelegram t =
        new RadioDecoder(device -> Optional.of(MODE5_KEY.clone())).decode(appended, null);
    assertTrue(t.link().authenticated());
    assertEquals(original.frame().records(), t.frame().records());
  }

  @Test
  void aMode7TelegramSelectingAnotherKeyDerivationIsRejectedAsUnsupportedSecurity()
      throws Exception {
    byte[] t = stripped("wireless-mbus-parser/fc67bb09b1"); // ELL 0x8C, AFL, TPL 0x7A
    int afl = 13;
    int tpl = afl + 2 + (t[afl + 1] & 0xFF);
    assertEquals(0x7A, t[tpl] & 0xFF);
    t[tpl + 5] &= (byte) ~0x30; // CFG extension: KDF selection 0 instead of 1 (KDF-A)
    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class,
            () -> new RadioDecoder(device -> Optional.of(OMS_KEY.clone())).decode(t, null));
    assertEquals(RejectionReason.UNSUPPORTED_SECURITY, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("key derivation 0"), e.getMessage());
  }

  @Test
  void anAflCutShortInItsMessageControlIsABadHeaderNotAnInternalError() throws Exception {
    // the data-link header of a real telegram, then CI 0x90, AFLL 2, FCL announcing MCL
    byte[] t = concat(Arrays.copyOfRange(stripped(ELL_VECTOR), 0, 10), HEX.parseHex("90020020"));
    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> new RadioDecoder(KeyLookup.NONE).decode(t, null));
    assertEquals(RejectionReason.BAD_HEADER, e.reason(), e.getMessage());
  }
}
