package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.Medium;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Layers, security modes and authenticity on real telegrams (see vectors/wmbus/README.md). */
class RadioDecoderTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] OMS_KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
  private static final byte[] WRONG_KEY = HEX.parseHex("4E5508544202058100DFEFA06B0934AF");

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
}
