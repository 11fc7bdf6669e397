package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The data-link CRC (EN 13757-4) and the detection and removal of frame format A and B CRCs. */
class LinkCrcTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** OMS example, security profile A, with format A CRCs (wireless-mbus-parser f8c8b5df70). */
  private static final String FORMAT_A =
      "2E44931578563412330333637A2A0020255923C95AAA26D1B2E7493BC2AD013EC4A6F6D3529B520EDFF0EA6D"
          + "EFC955B29D6D69EBF3EC8A";

  /** OMS example, frame type B (wireless-mbus-parser 411bee0ec2). */
  private static final String FORMAT_B = "1444AE0C7856341201078C2027780B134365877AC5";

  @Test
  void theCheckValueOf123456789Is0xC2B7() {
    byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0xC2B7, LinkCrc.of(digits, 0, digits.length));
  }

  @Test
  void theFirstBlockOfAFormatATelegramEndsWithItsCrc() {
    byte[] t = HEX.parseHex(FORMAT_A);
    assertEquals(0x3363, LinkCrc.of(t, 0, 10));
    assertTrue(LinkCrc.matches(t, 0, 10, 10));
  }

  @Test
  void formatACrcsAreCheckedAndRemoved() throws Exception {
    DataLinkBlocks.Stripped s = DataLinkBlocks.strip(HEX.parseHex(FORMAT_A));
    assertEquals("A", s.format());
    assertEquals(0x2E + 1, s.bytes().length);
    assertEquals("7A2A0020255923C95AAA26D1B2E7493B", HEX.formatHex(s.bytes(), 10, 26));
  }

  @Test
  void aFormatBCrcIsCheckedRemovedAndTheLengthAdjusted() throws Exception {
    DataLinkBlocks.Stripped s = DataLinkBlocks.strip(HEX.parseHex(FORMAT_B));
    assertEquals("B", s.format());
    assertEquals("1244AE0C7856341201078C2027780B13436587", HEX.formatHex(s.bytes()));
  }

  @Test
  void aTelegramWithoutCrcsIsKeptAndItsTrailingRssiByteDropped() throws Exception {
    DataLinkBlocks.Stripped s =
        DataLinkBlocks.strip(HEX.parseHex("1244AE0C7856341201078C2027780B13436587C4"));
    assertEquals("none", s.format());
    assertEquals("1244AE0C7856341201078C2027780B13436587", HEX.formatHex(s.bytes()));
  }

  @Test
  void aFlippedBitInAFormatATelegramIsRejectedWithTheBlockOffset() {
    for (int bit = 0; bit < 8 * 12; bit += 7) {
      byte[] t = HEX.parseHex(FORMAT_A);
      int at = 12 + bit / 8; // inside the second block or its CRC
      t[at] ^= (byte) (1 << (bit % 8));
      FrameRejectedException e =
          assertThrows(FrameRejectedException.class, () -> DataLinkBlocks.strip(t));
      assertEquals(RejectionReason.BAD_CHECKSUM, e.reason());
      assertTrue(e.getMessage().contains("offset 12"), e.getMessage());
    }
  }

  @Test
  void aFlippedBitInTheFirstBlockIsRejected() {
    byte[] t = HEX.parseHex(FORMAT_A);
    t[5] ^= 0x04;
    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> new RadioDecoder(KeyLookup.NONE).decode(t, null));
    assertEquals(RejectionReason.BAD_CHECKSUM, e.reason());
  }

  @Test
  void everyVectorWithCrcsPassesTheirCheck() throws Exception {
    int checked = 0;
    for (WmbusVectors.Vector v : WmbusVectors.all()) {
      if (v.crcPresent()) {
        assertEquals("A", DataLinkBlocks.strip(v.telegram()).format(), v.id());
        checked++;
      }
    }
    assertEquals(7, checked);
  }
}
