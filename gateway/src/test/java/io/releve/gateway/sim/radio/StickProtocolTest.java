package io.releve.gateway.sim.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.radio.LinkMode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exact bytes both stick protocols answer and send. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StickProtocolTest {
  static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** A clear LUG 12345678 cold water telegram with no records, access number 0x21. */
  static final byte[] TELEGRAM = HEX.parseHex("0E44A7327856341201167A21000000");

  static List<String> answers(StickProtocol protocol, String request, StickSettings settings) {
    byte[] b = HEX.parseHex(request);
    return protocol.accept(b, b.length, settings).stream().map(HEX::formatHex).toList();
  }

  @Test
  void hciCrc_hasTheX25CheckValue() {
    byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);

    assertEquals(0x906E, HciCrc.of(digits, 0, digits.length));
  }

  @Test
  void im871a_indication_carriesTheTelegramWithoutLAndTheRssiByte() {
    StickSettings settings = new StickSettings(LinkMode.T1);

    byte[] frame = new Im871aProtocol(1).indication(TELEGRAM, -70, 0, settings);

    assertEquals("A542030E44A7327856341201167A2100000069", HEX.formatHex(frame));
  }

  @Test
  void im871a_indication_withTimestampAndCrc_appendsThemInOrder() {
    StickSettings settings = new StickSettings(LinkMode.T1);
    settings.timestampAttached = true;
    settings.crcAttached = true;

    byte[] frame = new Im871aProtocol(1).indication(TELEGRAM, -70, 0x01020304L, settings);

    String hex = HEX.formatHex(frame);
    assertTrue(hex.startsWith("A5E2030E44A7327856341201167A21000000" + "04030201" + "69"), hex);
    int crc = HciCrc.of(frame, 1, frame.length - 3);
    assertEquals(crc & 0xFF, frame[frame.length - 2] & 0xFF);
    assertEquals(crc >> 8, frame[frame.length - 1] & 0xFF);
  }

  @Test
  void im871a_answersPingWithAndWithoutCrc() {
    Im871aProtocol im871a = new Im871aProtocol(1);
    StickSettings settings = new StickSettings(LinkMode.T1);
    int crc = HciCrc.of(HEX.parseHex("810100"), 0, 3);
    String request = String.format("A5810100%02X%02X", crc & 0xFF, crc >> 8);

    assertEquals(List.of("A5010200"), answers(im871a, "A5010100", settings));
    assertEquals(List.of("A58102004CA3"), answers(im871a, request, settings));
  }

  @Test
  void im871a_setConfig_setsTheLinkModeAndRssiAttachment() {
    Im871aProtocol im871a = new Im871aProtocol(1);
    StickSettings settings = new StickSettings(LinkMode.T1);

    List<String> answer = answers(im871a, "A5010306000200300000", settings);

    assertEquals(List.of("A501040100"), answer);
    assertEquals(LinkMode.S1, settings.mode);
    assertEquals(false, settings.rssiAttached);
    assertEquals(List.of("A5010606030000300000"), answers(im871a, "A5010500", settings));
  }

  @Test
  void im871a_setConfigWithAnUnknownLinkMode_answersStatus1AndKeepsTheMode() {
    StickSettings settings = new StickSettings(LinkMode.T1);

    assertEquals(
        List.of("A501040101"),
        answers(new Im871aProtocol(1), "A50103030002 7F".replace(" ", ""), settings));
    assertEquals(LinkMode.T1, settings.mode);
  }

  @Test
  void im871a_answersResetAndDeviceInfo_andSkipsGarbageBeforeAFrame() {
    Im871aProtocol im871a = new Im871aProtocol(0x11223344);
    StickSettings settings = new StickSettings(LinkMode.T1);

    List<String> answer = answers(im871a, "0000A5010700A5010F00", settings);

    assertEquals(List.of("A501080100", "A501100833001501" + "44332211"), answer);
    assertEquals(1, settings.resets.get());
    assertEquals(2, settings.garbageBytes.get());
  }

  @Test
  void im871a_requestSplitOverTwoReads_isAnsweredOnceComplete() {
    Im871aProtocol im871a = new Im871aProtocol(1);
    StickSettings settings = new StickSettings(LinkMode.T1);

    assertEquals(List.of(), answers(im871a, "A501", settings));
    assertEquals(List.of("A5010200"), answers(im871a, "0100", settings));
  }

  @Test
  void amber_indication_carriesTheTelegramWithoutLThenRssiThenXor() {
    byte[] frame =
        new AmberProtocol(1).indication(TELEGRAM, -70, 0, new StickSettings(LinkMode.T1));

    assertEquals("FF030F44A7327856341201167A21000000086E", HEX.formatHex(frame));
  }

  @Test
  void amber_rssi_isTwiceTheDbmAbove74() {
    assertEquals(0x08, AmberProtocol.rawRssi(-70));
    assertEquals(0xE0, AmberProtocol.rawRssi(-90));
  }

  @Test
  void amber_setModeResetAndSerialNumber_areConfirmed() {
    AmberProtocol amber = new AmberProtocol(0x11223344);
    StickSettings settings = new StickSettings(LinkMode.T1);

    assertEquals(List.of("FF8401007A"), answers(amber, "FF040103F9", settings));
    assertEquals(LinkMode.S1, settings.mode);
    assertEquals(List.of("FF8501007B"), answers(amber, "FF0500FA", settings));
    assertEquals(List.of("FF8B041122334434"), answers(amber, "FF0B00F4", settings));
  }

  @Test
  void amber_frameWithABadChecksum_isCountedAsGarbageAndNotAnswered() {
    StickSettings settings = new StickSettings(LinkMode.T1);

    assertEquals(List.of(), answers(new AmberProtocol(1), "FF04010800", settings));
    assertEquals(LinkMode.T1, settings.mode);
    assertTrue(settings.garbageBytes.get() > 0);
  }

  @Test
  void amber_unknownMode_isRefusedWithStatus1() {
    StickSettings settings = new StickSettings(LinkMode.T1);

    assertEquals(
        List.of("FF8401017B"),
        answers(new AmberProtocol(1), "FF040177" + xor("FF040177"), settings));
  }

  private static String xor(String hex) {
    byte[] b = HEX.parseHex(hex);
    return String.format("%02X", AmberProtocol.xor(b, 0, b.length));
  }

  @Test
  void im871aRssi_followsTheSi1002Line() {
    assertArrayEquals(
        new int[] {0x69, 45, 255},
        new int[] {
          Im871aProtocol.rawRssi(-70), Im871aProtocol.rawRssi(-100), Im871aProtocol.rawRssi(10)
        });
  }
}
