package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WiredFrameDecoderTest {
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  private FrameRejectedException rejected(String hex) {
    return assertThrows(FrameRejectedException.class, () -> decoder.decodeHex(hex));
  }

  private FrameRejectedException rejected(byte[] frame) {
    return assertThrows(FrameRejectedException.class, () -> decoder.decode(frame));
  }

  @Test
  void decode_frameWithBadChecksum_isRejectedWithExpectedAndActualChecksum() {
    FrameRejectedException e =
        rejected("6820206808FD7278563412931533032A0000000C1427048502046D32371F1502FD1700008816");
    assertEquals(RejectionReason.BAD_CHECKSUM, e.reason());
    assertEquals(
        "Checksum is wrong: expected 0x89 (sum of C to last data byte), frame has 0x88.",
        e.getMessage());
  }

  @Test
  void decode_singleCharacterAcknowledgement_isNotADataFrame() {
    FrameRejectedException e = rejected("E5");
    assertEquals(RejectionReason.NOT_A_DATA_FRAME, e.reason());
    assertEquals("Single character E5 (acknowledgement) is not a data frame.", e.getMessage());
  }

  @Test
  void decode_shortFrame_isNotADataFrame() {
    assertEquals(RejectionReason.NOT_A_DATA_FRAME, rejected("105B015C16").reason());
  }

  @Test
  void decode_controlFrameAddressedToSlave_isNotADataFrame() {
    byte[] frame = FrameBuilder.longFrame(0x51, "");
    frame[4] = 0x53; // SND_UD
    int sum = (0x53 + 0x01 + 0x51) & 0xFF;
    frame[7] = (byte) sum;
    assertEquals(RejectionReason.NOT_A_DATA_FRAME, rejected(frame).reason());
  }

  @Test
  void decode_badStartByte_isRejectedNamingTheByte() {
    FrameRejectedException e = rejected("6A0404680801700881 16".replace(" ", ""));
    assertEquals(RejectionReason.BAD_START, e.reason());
    assertEquals("Start byte is 0x6A, expected 0x68 (long frame).", e.getMessage());
  }

  @Test
  void decode_badStopByte_isRejected() {
    FrameRejectedException e = rejected("68040468080170088117");
    assertEquals(RejectionReason.BAD_STOP, e.reason());
    assertEquals("Stop byte is 0x17, expected 0x16.", e.getMessage());
  }

  @Test
  void decode_differentLFields_isALengthMismatch() {
    FrameRejectedException e = rejected("68040568080170088116");
    assertEquals(RejectionReason.LENGTH_MISMATCH, e.reason());
    assertEquals("The two L fields differ: 0x04 and 0x05.", e.getMessage());
  }

  @Test
  void decode_lFieldOfZero_isALengthMismatch() {
    assertEquals(RejectionReason.LENGTH_MISMATCH, rejected("680000680816").reason());
  }

  @Test
  void decode_frameCutShort_isTruncatedWithBothLengths() {
    FrameRejectedException e = rejected("680404680801700881");
    assertEquals(RejectionReason.TRUNCATED, e.reason());
    assertEquals("Frame is truncated: L = 4 needs 10 bytes, got 9.", e.getMessage());
  }

  @Test
  void decode_bytesAfterTheStopByte_isALengthMismatch() {
    assertEquals(RejectionReason.LENGTH_MISMATCH, rejected("6804046808017008811600").reason());
  }

  @Test
  void decode_unknownCiField_isUnsupportedNamingTheCi() {
    FrameRejectedException e = rejected(FrameBuilder.longFrame(0x7F, "00"));
    assertEquals(RejectionReason.UNSUPPORTED_CI, e.reason());
    assertTrue(e.getMessage().startsWith("CI field 0x7F is not supported"), e.getMessage());
  }

  @Test
  void decode_longHeaderTooShort_isABadHeader() {
    assertEquals(RejectionReason.BAD_HEADER, rejected("680808680802727856341224B416").reason());
  }

  @Test
  void decode_recordWithElevenDifes_isMalformedWithItsOffset() {
    FrameRejectedException e = rejected(FrameBuilder.withRecords("8B8B8B8B8B8B8B8B8B8B8B601301"));
    assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
    assertEquals(
        "Malformed data record at byte 19 of the frame: more than 10 DIFEs.", e.getMessage());
  }

  @Test
  void decode_recordWhoseDataRunsPastTheFrame_isMalformed() {
    FrameRejectedException e = rejected(FrameBuilder.withRecords("0413393000"));
    assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
    assertEquals(
        "Malformed data record at byte 19 of the frame: the data needs 4 bytes but only 3 remain.",
        e.getMessage());
  }

  @Test
  void decode_recordEndingInsideTheVib_isMalformed() {
    assertEquals(
        RejectionReason.MALFORMED_RECORD, rejected(FrameBuilder.withRecords("0493")).reason());
  }

  @Test
  void decode_encryptedConfigurationField_isUnsupported() {
    String header = FrameBuilder.WATER_HEADER.substring(0, 20) + "0005";
    FrameRejectedException e = rejected(FrameBuilder.longFrame(0x72, header + "0413393000 00"));
    assertEquals(RejectionReason.UNSUPPORTED_CI, e.reason());
  }

  @Test
  void decodeHex_textThatIsNotHex_isBadHexNamingTheCharacter() {
    FrameRejectedException e = rejected("68 04 0G");
    assertEquals(RejectionReason.BAD_HEX, e.reason());
    assertEquals(
        "Hex text has [G] at index 7; only 0-9, A-F and spaces are allowed.", e.getMessage());
  }

  @Test
  void decodeHex_spacesInsideTheHex_areIgnored() throws FrameRejectedException {
    assertEquals(
        "Application busy",
        decoder.decodeHex("68 04 04 68 08 01 70 08 81 16").applicationError().orElseThrow());
  }

  @Test
  void decode_applicationErrorFrame_hasTheErrorTextAndNoIdentity() throws FrameRejectedException {
    DecodedFrame frame = decoder.decodeHex("68040468080170047D16");
    assertEquals("Premature end of record", frame.applicationError().orElseThrow());
    assertEquals(null, frame.device());
    assertEquals(List.of(), frame.records());
  }

  @Test
  void decode_header_givesIdentityWithLeadingZerosAccessNumberAndStatus()
      throws FrameRejectedException {
    DecodedFrame frame =
        decoder.decodeHex(
            "68515168080B7254029904C51400060C27000004782E254C00046D0A0CCD1304134C01000044134B0100008401134C010000426CBF1C026CDF1C043B00000000143B160800000223A70401FD1700049028080000003F16");
    assertEquals("EFE", frame.device().manufacturer());
    assertEquals("04990254", frame.device().id());
    assertEquals(0, frame.device().version());
    assertEquals(0x06, frame.device().type());
    assertEquals(12, frame.accessNumber());
    assertEquals(0x27, frame.status());
  }

  /** Whatever the bytes, the decoder returns a frame or a rejection: never another exception. */
  @Test
  void decode_randomTruncatedAndMutatedBytes_onlyEverThrowsFrameRejected() {
    List<String> seeds =
        List.of(
            "683C3C680808727803491177040E160A0000000C7878034911041331D40000426C0000441300000000046D0B0BCD130227000009FD0E0209FD0F060F00017513D316",
            "6825256808007200000000CD250102000000000D7C025750F096075B2A27A693013DB51AB3DCD13E17D516",
            "68131368080173939291901000056931650000690000003F16",
            "685656680808728003021077041416A10000000C78800302100D7C084449202E747375630A20202020202020202020046D270F791A027C09656D6974202E746162D20F0415B711000004957F000000004415B71100000F00041F0D16");
    Random random = new Random(13757);
    int decoded = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] frame;
      if (i % 4 == 0) {
        frame = new byte[random.nextInt(300)];
        random.nextBytes(frame);
        if (frame.length > 3) {
          frame[0] = 0x68;
        }
      } else {
        byte[] seed = HexFormat.of().parseHex(seeds.get(random.nextInt(seeds.size())));
        frame = i % 4 == 1 ? Arrays.copyOf(seed, random.nextInt(seed.length)) : seed.clone();
        for (int m = random.nextInt(4); m >= 0 && frame.length > 7; m--) {
          frame[7 + random.nextInt(frame.length - 7)] = (byte) random.nextInt(256);
        }
        fixChecksum(frame, i % 4 == 3);
      }
      try {
        decoder.decode(frame);
        decoded++;
      } catch (FrameRejectedException e) {
        assertNotEquals(
            RejectionReason.INTERNAL_ERROR,
            e.reason(),
            () -> HexFormat.of().formatHex(frame) + ": " + e.getMessage());
        assertTrue(!e.getMessage().isBlank());
      }
    }
    assertTrue(decoded > 0, "some mutated frames with a fixed checksum still decode");
  }

  private static void fixChecksum(byte[] frame, boolean fix) {
    if (!fix || frame.length < 6) {
      return;
    }
    int l = frame[1] & 0xFF;
    if (frame.length != l + 6) {
      return;
    }
    int sum = 0;
    for (int i = 4; i < 4 + l; i++) {
      sum += frame[i];
    }
    frame[4 + l] = (byte) sum;
  }
}
