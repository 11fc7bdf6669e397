package io.releve.gateway.link;

import static io.releve.gateway.link.Telegrams.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The frame formats of EN 13757-2 (FT 1.2 of EN 60870-5-1): E5, short frame {@code 10 C A CS 16},
 * long frame {@code 68 L L 68 C A CI data CS 16}, the checksum being the sum of C to the last data
 * byte modulo 256.
 */
class LinkFramesTest {

  @ParameterizedTest(name = "C {0}, A {1}: {2}")
  @CsvSource({
    "0x40, 0x05, 10 40 05 45 16", // SND_NKE
    "0x7B, 0xFE, 10 7B FE 79 16", // REQ_UD2, FCB set, broadcast with reply: 7B + FE = 0x179
    "0x5B, 0xFD, 10 5B FD 58 16", // REQ_UD2, FCB clear, selected slave
    "0x40, 0xFD, 10 40 FD 3D 16"
  })
  void shortFrame_startCAChecksumStop(String control, String address, String expected) {
    assertEquals(
        expected, hex(LinkFrames.shortFrame(Integer.decode(control), Integer.decode(address))));
  }

  @Test
  void longFrame_selectTelegram_hasLTwiceAndTheChecksumOfCToData() {
    byte[] frame =
        LinkFrames.longFrame(
            LinkFrames.C_SND_UD,
            LinkFrames.ADDRESS_NETWORK_LAYER,
            LinkFrames.CI_SELECT,
            Telegrams.WATER.toBytes());

    // L = C + A + CI + 8 = 11; 53+FD+52+78+56+34+12+A7+32+0A+07 = 0x3A0
    assertEquals("68 0B 0B 68 53 FD 52 78 56 34 12 A7 32 0A 07 A0 16", hex(frame));
    assertEquals(LinkFrames.C_SND_UD, LinkFrames.control(frame));
    assertEquals(0xFD, LinkFrames.address(frame));
    assertEquals(0x52, LinkFrames.ci(frame));
    assertArrayEquals(Telegrams.WATER.toBytes(), LinkFrames.userData(frame));
    assertNull(LinkFrames.checkComplete(frame));
  }

  @Test
  void longFrame_252DataBytes_isTheLargestFrame() {
    byte[] frame = LinkFrames.longFrame(0x08, 1, 0x72, new byte[252]);

    assertEquals(261, frame.length);
    assertEquals(0xFF, frame[1] & 0xFF);
    assertEquals(261, LinkFrames.frameLength(frame, frame.length));
    assertNull(LinkFrames.checkComplete(frame));
  }

  @Test
  void longFrame_253DataBytes_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LinkFrames.longFrame(0x08, 1, 0x72, new byte[253]));
    assertEquals(
        "Long frame user data of 253 bytes exceeds the 252 an L field allows.", e.getMessage());
  }

  @Test
  void checksum_highBytes_sumModulo256() {
    assertEquals(0x7E, LinkFrames.checksum(hex("FF FF 80"), 0, 3)); // 0x27E
    assertEquals(0x00, LinkFrames.checksum(hex("80 80"), 0, 2));
    assertEquals(0x03, LinkFrames.checksum(hex("09 01 02 09"), 1, 2));
  }

  @Test
  void frameLength_fromTheFirstBytes() {
    byte[] longFrame = Telegrams.rspUd(1, 0, false);

    assertEquals(0, LinkFrames.frameLength(new byte[0], 0));
    assertEquals(1, LinkFrames.frameLength(hex("E5"), 1));
    assertEquals(5, LinkFrames.frameLength(hex("10"), 1));
    assertEquals(0, LinkFrames.frameLength(longFrame, 3));
    assertEquals(longFrame.length, LinkFrames.frameLength(longFrame, 4));
    assertEquals((longFrame[1] & 0xFF) + 6, LinkFrames.frameLength(longFrame, 4));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "E4 | E4 starts no M-Bus frame (E5, 10 or 68 expected).",
        "00 | 00 starts no M-Bus frame (E5, 10 or 68 expected).",
        "68 0B 0C 68 | The two L fields differ (0B and 0C).",
        "68 0B 0B 67 | The second start byte is 67, not 68.",
        "68 02 02 68 | L field 2 is below the minimum of 3."
      })
  void frameLength_bytesThatStartNoFrame_sayWhy(String bytes, String reason) {
    byte[] b = hex(bytes);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LinkFrames.frameLength(b, b.length));
    assertEquals(reason, e.getMessage());
  }

  @Test
  void checkComplete_reasons() {
    assertNull(LinkFrames.checkComplete(hex("E5")));
    assertNull(LinkFrames.checkComplete(hex("10 40 05 45 16")));
    assertEquals("The stop byte is 15, not 16.", LinkFrames.checkComplete(hex("10 40 05 45 15")));
    assertEquals(
        "The checksum is 44, the bytes sum to 45.",
        LinkFrames.checkComplete(hex("10 40 05 44 16")));
    assertEquals(
        "An E5 acknowledgement carries no more bytes.", LinkFrames.checkComplete(hex("E5 E5")));
    byte[] longFrame = Telegrams.rspUd(1, 0, false);
    assertNull(LinkFrames.checkComplete(longFrame));
    longFrame[10] ^= 1;
    assertEquals(
        String.format(
            "The checksum is %02X, the bytes sum to %02X.",
            longFrame[longFrame.length - 2] & 0xFF,
            LinkFrames.checksum(longFrame, 4, longFrame.length - 6)),
        LinkFrames.checkComplete(longFrame));
  }
}
