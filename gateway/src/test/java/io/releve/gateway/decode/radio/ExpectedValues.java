package io.releve.gateway.decode.radio;

import com.fasterxml.jackson.databind.JsonNode;
import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.DecodedRecord;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a decoded telegram with what another decoder expects: numbers, not names. Each expected
 * number with a known dimension must equal the value of some record of that dimension once both are
 * in the same unit; header fields are compared directly.
 */
final class ExpectedValues {

  /** A dimension and the factor from one of our units to the dimension's reference unit. */
  private record Scale(String dimension, double factor) {}

  private static final Map<Unit, Scale> SCALES = new EnumMap<>(Unit.class);

  static {
    SCALES.put(Unit.CUBIC_METRE, new Scale("m3", 1));
    SCALES.put(Unit.LITRE, new Scale("m3", 1e-3));
    SCALES.put(Unit.WATT_HOUR, new Scale("kwh", 1e-3));
    SCALES.put(Unit.KILOWATT_HOUR, new Scale("kwh", 1));
    SCALES.put(Unit.MEGAWATT_HOUR, new Scale("kwh", 1e3));
    SCALES.put(Unit.JOULE, new Scale("kwh", 1 / 3.6e6));
    SCALES.put(Unit.KILOJOULE, new Scale("kwh", 1 / 3.6e3));
    SCALES.put(Unit.MEGAJOULE, new Scale("kwh", 1 / 3.6));
    SCALES.put(Unit.GIGAJOULE, new Scale("kwh", 1e3 / 3.6));
    SCALES.put(Unit.WATT, new Scale("kw", 1e-3));
    SCALES.put(Unit.KILOWATT, new Scale("kw", 1));
    SCALES.put(Unit.MEGAWATT, new Scale("kw", 1e3));
    SCALES.put(Unit.CUBIC_METRE_PER_HOUR, new Scale("m3h", 1));
    SCALES.put(Unit.CUBIC_METRE_PER_MINUTE, new Scale("m3h", 60));
    SCALES.put(Unit.CUBIC_METRE_PER_SECOND, new Scale("m3h", 3600));
    SCALES.put(Unit.LITRE_PER_HOUR, new Scale("m3h", 1e-3));
    SCALES.put(Unit.CELSIUS, new Scale("c", 1));
    SCALES.put(Unit.SECOND, new Scale("s", 1));
    SCALES.put(Unit.MINUTE, new Scale("s", 60));
    SCALES.put(Unit.HOUR, new Scale("s", 3600));
    SCALES.put(Unit.DAY, new Scale("s", 86400));
    SCALES.put(Unit.HCA, new Scale("hca", 1));
    SCALES.put(Unit.VOLT, new Scale("v", 1));
    SCALES.put(Unit.AMPERE, new Scale("a", 1));
    SCALES.put(Unit.PERCENT, new Scale("pct", 1));
    SCALES.put(Unit.NONE, new Scale("count", 1));
  }

  /** wmbusmeters field suffixes: dimension and factor to the reference unit. */
  private static final Map<String, Scale> WMBUSMETERS_SUFFIXES =
      Map.of(
          "m3", new Scale("m3", 1),
          "kwh", new Scale("kwh", 1),
          "kw", new Scale("kw", 1),
          "m3h", new Scale("m3h", 1),
          "c", new Scale("c", 1),
          "h", new Scale("s", 3600),
          "s", new Scale("s", 1),
          "hca", new Scale("hca", 1),
          "v", new Scale("v", 1),
          "rh", new Scale("pct", 1));

  /** wireless-mbus-parser units. */
  private static final Map<String, Scale> PARSER_UNITS =
      Map.of(
          "Wh", new Scale("kwh", 1e-3),
          "m³", new Scale("m3", 1),
          "m³/h", new Scale("m3h", 1),
          "°C", new Scale("c", 1),
          "h", new Scale("s", 3600));

  private ExpectedValues() {}

  /** What differs; empty when everything expected was found. */
  static List<String> mismatches(WmbusVectors.Vector vector, RadioTelegram telegram) {
    DecodedFrame frame = telegram.frame();
    JsonNode expected = vector.expected();
    List<String> out = new ArrayList<>();
    if (expected == null || expected.isNull()) {
      return out;
    }
    switch (vector.source()) {
      case "wmbusmeters" -> wmbusmeters(expected, frame, out);
      case "jmbus" -> jmbus(expected, frame, out);
      default -> parser(expected, telegram, out);
    }
    return out;
  }

