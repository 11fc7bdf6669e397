package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The format signature and record layout of full frames, checked on real Kamstrup pairs of a full
 * frame and the compact frame that follows it ({@code vectors/wmbus/compact.jsonl}).
 */
class FormatSignatureTest {

  static Stream<Vectors.Pair> kamstrupPairs() throws IOException {
    return Vectors.pairs().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kamstrupPairs")
  void signatureOfTheFullFrame_equalsTheSignatureItsCompactFrameAnnounces(Vectors.Pair pair)
      throws FrameRejectedException {
    FormatSignature format = FormatSignature.of(pair.full().records());

    assertEquals(hex4(pair.compact().signature()), hex4(format.value()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kamstrupPairs")
  void crcOfTheFullFrameRecords_equalsTheFullFrameCrcOfItsCompactFrame(Vectors.Pair pair) {
    assertEquals(
        hex4(pair.compact().fullFrameCrc()), hex4(FormatSignature.crc16(pair.full().records())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kamstrupPairs")
  void dataLengthsOfTheFullFrame_addUpToTheCompactFrameData(Vectors.Pair pair)
      throws FrameRejectedException {
    int[] lengths = FormatSignature.of(pair.full().records()).dataLengths();

    assertEquals(pair.compact().records().length, Arrays.stream(lengths).sum());
  }

  @Test
  void crc16_ofTheCatalogueCheckString_is0xC2B7() {
    // CRC-16/EN-13757 in Greg Cook's catalogue of parametrised CRC algorithms (reveng):
    // poly 0x3D65, init 0x0000, no reflection, xorout 0xFFFF, check 0xC2B7 over "123456789".
    assertEquals(0xC2B7, FormatSignature.crc16("123456789".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void kamheatFullFrame_hasTheHeadersAndDataLengthsOfItsSixRecords() throws Exception {
    Vectors.Telegram full = Vectors.byId().get("wmbusmeters/kamheat/07c8409149");

    FormatSignature format = FormatSignature.of(full.records());

    assertEquals(6, format.recordCount());
    assertEquals("030E430E0313426C022D01FF21", Hex.format(format.headerBytes()));
    assertArrayEquals(new int[] {3, 3, 3, 2, 2, 1}, format.dataLengths());
    assertFalse(format.endsWithManufacturerData());
  }

  @Test
  void idleFillersAndManufacturerData_areNotPartOfTheSignature() throws Exception {
    FormatSignature plain = FormatSignature.of(Hex.parse("0413 01020304"));
    FormatSignature padded = FormatSignature.of(Hex.parse("2F 0413 01020304 2F2F 0F AABBCC"));

    assertEquals(plain.value(), padded.value());
    assertEquals("0413", Hex.format(padded.headerBytes()));
    assertArrayEquals(new int[] {4}, padded.dataLengths());
    assertTrue(padded.endsWithManufacturerData());
    assertEquals(FormatSignature.crc16(Hex.parse("0413")), plain.value());
  }

  @Test
  void plainTextUnit_isPartOfTheHeader() throws Exception {
    FormatSignature format = FormatSignature.of(Hex.parse("02FC03414243 74 1234"));

    assertEquals("02FC0341424374", Hex.format(format.headerBytes()));
    assertArrayEquals(new int[] {2}, format.dataLengths());
  }

  @Test
  void variableLengthRecord_takesItsLvarByteWithItsData() throws Exception {
    FormatSignature format = FormatSignature.of(Hex.parse("0D78 03414243 0413 01000000"));

    assertArrayEquals(new int[] {FormatSignature.LVAR, 4}, format.dataLengths());
    assertEquals(
        "0D7802616204130A000000", Hex.format(format.expand(Hex.parse("02 6162 0A000000"))));
  }

  @Test
  void expand_putsEachHeaderBeforeItsData() throws Exception {
    FormatSignature format = FormatSignature.of(Hex.parse("0413 01020304 02FD17 0000"));

    assertEquals("04131122334402FD175566", Hex.format(format.expand(Hex.parse("11223344 5566"))));
  }

  @Test
  void expand_givesTheRemainingBytesToTheManufacturerData() throws Exception {
    FormatSignature format = FormatSignature.of(Hex.parse("0413 01020304 1F AABB"));

    assertEquals("0413112233441F5566", Hex.format(format.expand(Hex.parse("11223344 5566"))));
    assertEquals("0413112233441F", Hex.format(format.expand(Hex.parse("11223344"))));
  }

  @Test
  void expand_withTooFewDataBytes_isRejectedNamingTheSignature() throws Exception {
    FormatSignature format = FormatSignature.of(Hex.parse("0413 01020304 02FD17 0000"));

    FrameRejectedException e =
        assertThrows(FrameRejectedException.class, () -> format.expand(Hex.parse("11223344 55")));

    assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
    assertEquals(
        "compact frame with format signature 0x"
            + hex4(format.value())
            + " carries 5 data bytes, too few for the records of its full frame.",
        e.getMessage());
  }

  @Test
  void expand_withDataBytesLeftOver_isRejectedNamingTheCounts() throws Exception {
    FormatSignature format = FormatSignature.of(Hex.parse("0413 01020304"));

    FrameRejectedException e =
        assertThrows(FrameRejectedException.class, () -> format.expand(Hex.parse("1122334455")));

    assertEquals(RejectionReason.MALFORMED_RECORD, e.reason());
    assertEquals(
        "compact frame with format signature 0x"
            + hex4(format.value())
            + " carries 5 data bytes but the records of its full frame take 4.",
        e.getMessage());
  }

  @Test
  void malformedFullRecords_areRejectedWithTheRecordOffset() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("0413 01020304 84", "at byte 6 of the full frame's records: the DIB ends");
    cases.put("3F13", "at byte 0 of the full frame's records: DIF 0x3F is reserved");
    cases.put("0D13 F7", "at byte 0 of the full frame's records: LVAR 0xF7 is reserved");
    cases.put("0413 0102", "the data needs 4 bytes but only 2 remain");
    cases.put("04", "the record has no VIF");
    cases.put("0493", "the VIB ends with the records (VIFE missing)");
    cases.put("047B 00", "VIF 0x7B is reserved");
    cases.put("047C 05 4142", "the plain-text VIF runs past the end of the records");
    cases.put("8080808080808080808080 13", "more than 10 DIFEs");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      FrameRejectedException e =
          assertThrows(
              FrameRejectedException.class,
              () -> FormatSignature.of(Hex.parse(c.getKey())),
              c.getKey());
      assertEquals(RejectionReason.MALFORMED_RECORD, e.reason(), c.getKey());
      assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + ": " + e.getMessage());
    }
  }

  @Test
  void sameHeaders_makeEqualFormatsWhateverTheData() throws Exception {
    FormatSignature one = FormatSignature.of(Hex.parse("0413 01020304"));
    FormatSignature other = FormatSignature.of(Hex.parse("0413 AABBCCDD"));

    assertEquals(one, other);
    assertEquals(one.hashCode(), other.hashCode());
  }

  static String hex4(int value) {
    return String.format(Locale.ROOT, "%04X", value);
  }

  /**
   * The telegrams of {@code vectors/wmbus/compact.jsonl}, taken apart by hand: data-link header (L
   * C M A, 10 bytes), an optional ELL (CI 0x8D: CC, ACC, session number and payload CRC, 9 bytes
   * with its CI), then the transport CI: 0x78 (no header) followed by the records, or 0x79 followed
   * by signature, full-frame CRC (both least significant byte first) and the data. Bytes beyond L +
   * 1 (an appended RSSI) are dropped. None of these telegrams is encrypted.
   */
  static final class Vectors {
    static final String FILE = "/vectors/wmbus/compact.jsonl";
    private static final int CI_ELL_LONG = 0x8D;
    private static final int ELL_LONG_SIZE = 9;
    private static final int CI_NO_HEADER = 0x78;
    private static final int CI_COMPACT = 0x79;

    /** One telegram: its meter, its transport CI and what follows it. */
    record Telegram(
        String id,
        DeviceIdentity meter,
        int ci,
        int signature,
        int fullFrameCrc,
        byte[] records,
        List<String> precedingHex) {
      /** For CI 0x79, the compact data after signature and CRC; else the full records. */
      @Override
      public byte[] records() {
        return records.clone();
      }

      @Override
      public String toString() {
        return id;
      }
    }

    /** A compact frame and the full frame that defines its format. */
    record Pair(Telegram full, Telegram compact) {
      @Override
      public String toString() {
        return compact.id() + " after " + full.id();
      }
    }

    private Vectors() {}

    static Map<String, Telegram> byId() throws IOException {
      Map<String, Telegram> telegrams = new LinkedHashMap<>();
      ObjectMapper mapper = new ObjectMapper();
      try (InputStream in = Objects.requireNonNull(Vectors.class.getResourceAsStream(FILE), FILE);
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = mapper.readTree(line);
          List<String> preceding = new ArrayList<>();
          node.path("preceding_hex").forEach(h -> preceding.add(h.asText()));
          String id = node.get("id").asText();
          telegrams.put(id, parse(id, node.get("hex").asText(), preceding));
        }
      }
      return telegrams;
    }

    /**
     * Every compact frame with its full frame: the one named in {@code preceding_hex}, or else the
     * full frame (CI 0x78) of the same meter in the file.
     */
    static List<Pair> pairs() throws IOException {
      Map<String, Telegram> telegrams = byId();
      List<Pair> pairs = new ArrayList<>();
      for (Telegram compact : telegrams.values()) {
        if (compact.ci() != CI_COMPACT) {
          continue;
        }
        Telegram full = null;
        if (!compact.precedingHex().isEmpty()) {
          full = parse(compact.id() + "/preceding", compact.precedingHex().get(0), List.of());
        } else {
          for (Telegram t : telegrams.values()) {
            if (t.ci() == CI_NO_HEADER && t.meter().equals(compact.meter())) {
              full = t;
            }
          }
        }
        if (full != null) {
          pairs.add(new Pair(full, compact));
        }
      }
      return pairs;
    }

    static Telegram parse(String id, String hex, List<String> preceding) {
      byte[] b;
      try {
        b = Hex.parse(hex);
      } catch (FrameRejectedException e) {
        throw new IllegalStateException("Vector " + id + " is not hex.", e);
      }
      b = Arrays.copyOf(b, (b[0] & 0xFF) + 1);
      int m = (b[2] & 0xFF) | (b[3] & 0xFF) << 8;
      String manufacturer =
          ""
              + (char) ('@' + (m >> 10 & 0x1F))
              + (char) ('@' + (m >> 5 & 0x1F))
              + (char) ('@' + (m & 0x1F));
      String meterId =
          String.format(
              Locale.ROOT, "%02X%02X%02X%02X", b[7] & 0xFF, b[6] & 0xFF, b[5] & 0xFF, b[4] & 0xFF);
      DeviceIdentity meter = new DeviceIdentity(manufacturer, meterId, b[8] & 0xFF, b[9] & 0xFF);
      int p = 10;
      if ((b[p] & 0xFF) == CI_ELL_LONG) {
        p += ELL_LONG_SIZE;
      }
      int ci = b[p++] & 0xFF;
      if (ci == CI_COMPACT) {
        int signature = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
        int crc = (b[p + 2] & 0xFF) | (b[p + 3] & 0xFF) << 8;
        return new Telegram(
            id, meter, ci, signature, crc, Arrays.copyOfRange(b, p + 4, b.length), preceding);
      }
      if (ci != CI_NO_HEADER) {
        throw new IllegalStateException(
            "Vector " + id + " has CI " + Integer.toHexString(ci) + ", not 0x78 or 0x79.");
      }
      return new Telegram(id, meter, ci, -1, -1, Arrays.copyOfRange(b, p, b.length), preceding);
    }
  }
}
