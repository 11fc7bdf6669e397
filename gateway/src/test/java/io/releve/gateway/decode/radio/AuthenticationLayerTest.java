package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The AFL (CI 0x90) header, built by hand: CI, AFLL, FCL (least significant first), then the fields
 * FCL announces. FCL 0x2C00 announces MCL, MCR and MAC; MCL bits 0–3 are the authentication type.
 */
class AuthenticationLayerTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String COUNTER = "B30A0000";

  private static AuthenticationLayer parse(String hex) throws FrameRejectedException {
    byte[] b = HEX.parseHex(hex);
    return AuthenticationLayer.parse(b, 0, b.length);
  }

  private static FrameRejectedException rejected(String hex) {
    return assertThrows(FrameRejectedException.class, () -> parse(hex));
  }

  @Test
  void anEightByteCmacAnnouncedByAuthenticationType5IsRead() throws Exception {
    AuthenticationLayer afl = parse("900F002C25" + COUNTER + "0102030405060708" + "7A");
    assertEquals(8, afl.mac().length);
    assertEquals(17, afl.length());
  }

  @Test
  void aTwoByteMacIsRejectedAsUnsupportedSecurity() {
    FrameRejectedException e = rejected("9009002C23" + COUNTER + "0102" + "7A");
    assertEquals(RejectionReason.UNSUPPORTED_SECURITY, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("authentication type 3"), e.getMessage());
  }

  @Test
  void anAfllThatDoesNotFitTheMacLengthOfTheAuthenticationTypeIsABadHeader() {
    // AT 5 (8 bytes) but AFLL 0x13 leaves 12 bytes for the MAC
    FrameRejectedException e = rejected("9013002C25" + COUNTER + "0102030405060708090A0B0C" + "7A");
    assertEquals(RejectionReason.BAD_HEADER, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("leaves 12 bytes"), e.getMessage());
  }

  @Test
  void aMacWithoutMessageControlIsABadHeader() {
    // FCL 0x0C00: MCR and MAC, no MCL
    FrameRejectedException e = rejected("900E000C" + COUNTER + "0102030405060708" + "7A");
    assertEquals(RejectionReason.BAD_HEADER, e.reason(), e.getMessage());
  }

  @Test
  void anAflCutShortBeforeItsMessageControlOrKeyInformationIsABadHeader() {
    assertEquals(RejectionReason.BAD_HEADER, rejected("90020020").reason()); // MCL announced
    assertEquals(RejectionReason.BAD_HEADER, rejected("9003002225").reason()); // MCL, KI announced
  }
}
