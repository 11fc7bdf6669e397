package io.releve.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.TelegramSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Multical 21 and flowIQ 2200 telegrams of the wireless vector set ({@code
 * vectors/wmbus/wmbus-telegrams.jsonl}) through our radio decoder and {@link MeterAlarms}: the
 * conditions must be those of the {@code status} wmbusmeters expects.
 */
class KamstrupGoldenTelegramsTest {
  private static final String VECTORS = "/vectors/wmbus/wmbus-telegrams.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** wmbusmeters' status names (kamwater driver) and our conditions. */
  private static final Map<String, MeterCondition> STATUS_NAMES =
      Map.of(
          "DRY", MeterCondition.DRY,
          "REVERSE", MeterCondition.BACKFLOW,
          "LEAK", MeterCondition.LEAK,
          "BURST", MeterCondition.BURST,
          "TAMPER", MeterCondition.TAMPER);

  /**
   * The full frame of Multical 21 44556677, which the vector set lacks: without it its compact
   * frame cannot be read. Telegram bytes from the test block of wmbusmeters {@code
   * drivers/src/kamwater.xmq} at commit 07f887f68ade76b1676520f765bb00e16e12a22b ("Vadden").
   */
  private static final String VADDEN_FULL_FRAME =
      "2D442D2C776655441B168D2083B48D3A2046887802FF20000004132F4E000092013B3D01A1015B028101E7FF0F03";

  private final TelegramSession session = new TelegramSession(KeyLookup.NONE);

  @Test
  void multical21FullFrameWithDryInfoCode_reportsDry() throws Exception {
    JsonNode vector = vector("wmbusmeters/multical21/68fde52921");
    List<MeterAlarm> alarms = alarms(vector);
    assertEquals(expectedConditions(vector), conditions(alarms));
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.DRY, "Kamstrup info code 0x0071, bit 0 (record 02 FF 20)")),
        alarms);
  }

  @Test
  void multical21CompactFrameAfterItsFullFrame_reportsDry() throws Exception {
    // the same meter's full frame (encrypted, with its key) teaches the compact format
    alarms(vector("wmbusmeters/multical21/68fde52921"));
    JsonNode vector = vector("wmbusmeters/multical21/187bda6a7e");
    assertEquals(List.of(MeterCondition.DRY), expectedConditions(vector));
    assertEquals(expectedConditions(vector), conditions(alarms(vector)));
  }

  @Test
  void multical21CompactFrameWithoutCondition_reportsNothing() throws Exception {
    session.decode(hex(VADDEN_FULL_FRAME), null, TelegramSession.Kind.RADIO, null);
    JsonNode vector = vector("wmbusmeters/multical21/bbfd94c4b6");
    assertEquals(List.of(), expectedConditions(vector));
    assertEquals(List.of(), alarms(vector));
  }

  @Test
  void flowIq2200FullFrameWithoutCondition_reportsNothing() throws Exception {
    JsonNode vector = vector("wmbusmeters/flowiq2200/c7f863f6a9");
    assertEquals(List.of(), expectedConditions(vector));
    assertEquals(List.of(), alarms(vector));
  }

  /** Decodes the vector's telegram in this test's session, with its key, and reads its alarms. */
  private List<MeterAlarm> alarms(JsonNode vector) throws Exception {
    JsonNode key = vector.get("key");
    TelegramSession.Decoded decoded =
        session.decode(
            hex(vector.get("hex").asText()),
            key.isNull() ? null : hex(key.asText()),
            TelegramSession.Kind.RADIO,
            null);
    boolean compact = decoded.radio().orElseThrow().tplCi() == 0x79;
    assertEquals(compact, decoded.radio().orElseThrow().compactSignature().isPresent());
    assertTrue(decoded.frame().records().size() > 1, "records of " + vector.get("id"));
    return MeterAlarms.of(decoded.frame());
  }

  /** The conditions of the vector's expected wmbusmeters status ("OK", "DRY", "DRY LEAK"…). */
  private static List<MeterCondition> expectedConditions(JsonNode vector) {
    String status = vector.get("expected").get("status").asText();
    if (status.equals("OK")) {
      return List.of();
    }
    return Arrays.stream(status.split(" "))
        .map(
            name -> {
              MeterCondition condition = STATUS_NAMES.get(name);
              if (condition == null) {
                throw new AssertionError("status [" + name + "] has no condition");
              }
              return condition;
            })
        .sorted()
        .toList();
  }

  private static List<MeterCondition> conditions(List<MeterAlarm> alarms) {
    return alarms.stream().map(MeterAlarm::condition).toList();
  }

  private static JsonNode vector(String id) throws IOException {
    try (InputStream in = KamstrupGoldenTelegramsTest.class.getResourceAsStream(VECTORS);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode vector = MAPPER.readTree(line);
          if (vector.get("id").asText().equals(id)) {
            return vector;
          }
        }
      }
    }
    throw new AssertionError("no vector " + id + " in " + VECTORS);
  }

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text);
  }
}
