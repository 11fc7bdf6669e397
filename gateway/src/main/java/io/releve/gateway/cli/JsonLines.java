package io.releve.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON output: one object per line, numbers exactly as stored (12.340 stays 12.340). */
final class JsonLines {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String line(ObjectNode node) throws JsonProcessingException {
    return MAPPER.writeValueAsString(node);
  }

  private JsonLines() {}
}
