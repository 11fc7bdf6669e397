package io.releve.gateway.decode.radio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The wireless vectors of {@code vectors/wmbus/README.md}, read from the test classpath. */
final class WmbusVectors {
  static final String FILE = "/vectors/wmbus/wmbus-telegrams.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One line of the file. */
  record Vector(JsonNode json) {
    String id() {
      return json.get("id").asText();
    }

    String source() {
      return json.get("source").asText();
    }

    byte[] telegram() {
      return HexFormat.of().parseHex(json.get("hex").asText());
    }

    List<byte[]> preceding() {
      List<byte[]> out = new ArrayList<>();
      JsonNode node = json.get("preceding_hex");
      if (node != null && node.isArray()) {
        node.forEach(h -> out.add(HexFormat.of().parseHex(h.asText())));
      }
      return out;
    }

    Optional<byte[]> key() {
      JsonNode key = json.get("key");
      return key == null || key.isNull()
          ? Optional.empty()
          : Optional.of(HexFormat.of().parseHex(key.asText()));
    }

    boolean expectError() {
      return json.get("expect_error").asBoolean();
    }

    boolean crcPresent() {
      return json.path("dll_crc_present").asBoolean(false);
    }

    JsonNode expected() {
      return json.get("expected");
    }

    @Override
    public String toString() {
      return id();
    }
  }

  private WmbusVectors() {}

  static List<Vector> all() {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in = WmbusVectors.class.getResourceAsStream(FILE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          vectors.add(new Vector(MAPPER.readTree(line)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  /** A decoder holding this vector's key (for every meter) and fed its preceding telegrams. */
  static RadioDecoder decoderFor(Vector vector) {
    KeyLookup keys =
        vector.key().isPresent()
            ? device -> Optional.of(vector.key().get().clone())
            : KeyLookup.NONE;
    RadioDecoder decoder = new RadioDecoder(keys, new CompactFormats());
    List<byte[]> earlier = new ArrayList<>(vector.preceding());
    if (earlier.isEmpty() && !vector.expectError()) {
      // as a stick would have heard them: the other telegrams of the same meter in the set
      for (Vector other : all()) {
        if (other != vector && sameSender(other.telegram(), vector.telegram())) {
          earlier.add(other.telegram());
        }
      }
    }
    for (byte[] telegram : earlier) {
      try {
        decoder.decode(telegram, null);
      } catch (io.releve.gateway.decode.FrameRejectedException e) {
        // a preceding telegram that does not decode teaches nothing; the vector itself decides
      }
    }
    return decoder;
  }

  /** Same M and A fields (manufacturer, id, version, type) in the data-link header. */
  private static boolean sameSender(byte[] a, byte[] b) {
    return a.length > 10
        && b.length > 10
        && java.util.Arrays.equals(a, 2, 10, b, 2, 10)
        && !java.util.Arrays.equals(a, b);
  }
}