  private static void wmbusmeters(JsonNode expected, DecodedFrame frame, List<String> out) {
    if (expected.has("id") && !expected.get("id").asText().equalsIgnoreCase(frame.device().id())) {
      out.add("id " + expected.get("id").asText() + " != " + frame.device().id());
    }
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isNumber()) {
        continue;
      }
      String name = field.getKey();
      Scale scale = WMBUSMETERS_SUFFIXES.get(name.substring(name.lastIndexOf('_') + 1));
      if (scale != null) {
        double value = field.getValue().asDouble() * scale.factor();
        if (!found(frame, scale.dimension(), value)) {
          out.add(name + " = " + field.getValue().asText() + " not among the records");
        }
      }
    }
  }

  private static void jmbus(JsonNode expected, DecodedFrame frame, List<String> out) {
    header(expected, "manufacturer", frame.device().manufacturer(), out);
    header(expected, "device_id", frame.device().id(), out);
    if (expected.has("version") && expected.get("version").asInt() != frame.device().version()) {
      out.add("version " + expected.get("version") + " != " + frame.device().version());
    }
    for (JsonNode check : expected.path("records_checked")) {
      double value = check.get("scaled_value").asDouble();
      double tolerance = check.path("tolerance").asDouble(1e-6);
      boolean any = false;
      for (DecodedRecord record : frame.records()) {
        if (record.value() instanceof Value.Number n) {
          double ours = n.amount().doubleValue();
          Scale scale = SCALES.get(record.unit());
          double reference = scale == null ? ours : ours * scale.factor();
          // jmbus keeps the unit of the VIF: Wh, m3, °C, seconds or hours
          any |=
              close(ours, value, tolerance)
                  || close(reference, value, tolerance)
                  || close(reference * 1e3, value, tolerance)
                  || close(reference / 3600, value, tolerance);
        }
      }
      if (!any) {
        out.add("jmbus value " + value + " not among the records");
      }
    }
  }

  private static void parser(JsonNode expected, RadioTelegram telegram, List<String> out) {
    DecodedFrame frame = telegram.frame();
    // with no TPL access number, wireless-mbus-parser shows 0 where we give the ELL's
    boolean tplAccess = telegram.link().tplCi() == 0x7A || telegram.link().tplCi() == 0x72;
    JsonNode info = expected.path("deviceInformation");
    header(info, "Id", frame.device().id(), out);
    header(info, "Manufacturer", frame.device().manufacturer(), out);
    if (info.has("Version") && info.get("Version").asInt() != frame.device().version()) {
      out.add("Version " + info.get("Version") + " != " + frame.device().version());
    }
    if (tplAccess
        && info.has("AccessNumber")
        && info.get("AccessNumber").asInt() != frame.accessNumber()) {
      out.add("AccessNumber " + info.get("AccessNumber") + " != " + frame.accessNumber());
    }
    for (JsonNode record : expected.path("dataRecord")) {
      Scale scale = PARSER_UNITS.get(record.path("unit").asText());
      JsonNode value = record.get("value");
      if (scale == null || value == null) {
        continue;
      }
      double number;
      try {
        number = new BigDecimal(value.asText()).doubleValue() * scale.factor();
      } catch (NumberFormatException e) {
        continue; // a date or text: compared elsewhere by the record parser's own tests
      }
      if (!found(frame, scale.dimension(), number)) {
        out.add(record.path("description").asText() + " = " + value.asText() + " not found");
      }
    }
  }

  private static void header(JsonNode node, String name, String ours, List<String> out) {
    if (node.has(name) && !node.get(name).asText().equalsIgnoreCase(ours)) {
      out.add(name + " " + node.get(name).asText() + " != " + ours);
    }
  }

  private static boolean found(DecodedFrame frame, String dimension, double value) {
    for (DecodedRecord record : frame.records()) {
      Scale scale = SCALES.get(record.unit());
      if (scale != null
          && scale.dimension().equals(dimension)
          && record.value() instanceof Value.Number n
          && close(n.amount().doubleValue() * scale.factor(), value, 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean close(double a, double b, double tolerance) {
    return Math.abs(a - b) <= Math.max(tolerance, 1e-6 + 1e-9 * Math.abs(b));
  }
}
