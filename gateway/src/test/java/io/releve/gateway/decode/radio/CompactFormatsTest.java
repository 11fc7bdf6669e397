package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.decode.radio.FormatSignatureTest.Vectors;
import io.releve.gateway.device.DeviceIdentity;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Learning full frames and expanding compact frames, on real Kamstrup telegrams. */
class CompactFormatsTest {
  private static final DeviceIdentity METER_A = new DeviceIdentity("KAM", "11111111", 0x30, 0x04);
  private static final DeviceIdentity METER_B = new DeviceIdentity("KAM", "22222222", 0x30, 0x04);

  static Stream<Vectors.Pair> kamstrupPairs() throws IOException {
    return Vectors.pairs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kamstrupPairs")
  void compactFrameAfterItsFullFrame_expandsToTheFullFrameRecords(Vectors.Pair pair)
      throws FrameRejectedException {
    CompactFormats formats = new CompactFormats();
    formats.learn(pair.full().meter(), pair.full().records());

    byte[] records =
        formats.expand(
            pair.compact().meter(),
            pair.compact().signature(),
            pair.compact().fullFrameCrc(),
            pair.compact().records());

    // The values of each pair are the same in both frames, so the rebuilt records are the full
    // frame's, byte for byte, and the full-frame CRC the compact frame carries matches them.
    assertEquals(Hex.format(pair.full().records()), Hex.format(records));
  }

  @Test
  void compactFrameHeardFirst_isRejectedAsAnUnknownFormat() throws IOException {
    Vectors.Telegram compact = Vectors.byId().get("jmbus/ShortTelegramTest/7f02b3e873");
    CompactFormats formats = new CompactFormats();

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class,
            () ->
                formats.expand(
                    compact.meter(),
                    compact.signature(),
                    compact.fullFrameCrc(),
                    compact.records()));

    assertEquals(RejectionReason.COMPACT_FORMAT_UNKNOWN, e.reason());
    assertEquals(
        "compact frame with format signature 0x82DD: its full frame has not been heard yet from"
            + " KAM-60723506-19-0C.",
        e.getMessage());
  }

  @Test
  void compactFrameWhoseDataDoNotMatchTheFullFrameCrc_isRejected() throws Exception {
    Vectors.Pair pair = kamheatPair();
    CompactFormats formats = new CompactFormats();
    formats.learn(pair.full().meter(), pair.full().records());
    byte[] data = pair.compact().records();
    data[0] ^= 0x01;

    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class,
            () ->
                formats.expand(
                    pair.compact().meter(),
                    pair.compact().signature(),
                    pair.compact().fullFrameCrc(),
                    data));

    assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                "compact frame with format signature 0x52C2 from KAM-67051653-30-0C: its"
                    + " full-frame CRC 0x71C4 does not match 0x"),
        e.getMessage());
  }

  @Test
  void compactFrameExpandedWithoutCrc_carriesItsOwnValues() throws Exception {
    Vectors.Pair pair = kamheatPair();
    CompactFormats formats = new CompactFormats();
    formats.learn(pair.full().meter(), pair.full().records());
    byte[] data = pair.compact().records();
    data[0] = 0x42;

    byte[] records =
        formats.expand(
            pair.compact().meter(),
            pair.compact().signature(),
            CompactFormats.NO_FULL_FRAME_CRC,
            data);

    assertEquals("030E42DE00", Hex.format(records, 0, 5));
  }

  @Test
  void compactFrameWithTheWrongDataLength_isRejected() throws Exception {
    Vectors.Pair pair = kamheatPair();
    CompactFormats formats = new CompactFormats();
    formats.learn(pair.full().meter(), pair.full().records());
    byte[] data = pair.compact().records();
    byte[] longer = Arrays.copyOf(data, data.length + 1);
    byte[] shorter = Arrays.copyOf(data, data.length - 1);

    for (byte[] wrong : new byte[][] {longer, shorter}) {
      FrameRejectedException e =
          assertThrows(
              FrameRejectedException.class,
              () ->
                  formats.expand(
                      pair.compact().meter(),
                      pair.compact().signature(),
                      CompactFormats.NO_FULL_FRAME_CRC,
                      wrong));
      assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
      assertTrue(e.getMessage().contains("format signature 0x52C2 carries"), e.getMessage());
    }
  }

  @Test
  void twoMetersWithTheSameFormat_eachNeedTheirOwnFullFrame() throws Exception {
    Vectors.Pair pair = kamheatPair();
    CompactFormats formats = new CompactFormats();
    int signature = pair.compact().signature();
    int crc = pair.compact().fullFrameCrc();
    byte[] data = pair.compact().records();

    formats.learn(METER_A, pair.full().records());

    assertArrayEquals(pair.full().records(), formats.expand(METER_A, signature, crc, data));
    FrameRejectedException e =
        assertThrows(
            FrameRejectedException.class, () -> formats.expand(METER_B, signature, crc, data));
    assertEquals(RejectionReason.COMPACT_FORMAT_UNKNOWN, e.reason());

    formats.learn(METER_B, pair.full().records());

    assertArrayEquals(pair.full().records(), formats.expand(METER_B, signature, crc, data));
    assertArrayEquals(pair.full().records(), formats.expand(METER_A, signature, crc, data));
  }

  @Test
  void twoSessions_doNotShareWhatTheyLearnt() throws Exception {
    Vectors.Pair pair = kamheatPair();
    CompactFormats heard = new CompactFormats();
    CompactFormats other = new CompactFormats();

    heard.learn(METER_A, pair.full().records());

    assertTrue(heard.knows(METER_A, pair.compact().signature()));
    assertFalse(other.knows(METER_A, pair.compact().signature()));
  }

  @Test
  void formatsBeyondTheBoundOfAMeter_forgetTheLeastRecentlyUsedOne() throws Exception {
    CompactFormats formats = new CompactFormats(10, 2);
    byte[] one = Hex.parse("0413 01000000");
    byte[] two = Hex.parse("0213 0100");
    byte[] three = Hex.parse("0113 01");
    int signatureOne = FormatSignature.of(one).value();
    int signatureTwo = FormatSignature.of(two).value();
    int signatureThree = FormatSignature.of(three).value();

    formats.learn(METER_A, one);
    formats.learn(METER_A, two);
    formats.expand(METER_A, signatureOne, CompactFormats.NO_FULL_FRAME_CRC, Hex.parse("02000000"));
    formats.learn(METER_A, three);

    assertTrue(formats.knows(METER_A, signatureOne));
    assertFalse(formats.knows(METER_A, signatureTwo));
    assertTrue(formats.knows(METER_A, signatureThree));
  }

  @Test
  void metersBeyondTheBound_forgetTheLeastRecentlyUsedMeter() throws Exception {
    CompactFormats formats = new CompactFormats(2, 4);
    DeviceIdentity meterC = new DeviceIdentity("KAM", "33333333", 0x30, 0x04);
    byte[] records = Hex.parse("0413 01000000");
    int signature = FormatSignature.of(records).value();

    formats.learn(METER_A, records);
    formats.learn(METER_B, records);
    formats.expand(METER_A, signature, CompactFormats.NO_FULL_FRAME_CRC, Hex.parse("02000000"));
    formats.learn(meterC, records);

    assertTrue(formats.knows(METER_A, signature));
    assertFalse(formats.knows(METER_B, signature));
    assertTrue(formats.knows(meterC, signature));
  }

  @Test
  void fullFrameWithoutRecords_teachesNothing() throws Exception {
    CompactFormats formats = new CompactFormats();

    formats.learn(METER_A, Hex.parse("2F2F2F"));

    assertFalse(formats.knows(METER_A, FormatSignature.crc16(new byte[0])));
  }

  @Test
  void malformedFullRecords_areRejectedAndTeachNothing() throws Exception {
    CompactFormats formats = new CompactFormats();
    byte[] cutShort = Hex.parse("0413 0100");

    FrameRejectedException e =
        assertThrows(FrameRejectedException.class, () -> formats.learn(METER_A, cutShort));

    assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
    assertFalse(formats.knows(METER_A, FormatSignature.crc16(Hex.parse("0413"))));
  }

  @Test
  void boundsAndSixteenBitFields_areCheckedAtTheBoundary() {
    IllegalArgumentException bound =
        assertThrows(IllegalArgumentException.class, () -> new CompactFormats(0, 4));
    assertEquals("maxMeters [0] must be at least 1.", bound.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CompactFormats(4, 0));

    CompactFormats formats = new CompactFormats();
    IllegalArgumentException signature =
        assertThrows(
            IllegalArgumentException.class, () -> formats.expand(METER_A, 0x10000, 0, new byte[0]));
    assertEquals("signature [65536] must lie between 0x0000 and 0xFFFF.", signature.getMessage());
    assertThrows(IllegalArgumentException.class, () -> formats.expand(METER_A, 0, -2, new byte[0]));
  }

  @Test
  @Timeout(20)
  void randomBytes_neverThrowAnythingButFrameRejected() {
    Random random = new Random(0x79);
    CompactFormats formats = new CompactFormats(4, 4);
    DeviceIdentity[] meters = {METER_A, METER_B};
    int lastSignature = 0;
    int learnt = 0;
    int expanded = 0;
    for (int i = 0; i < 50_000; i++) {
      DeviceIdentity meter = meters[random.nextInt(meters.length)];
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      try {
        if (random.nextBoolean()) {
          formats.learn(meter, bytes);
          lastSignature = FormatSignature.of(bytes).value();
          learnt++;
        } else {
          int signature = random.nextBoolean() ? lastSignature : random.nextInt(0x10000);
          int crc =
              random.nextBoolean() ? CompactFormats.NO_FULL_FRAME_CRC : random.nextInt(0x10000);
          formats.expand(meter, signature, crc, bytes);
          expanded++;
        }
      } catch (FrameRejectedException expected) {
        // the only exception allowed
      } catch (RuntimeException e) {
        fail("Random input " + Hex.format(bytes) + " threw " + e, e);
      }
    }
    assertTrue(learnt > 100, "learnt only " + learnt);
    assertTrue(expanded > 0, "expanded none");
  }

  private static Vectors.Pair kamheatPair() throws IOException {
    return Vectors.pairs().stream()
        .filter(p -> p.compact().id().equals("wmbusmeters/kamheat/d31cc22361"))
        .findFirst()
        .orElseThrow();
  }
}
