package io.releve.gateway.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.releve.gateway.reading.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object per frame, keys in a fixed order: {@code manufacturer}, {@code id}, {@code
 * version}, {@code medium}, {@code access_number}, {@code status}, {@code status_flags} (the names
 * of {@link StatusFlags#labels()}) when any status bit is set, {@code error_flags} (the numbers of
 * the set bits of the VIF 0xFD 0x17 record, {@link ErrorFlags#setBits()}) when any is set, {@code
 * records[]} (each {@code quantity}, {@code value}, {@code unit}, {@code storage}, {@code tariff},
 * {@code subunit}, {@code function}), then {@code application_error} when the frame reports one.
 * Numbers are written in plain notation, never scientific. Header fields a frame does not carry are
 * null; the flag arrays are left out rather than empty, so that a frame with nothing to report
 * reads as it did before they existed.
 */
public final class DecodedFrameJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private DecodedFrameJson() {}

  public static String toJson(DecodedFrame frame) {
    return toJson(frame, Map.of());
  }

  /**
   * The same object with a {@code link} object last, for radio telegrams: its fields in the order
   * given, each a number, a boolean or a string; none when {@code link} is empty.
   */
  public static String toJson(DecodedFrame frame, Map<String, Object> link) {
    StringWriter out = new StringWriter(256 + 96 * frame.records().size());
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      if (frame.device() == null) {
        json.writeNullField("manufacturer");
        json.writeNullField("id");
        json.writeNullField("version");
      } else {
        json.writeStringField("manufacturer", frame.device().manufacturer());
        json.writeStringField("id", frame.device().id());
        json.writeNumberField("version", frame.device().version());
      }
      json.writeStringField("medium", frame.medium().label());
      writeOptionalNumber(json, "access_number", frame.accessNumber());
      writeOptionalNumber(json, "status", frame.status());
      writeStatusFlags(json, frame);
      writeErrorFlags(json, frame);
      json.writeArrayFieldStart("records");
      for (DecodedRecord record : frame.records()) {
        json.writeStartObject();
        json.writeStringField("quantity", record.quantity().label());
        json.writeFieldName("value");
        if (record.value() instanceof Value.Number number) {
          json.writeNumber(number.amount());
        } else {
          json.writeString(record.value().text());
        }
        json.writeStringField("unit", record.unit().symbol());
        json.writeNumberField("storage", record.storage());
        json.writeNumberField("tariff", record.tariff());
        json.writeNumberField("subunit", record.subunit());
        json.writeStringField("function", record.function().label());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (frame.applicationError().isPresent()) {
        json.writeStringField("application_error", frame.applicationError().get());
      }
      if (!link.isEmpty()) {
        json.writeObjectFieldStart("link");
        for (Map.Entry<String, Object> field : link.entrySet()) {
          json.writeFieldName(field.getKey());
          Object value = field.getValue();
          if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
          } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
          } else {
            json.writeString(String.valueOf(value));
          }
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to a string failed", e);
    }
    return out.toString();
  }

  /** {@code {"error": "…"}} for a rejected line. */
  public static String error(String message) {
    StringWriter out = new StringWriter(message.length() + 16);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to a string failed", e);
    }
    return out.toString();
  }

  private static void writeStatusFlags(JsonGenerator json, DecodedFrame frame) throws IOException {
    if (frame.statusFlags().isEmpty() || frame.statusFlags().get().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("status_flags");
    for (String label : frame.statusFlags().get().labels()) {
      json.writeString(label);
    }
    json.writeEndArray();
  }

  private static void writeErrorFlags(JsonGenerator json, DecodedFrame frame) throws IOException {
    Optional<ErrorFlags> flags = frame.errorFlags();
    if (flags.isEmpty() || flags.get().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("error_flags");
    for (int bit : flags.get().setBits()) {
      json.writeNumber(bit);
    }
    json.writeEndArray();
  }

  private static void writeOptionalNumber(JsonGenerator json, String name, int value)
      throws IOException {
    if (value == DecodedFrame.NOT_PRESENT) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }
}
