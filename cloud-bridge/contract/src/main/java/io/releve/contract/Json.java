package io.releve.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes contract records as JSON and reads them back, checking every field.
 *
 * <p>JSON names are snake_case ({@code received_at}); times are ISO-8601 instants in UTC ({@code
 * 2026-11-24T18:00:02.317Z}); exact decimals travel as strings; nulls are written. Reading is
 * strict about what the contract says (types, required fields, values) and lenient about what it
 * does not: unknown fields are ignored, which is what lets v1 grow by adding fields.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(Scalars.module())
          // the additive rule: a newer writer's fields are ignored
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // "5" is not a number and 5 is not a string: no silent coercion either way
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private Json() {}

  /**
   * The JSON of a contract record, UTF-8.
   *
   * @throws IllegalArgumentException when {@code message} is not something the contract writes
   */
  public static byte[] write(Object message) {
    Objects.requireNonNull(message, "message");
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write a " + message.getClass().getName() + " as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * Reads a payload into a contract record, checking every field.
   *
   * @param payload UTF-8 JSON, as received
   * @param type the record, such as {@link ReadingsMessage} ({@link TopicName.Kind#payload()} says
   *     which)
   * @throws ContractException when the payload is not JSON, lacks a required field or holds a bad
   *     value: the message names the field as a path ({@code readings[2].seq}) and the value
   */
  public static <T> T read(byte[] payload, Class<T> type) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(type, "type");
    try (JsonParser parser = MAPPER.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ContractException("Payload is empty.");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ContractException("Payload must be a JSON object, found " + found(parser) + ".");
      }
      T message = MAPPER.readValue(parser, type);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new ContractException(
            "Payload must hold one JSON object and nothing after it, found "
                + found(parser)
                + " at line "
                + at.getLineNr()
                + ", column "
                + at.getColumnNr()
                + ".");
      }
      return message;
    } catch (JsonProcessingException e) {
      throw JsonErrors.translate(e);
    } catch (IOException e) {
      // a byte array cannot fail to read
      throw new IllegalStateException("Reading a byte array failed", e);
    }
  }

  /**
   * What the parser was on when a read failed, for the message: {@code ["5"]}, {@code [5.5]},
   * {@code an object}, {@code an array}.
   */
  static String found(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (token == JsonToken.START_ARRAY) {
      return "an array";
    }
    if (token == JsonToken.VALUE_STRING) {
      return "[" + MAPPER.writeValueAsString(parser.getText()) + "]";
    }
    String text = parser.getText();
    if ((text == null || text.isEmpty()) && token != null && token.isNumeric()) {
      // a delegating creator may have consumed the number's text already
      text = String.valueOf(parser.getNumberValue());
    }
    return "[" + text + "]";
  }
}
