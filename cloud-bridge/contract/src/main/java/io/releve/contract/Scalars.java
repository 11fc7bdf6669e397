package io.releve.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How times and epochs travel: both as JSON strings, written one way only, so that a payload reads
 * and writes back to the same text. Our own (de)serialisers keep the contract on jackson-databind
 * alone.
 */
final class Scalars {

  /** 8-4-4-4-12 hex digits: {@link UUID#fromString} alone would accept {@code 1-2-3-4-5}. */
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Scalars() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("releve-contract-scalars");
    // Instant.toString(): UTC, with milliseconds (or finer) only when there are any
    module.addSerializer(Instant.class, new TextWriter<>());
    module.addDeserializer(Instant.class, new TextReader<>(Instant.class, Scalars::instant));
    module.addSerializer(UUID.class, new TextWriter<>());
    module.addDeserializer(UUID.class, new TextReader<>(UUID.class, Scalars::uuid));
    return module;
  }

  /**
   * Reads an instant in UTC: {@code 2026-11-24T18:00:02.317Z}, fractions of a second optional.
   *
   * @throws ContractException naming the text
   */
  static Instant instant(String text) {
    try {
      if (text.endsWith("Z")) {
        return Instant.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new ContractException(
        "Time ["
            + text
            + "] must be an ISO-8601 instant in UTC, such as 2026-11-24T18:00:02.317Z.");
  }

  /**
   * Reads an epoch, a UUID in its 36-character form.
   *
   * @throws ContractException naming the text
   */
  static UUID uuid(String text) {
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new ContractException(
          "UUID ["
              + text
              + "] must be 32 hex digits grouped 8-4-4-4-12, such as"
              + " 6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13.");
    }
    return UUID.fromString(text);
  }

  /** A value written as its {@code toString()}. */
  private static final class TextWriter<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeString(value.toString());
    }
  }

  /** A value read from a JSON string with {@code parse}, which names what is wrong. */
  private static final class TextReader<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final java.util.function.Function<String, T> parse;

    TextReader(Class<T> type, java.util.function.Function<String, T> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser in, DeserializationContext context) throws IOException {
      if (in.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(context.handleUnexpectedToken(type, in));
      }
      return parse.apply(in.getText());
    }
  }
}
