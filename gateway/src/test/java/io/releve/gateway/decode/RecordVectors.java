package io.releve.gateway.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The real radio telegrams of {@code vectors/wmbus-records/} (see its README): the bytes, what
 * wmbusmeters reads from them, and their data records parsed by {@link DataRecordParser}.
 */
final class RecordVectors {
  private static final String FILE = "/vectors/wmbus-records/telegrams.jsonl";
  private static final Map<String, JsonNode> BY_ID = load();

  private RecordVectors() {}

  /** The telegram's bytes, from the L field to the last data byte (no CRC in these vectors). */
  static byte[] bytes(String id) {
    return HexFormat.of().parseHex(vector(id).get("hex").asText());
  }

  /** What wmbusmeters reads from the telegram. */
  static JsonNode expected(String id) {
    return vector(id).get("expected");
  }

  /**
   * The records of the telegram's plaintext application data, which start at byte {@code recordsAt}
   * (after the transport layer header, or after the 2F2F that follows decryption).
   */
  static DataRecordParser.Body records(String id, int recordsAt) throws FrameRejectedException {
    byte[] telegram = bytes(id);
    return DataRecordParser.parse(telegram, recordsAt, telegram.length);
  }

  private static JsonNode vector(String id) {
    return Objects.requireNonNull(BY_ID.get(id), () -> "no vector " + id + " in " + FILE);
  }

  private static Map<String, JsonNode> load() {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> vectors = new HashMap<>();
    try (InputStream stream = RecordVectors.class.getResourceAsStream(FILE);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    Objects.requireNonNull(stream, FILE), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode vector = mapper.readTree(line);
        vectors.put(vector.get("id").asText(), vector);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + FILE + " failed", e);
    }
    return vectors;
  }
}
