package io.releve.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON output: one object per line, or one indented document; numbers exactly as stored (12.340
 * stays 12.340).
 */
final class JsonLines {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  /**
   * Two spaces per level, arrays one element per line, {@code "key": value}, {@code []} when empty,
   * and LF whatever the platform: the same bytes everywhere, for the tests and for diffs.
   */
  private static final ObjectWriter INDENTED =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String line(ObjectNode node) throws JsonProcessingException {
    return MAPPER.writeValueAsString(node);
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** {@code node} as an indented document, without a final line end. */
  static String indented(JsonNode node) throws JsonProcessingException {
    return INDENTED.writeValueAsString(node);
  }

  private JsonLines() {}
}
