package io.releve.gateway.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StickProtocolTest {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** A short T1 telegram from its C field on: SND_NR, KAM, id 12345678, version 1B, water. */
  private static final String FROM_C = "442D2C785634121B16A0";

  static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  /** What a parser reported. */
  static final class Recorded implements StickProtocol.StickSink {
    final List<String> telegrams = new ArrayList<>();
    final List<Optional<Integer>> rssi = new ArrayList<>();
    final List<String> answers = new ArrayList<>();
    int garbage;

    @Override
    public void telegram(byte[] telegram, Optional<Integer> rssiDbm) {
      telegrams.add(HEX.formatHex(telegram));
      rssi.add(rssiDbm);
    }

    @Override
    public void answer(int key, byte[] payload) {
      answers.add(Integer.toHexString(key) + ":" + HEX.formatHex(payload));
    }

    @Override
    public void garbage(int bytes) {
      garbage += bytes;
    }
  }

  static Recorded feed(StickProtocol.StickParser parser, byte[]... chunks) {
    Recorded r = new Recorded();
    for (byte[] chunk : chunks) {
      parser.feed(chunk, chunk.length, r);
    }
    return r;
  }

  @Test
  void hciRequests_areTheDocumentedBytes() {
    assertArrayEquals(hex("A5 01 01 00"), HciFrames.pingRequest());
    assertArrayEquals(hex("A5 01 07 00"), HciFrames.resetRequest());
    assertArrayEquals(
        hex("A5 01 03 06 00 02 00 30 01 00"), HciFrames.setConfigRequest(LinkMode.S1));
    assertArrayEquals(
        hex("A5 01 03 06 00 02 0A 30 01 00"), HciFrames.setConfigRequest(LinkMode.T1));
    assertArrayEquals(
        hex("A5 01 03 06 00 02 0A 30 01 00"), HciFrames.setConfigRequest(LinkMode.C1));
  }

  @Test
  void hciCrc_isCrc16X25() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x906E, HciFrames.crc16(check, 0, check.length));
  }

  @Test
  void hciIndicationWithoutAttachments_deliversTheTelegramWithItsLengthField() {
    Recorded r = feed(new HciParser(), hex("A5 02 03 0A" + FROM_C));
    assertEquals(List.of("0A" + FROM_C), r.telegrams);
    assertEquals(List.of(Optional.empty()), r.rssi);
    assertEquals(0, r.garbage);
  }

  @Test
  void hciIndicationWithRssi_convertsTheRawValueToDbm() {
    // raw 0x69 = 105: -100 + (105 - 45) / 2 = -70 dBm
    Recorded r = feed(new HciParser(), hex("A5 42 03 0A" + FROM_C + "69"));
    assertEquals(List.of(Optional.of(-70)), r.rssi);
  }

  @Test
  void hciIndicationWithTimestampRssiAndCrc_isCheckedAndDelivered() {
    byte[] body = hex("E2 03 0A" + FROM_C + "78563412" + "2D");
    int crc = HciFrames.crc16(body, 0, body.length);
    byte[] frame = new byte[body.length + 3];
    frame[0] = (byte) 0xA5;
    System.arraycopy(body, 0, frame, 1, body.length);
    frame[frame.length - 2] = (byte) crc;
    frame[frame.length - 1] = (byte) (crc >>> 8);
    Recorded r = feed(new HciParser(), frame);
    assertEquals(List.of("0A" + FROM_C), r.telegrams);
    assertEquals(List.of(Optional.of(HciFrames.rssiDbm(0x2D))), r.rssi);

    frame[frame.length - 1] ^= 0x01;
    Recorded bad = feed(new HciParser(), frame);
    assertEquals(List.of(), bad.telegrams);
    assertEquals(frame.length, bad.garbage);
  }

  @Test
  void hciGarbageBetweenMessages_isSkippedAndCounted() {
    Recorded r =
        feed(
            new HciParser(),
            hex("00 13 37"),
            hex("A5 01 02 00 FF A5 1F"),
            hex("A5 02 03 0A" + FROM_C.substring(0, 6)),
            hex(FROM_C.substring(6)));
    assertEquals(List.of("102:"), r.answers);
    assertEquals(List.of("0A" + FROM_C), r.telegrams);
    // 00 13 37, FF, and A5 1F (reserved flag)
    assertEquals(6, r.garbage);
  }

  @Test
  void hciRssi_followsTheSi1002Curve() {
    assertEquals(-100, HciFrames.rssiDbm(45));
    assertEquals(-20, HciFrames.rssiDbm(205));
    assertEquals(0, HciFrames.rssiDbm(230));
    assertEquals(0, HciFrames.rssiDbm(255));
  }

  @Test
  void amberRequests_areTheDocumentedBytes() {
    assertArrayEquals(hex("FF 0B 00 F4"), AmberFrames.serialNumberRequest());
    assertArrayEquals(hex("FF 05 00 FA"), AmberFrames.resetRequest());
    assertArrayEquals(
        hex("FF 0A 02 05 01 F3"), AmberFrames.getRequest(AmberFrames.UART_CMD_OUT_ENABLE));
    assertArrayEquals(hex("FF 0A 02 45 01 B3"), AmberFrames.getRequest(AmberFrames.RSSI_ENABLE));
    assertArrayEquals(
        hex("FF 09 03 45 01 01 B0"), AmberFrames.setRequest(AmberFrames.RSSI_ENABLE, 1));
    assertArrayEquals(hex("FF 04 01 03 F9"), AmberFrames.setModeRequest(LinkMode.S1));
    assertArrayEquals(hex("FF 04 01 09 F3"), AmberFrames.setModeRequest(LinkMode.T1));
    assertArrayEquals(hex("FF 04 01 09 F3"), AmberFrames.setModeRequest(LinkMode.C1));
  }

  @Test
  void amberDataIndication_deliversTheTelegramAndItsRssi() {
    byte[] ind = AmberFrames.message(AmberFrames.CMD_DATA_IND, hex(FROM_C + "C0"));
    Recorded r = feed(new AmberParser(), hex("11 22"), ind);
    assertEquals(List.of("0A" + FROM_C), r.telegrams);
    // raw 0xC0 = 192: (192 - 256) / 2 - 74 = -106 dBm
    assertEquals(List.of(Optional.of(-106)), r.rssi);
    assertEquals(2, r.garbage);
  }

  @Test
  void amberMessageWithWrongChecksum_isSkipped() {
    byte[] ind = AmberFrames.message(AmberFrames.CMD_DATA_IND, hex(FROM_C + "C0"));
    ind[ind.length - 1] ^= 0x55;
    Recorded r = feed(new AmberParser(), ind, hex("FF 84 01 00 7A"));
    assertEquals(List.of(), r.telegrams);
    assertEquals(List.of("84:00"), r.answers);
    assertEquals(ind.length, r.garbage);
  }

  @Test
  void amberRssi_isHalfDbTwosComplementMinus74() {
    assertEquals(-74, AmberFrames.rssiDbm(0x00));
    assertEquals(-58, AmberFrames.rssiDbm(0x20));
    assertEquals(-138, AmberFrames.rssiDbm(0x80));
    // -1 / 2 truncates to 0
    assertEquals(-74, AmberFrames.rssiDbm(0xFF));
  }

  @Test
  void stickPaths_acceptByIdAndPseudoTerminalsOnly() {
    assertEquals("/dev/pts/3", StickPaths.check("/dev/pts/3", "a"));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> StickPaths.check("/dev/ttyUSB0", "cave"));
    assertEquals(
        "Stick cave: port [/dev/ttyUSB0] must be a /dev/serial/by-id/… path (stable across"
            + " replugging), or /dev/pts/… for a simulated stick",
        e.getMessage());
  }
}
