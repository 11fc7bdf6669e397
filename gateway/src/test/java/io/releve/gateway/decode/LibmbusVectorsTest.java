package io.releve.gateway.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame of libmbus' vector file (see {@code vectors/libmbus/README.md}) through our decoder,
 * compared with what libmbus decodes: header fields, and each record's quantity, scaled value
 * (after converting libmbus' unit to ours), storage, tariff, subunit and function.
 */
class LibmbusVectorsTest {
  private static final String VECTORS = "/vectors/libmbus/mbus-frames.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What we give instead of libmbus' record, and why; {@code value} null means no record. */
  private record Divergence(Quantity quantity, String value, String why) {}

  private static final String BCD_ERROR =
      "BCD data with nibbles above 9: EN 13757-3 Annex A type A gives no number for them (meters"
          + " use them for error states); libmbus turns them into digits anyway. We keep the"
          + " digits as text.";
  private static final String NO_DATE =
      "Date type G 00 00 has day 0 and month 0: not a date by EN 13757-3 Annex A (none set)."
          + " libmbus prints 2000-00-00; we give no record rather than a made-up date.";
  private static final String PULSE_WEIGHT =
      "VIFE 0x28 is 'increment per input pulse on input channel 0' (EN 13757-3 combinable VIFE"
          + " E010 1000): a pulse weight, not a volume index. libmbus ignores the VIFE; we keep"
          + " the raw number as OTHER so it never enters the volume index.";
  private static final String FUTURE_VALUE =
      "VIFE 0x7E is 'future value' (EN 13757-3 combinable VIFE E111 1110): the next set day,"
          + " not a date of storage 1. libmbus ignores the VIFE; we keep the date under OTHER.";

  /** Records where libmbus and EN 13757-3 disagree, by vector id and libmbus record index. */
  private static final Map<String, Divergence> DIVERGENCES =
      Map.of(
          "libmbus/test-frames/ELS_Elster-F96-Plus#4",
          new Divergence(Quantity.POWER, "DDDDEBBD", BCD_ERROR),
          "libmbus/test-frames/ELS_Elster-F96-Plus#5",
          new Divergence(Quantity.VOLUME_FLOW, "DDEBBD", BCD_ERROR),
          "libmbus/test-frames/ACW_Itron-BM-plus-m#2",
          new Divergence(null, null, NO_DATE),
          "libmbus/test-frames/itron_bm_+m#2",
          new Divergence(null, null, NO_DATE),
          "libmbus/test-frames/siemens_water#3",
          new Divergence(null, null, NO_DATE),
          "libmbus/test-frames/EFE_Engelmann-Elster-SensoStar-2#24",
          new Divergence(Quantity.OTHER, "11", PULSE_WEIGHT),
          "libmbus/test-frames/EFE_Engelmann-WaterStar#11",
          new Divergence(Quantity.OTHER, "8", PULSE_WEIGHT),
          "libmbus/test-frames/engelmann_sensostar2c#13",
          new Divergence(Quantity.OTHER, "100000", PULSE_WEIGHT),
          "libmbus/test-frames/els_falcon#4",
          new Divergence(Quantity.OTHER, "2008-01-01", FUTURE_VALUE));

  static Stream<Arguments> vectors() throws IOException {
    List<Arguments> vectors = new ArrayList<>();
    try (InputStream stream = LibmbusVectorsTest.class.getResourceAsStream(VECTORS);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    Objects.requireNonNull(stream, VECTORS), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode vector = MAPPER.readTree(line);
        vectors.add(Arguments.of(vector.get("id").asText(), vector));
      }
    }
    return vectors.stream();
  }

  @Test
  void vectorFile_holdsAll42Frames() throws IOException {
    assertEquals(42, vectors().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decode_libmbusVector_givesWhatLibmbusDecodesOrARejection(String id, JsonNode vector)
      throws FrameRejectedException {
    WiredFrameDecoder decoder = new WiredFrameDecoder();
    String hex = vector.get("hex").asText();
    JsonNode expected = vector.get("expected");
    if (id.equals("libmbus/unsupported-frames/svm_f22_telegram2")) {
      // Framed correctly; the payload is manufacturer data from the first byte (DIF 0x1F). We
      // may decode it partly but must not invent values: no records, the bytes kept raw.
      DecodedFrame frame = decoder.decodeHex(hex);
      assertEquals(List.of(), frame.records());
      assertTrue(frame.moreRecordsFollow());
      assertFalse(frame.manufacturerData().isEmpty());
      return;
    }
    if (vector.get("expect_error").asBoolean()) {
      FrameRejectedException e =
          assertThrows(FrameRejectedException.class, () -> decoder.decodeHex(hex));
      assertFalse(e.getMessage().isBlank());
      return;
    }
    DecodedFrame frame = decoder.decodeHex(hex);
    if (expected.has("application_error")) {
      String libmbusText = expected.get("application_error").asText().replace("´", "");
      assertEquals(libmbusText, frame.applicationError().orElseThrow());
      return;
    }
    assertHeader(expected, frame);
    assertRecords(id, expected, frame);
  }

  private static void assertHeader(JsonNode expected, DecodedFrame frame) {
    assertEquals(expected.get("id").asText(), frame.device().id().replaceFirst("^0+(?=.)", ""));
    if (expected.has("manufacturer")) {
      assertEquals(expected.get("manufacturer").asText(), frame.device().manufacturer());
    }
    if (expected.has("version")) {
      assertEquals(expected.get("version").asInt(), frame.device().version());
    }
    assertEquals(expected.get("access_number").asInt(), frame.accessNumber());
    assertEquals(Integer.parseInt(expected.get("status").asText(), 16), frame.status());
  }

  private static void assertRecords(String id, JsonNode expected, DecodedFrame frame) {
    List<DecodedRecord> ours = frame.records();
    int next = 0;
    for (JsonNode theirs : expected.get("records")) {
      String function = theirs.get("function").asText();
      String where = id + "#" + theirs.get("index").asInt();
      if (function.equals("Manufacturer specific")) {
        // The bytes after DIF 0x0F, kept raw.
        assertEquals(theirs.get("value").asText().replace(" ", ""), frame.manufacturerData());
        continue;
      }
      if (function.equals("More records follow")) {
        assertTrue(frame.moreRecordsFollow(), where);
        continue;
      }
      Divergence divergence = DIVERGENCES.get(where);
      if (divergence != null && divergence.value() == null) {
        continue; // no record on our side
      }
      if (next >= ours.size()) {
        fail(where + ": we decoded fewer records than libmbus");
      }
      DecodedRecord record = ours.get(next++);
      assertRecord(where, theirs, record, divergence);
    }
    assertEquals(next, ours.size(), id + ": we decoded more records than libmbus");
  }

  private static void assertRecord(
      String where, JsonNode theirs, DecodedRecord record, Divergence divergence) {
    if (!theirs.get("storage").isNull()) {
      assertEquals(theirs.get("storage").asInt(), record.storage(), where + " storage");
    }
    if (!theirs.get("tariff").isNull()) {
      assertEquals(theirs.get("tariff").asInt(), record.tariff(), where + " tariff");
    }
    if (!theirs.get("device").isNull()) {
      assertEquals(theirs.get("device").asInt(), record.subunit(), where + " subunit");
    }
    assertEquals(function(theirs.get("function").asText()), record.function(), where);
    if (divergence != null) {
      assertEquals(divergence.quantity(), record.quantity(), where + ": " + divergence.why());
      assertEquals(divergence.value(), record.value().text(), where + ": " + divergence.why());
      return;
    }
    Quantity quantity = direction(quantity(theirs), record.vibHex());
    if (quantity != null) {
      assertEquals(quantity, record.quantity(), where + " quantity");
    }
    String value = theirs.get("value").asText();
    if (record.value() instanceof Value.Number number) {
      BigDecimal ours = inLibmbusUnit(number.amount(), record.unit(), theirs.get("unit").asText());
      BigDecimal libmbus = new BigDecimal(value);
      BigDecimal tolerance =
          libmbus.abs().multiply(new BigDecimal("1e-6")).max(new BigDecimal("1e-6"));
      assertTrue(
          ours.subtract(libmbus).abs().compareTo(tolerance) <= 0,
          () -> where + ": libmbus " + value + ", ours " + number.amount() + " " + record.unit());
    } else if (record.quantity() == Quantity.DATE_TIME) {
      assertEquals(value.replace("Z", ""), record.value().text(), where);
    } else {
      assertEquals(value.replace(" ", ""), record.value().text(), where);
    }
  }

  /**
   * libmbus ignores the VIFEs 0x3B and 0x3C, "accumulation only of positive / of the absolute value
   * of negative contributions" (EN 13757-3 combinable VIFEs E011 1011 and E011 1100): a one-way
   * register, not the net index. We keep them apart, so their quantity differs.
   */
  private static Quantity direction(Quantity libmbus, String vibHex) {
    boolean forward = vibHex.length() >= 4 && vibHex.endsWith("3B");
    boolean backward = vibHex.length() >= 4 && vibHex.endsWith("3C");
    if (libmbus == Quantity.ENERGY && (forward || backward)) {
      return forward ? Quantity.ENERGY_FORWARD : Quantity.ENERGY_BACKWARD;
    }
    if (libmbus == Quantity.VOLUME && (forward || backward)) {
      return forward ? Quantity.VOLUME_FORWARD : Quantity.VOLUME_BACKWARD;
    }
    return libmbus;
  }

  /** Our canonical value expressed in libmbus' normalised unit. */
  private static BigDecimal inLibmbusUnit(BigDecimal value, Unit ours, String libmbusUnit) {
    return switch (libmbusUnit) {
      case "Wh", "W" -> value.movePointRight(3); // ours: kWh, kW
      case "l" -> value.movePointRight(3); // ours: m3
      case "s" -> value.multiply(BigDecimal.valueOf(seconds(ours)));
      default -> value;
    };
  }

  private static long seconds(Unit unit) {
    return switch (unit) {
      case SECOND -> 1;
      case MINUTE -> 60;
      case HOUR -> 3600;
      case DAY -> 86_400;
      default -> throw new AssertionError("not a duration: " + unit);
    };
  }

  private static RecordFunction function(String libmbus) {
    return switch (libmbus) {
      case "Instantaneous value", "Actual value" -> RecordFunction.INSTANTANEOUS;
      case "Maximum value" -> RecordFunction.MAXIMUM;
      case "Minimum value" -> RecordFunction.MINIMUM;
      case "Value during error state" -> RecordFunction.ERROR;
      default -> throw new AssertionError("function " + libmbus);
    };
  }

  /** Our quantity for libmbus' name; null when libmbus gives none we can map. */
  private static Quantity quantity(JsonNode theirs) {
    JsonNode name = theirs.get("quantity");
    if (name.isNull()) {
      return switch (theirs.get("unit").asText()) {
        case "kWh" -> Quantity.ENERGY;
        case "l" -> Quantity.VOLUME;
        default -> null;
      };
    }
    return switch (name.asText()) {
      case "Energy" -> Quantity.ENERGY;
      case "Volume" -> Quantity.VOLUME;
      case "Volume flow" -> Quantity.VOLUME_FLOW;
      case "Power" -> Quantity.POWER;
      case "Flow temperature" -> Quantity.FLOW_TEMPERATURE;
      case "Return temperature" -> Quantity.RETURN_TEMPERATURE;
      case "Temperature difference" -> Quantity.TEMPERATURE_DIFFERENCE;
      case "External temperature" -> Quantity.EXTERNAL_TEMPERATURE;
      case "Time point (date)" -> Quantity.DATE;
      case "Time point (date & time)" -> Quantity.DATE_TIME;
      case "On time" -> Quantity.ON_TIME;
      case "Operating time" -> Quantity.OPERATING_TIME;
      case "Averaging Duration" -> Quantity.AVERAGING_DURATION;
      case "Fabrication No" -> Quantity.FABRICATION_NUMBER;
      case "(Enhanced) Identification" -> Quantity.ENHANCED_IDENTIFICATION;
      case "Firmware version" -> Quantity.FIRMWARE_VERSION;
      case "Software version" -> Quantity.SOFTWARE_VERSION;
      case "Model / Version" -> Quantity.MODEL_VERSION;
      case "Parameter set identification" -> Quantity.PARAMETER_SET;
      case "Error flags" -> Quantity.ERROR_FLAGS;
      case "Digital Input" -> Quantity.DIGITAL_INPUT;
      case "Customer location" -> Quantity.CUSTOMER_LOCATION;
      case "Medium" -> Quantity.DEVICE_TYPE;
      case "Reset counter" -> Quantity.RESET_COUNTER;
      case "Voltage" -> Quantity.VOLTAGE;
      case "Current" -> Quantity.CURRENT;
      case "Dimensionless" -> Quantity.DIMENSIONLESS;
      case "Manufacturer specific" -> Quantity.MANUFACTURER_SPECIFIC;
      default -> Quantity.OTHER; // libmbus shows a plain-text unit ("%RH", "cust. ID", "PW")
    };
  }
}
