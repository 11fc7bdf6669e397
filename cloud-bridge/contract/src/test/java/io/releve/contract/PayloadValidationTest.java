package io.releve.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each field of each message, missing or bad, is refused with a message naming it and its value.
 * The payloads are the golden files with one field changed.
 */
class PayloadValidationTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** Marks a field to remove rather than to set. */
  private static final String ABSENT = "<absent>";

  static Stream<Arguments> badFields() {
    return Stream.of(
        // every message: the version
        bad(Golden.READINGS, "/v", ABSENT, "Field [v] is missing or null."),
        bad(Golden.READINGS, "/v", "2", "Field [v] must be 1 on this topic root, found [2]."),
        bad(Golden.ACK, "/v", "0", "Field [v] must be 1 on this topic root, found [0]."),
        bad(Golden.COMMAND_REQUEST, "/v", ABSENT, "Field [v] is missing or null."),
        bad(
            Golden.COMMAND_RESPONSE,
            "/v",
            "\"1\"",
            "Field [v] must be a whole number, found [\"1\"]."),
        // readings: the batch
        bad(Golden.READINGS, "/gateway", ABSENT, "Field [gateway] is missing or null."),
        bad(
            Golden.READINGS,
            "/gateway",
            "\"rl042_gw1\"",
            "Field [gateway] is not valid: Gateway id [rl042_gw1] must contain only lower-case"
                + " letters, digits and hyphens, found [_] at index 5."),
        bad(Golden.READINGS, "/gateway", "42", "Field [gateway] must be a string, found [42]."),
        bad(Golden.READINGS, "/epoch", ABSENT, "Field [epoch] is missing or null."),
        bad(
            Golden.READINGS,
            "/epoch",
            "\"6f1c2a9e\"",
            "Field [epoch] is not valid: UUID [6f1c2a9e] must be 32 hex digits grouped"
                + " 8-4-4-4-12, such as 6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13."),
        bad(Golden.READINGS, "/readings", ABSENT, "Field [readings] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings",
            "[]",
            "Field [readings] must hold at least one entry, found none."),
        bad(
            Golden.READINGS,
            "/readings",
            "{}",
            "Field [readings] must be an array, found an object."),
        bad(Golden.READINGS, "/readings/1", "null", "Field [readings[1]] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings/1/seq",
            "41",
            "Field [readings[1].seq] must be greater than the seq before it (41): seqs of a batch"
                + " strictly increase, found [41]."),
        // readings: one entry
        bad(
            Golden.READINGS,
            "/readings/0/seq",
            ABSENT,
            "Field [readings[0].seq] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings/0/seq",
            "null",
            "Field [readings[0].seq] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings/0/seq",
            "0",
            "Field [readings[0].seq] must be at least 1, found [0]."),
        bad(
            Golden.READINGS,
            "/readings/0/seq",
            "\"41\"",
            "Field [readings[0].seq] must be a whole number, found [\"41\"]."),
        bad(
            Golden.READINGS,
            "/readings/0/seq",
            "41.5",
            "Field [readings[0].seq] must be a whole number, found [41.5]."),
        bad(
            Golden.READINGS,
            "/readings/2/device",
            "\"QDS-3000010-35-08\"",
            "Field [readings[2].device] must be a device key such as LUG-12345678-0A-07, found"
                + " [QDS-3000010-35-08]."),
        bad(
            Golden.READINGS,
            "/readings/0/medium",
            "\"Cold water\"",
            "Field [readings[0].medium] must be 1 to 64 lower-case letters, digits or underscores,"
                + " such as cold_water, found [Cold water]."),
        bad(
            Golden.READINGS,
            "/readings/0/quantity",
            ABSENT,
            "Field [readings[0].quantity] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings/0/value",
            "\"1.23456E2\"",
            "Field [readings[0].value] must be a plain decimal such as 123.456 when value_kind is"
                + " number, found [1.23456E2]."),
        bad(
            Golden.READINGS,
            "/readings/0/value",
            "123.456",
            "Field [readings[0].value] must be a string, found [123.456]."),
        bad(
            Golden.READINGS,
            "/readings/0/value_kind",
            "\"decimal\"",
            "Field [readings[0].value_kind] is not valid: Value kind [decimal] must be one of"
                + " [number, text]."),
        bad(
            Golden.READINGS,
            "/readings/0/unit",
            ABSENT,
            "Field [readings[0].unit] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings/0/storage",
            "-1",
            "Field [readings[0].storage] must be at least 0, found [-1]."),
        bad(
            Golden.READINGS,
            "/readings/0/tariff",
            ABSENT,
            "Field [readings[0].tariff] is missing or null."),
        bad(
            Golden.READINGS,
            "/readings/0/function",
            "\"average\"",
            "Field [readings[0].function] is not valid: Function [average] must be one of"
                + " [instantaneous, maximum, minimum, error]."),
        bad(
            Golden.READINGS,
            "/readings/0/meter_time",
            "\"2026-11-24 17:59\"",
            "Field [readings[0].meter_time] is not valid: Time [2026-11-24 17:59] must be an"
                + " ISO-8601 instant in UTC, such as 2026-11-24T18:00:02.317Z."),
        bad(
            Golden.READINGS,
            "/readings/0/received_at",
            "\"2026-11-24T19:00:02.317+01:00\"",
            "Field [readings[0].received_at] is not valid: Time [2026-11-24T19:00:02.317+01:00]"
                + " must be an ISO-8601 instant in UTC, such as 2026-11-24T18:00:02.317Z."),
        bad(
            Golden.READINGS,
            "/readings/0/received_at",
            "1764007202317",
            "Field [readings[0].received_at] must be a string, found [1764007202317]."),
        bad(
            Golden.READINGS,
            "/readings/0/clock_state",
            "\"ntp\"",
            "Field [readings[0].clock_state] is not valid: Clock state [ntp] must be one of"
                + " [synchronised, unsynchronised, retimed]."),
        bad(
            Golden.READINGS,
            "/readings/0/source",
            "\" \"",
            "Field [readings[0].source] must not be blank, found [ ]."),
        bad(
            Golden.READINGS,
            "/readings/2/rssi",
            "\"-71\"",
            "Field [readings[2].rssi] must be a whole number, found [\"-71\"]."),
        bad(
            Golden.READINGS,
            "/readings/0/status",
            "256",
            "Field [readings[0].status] must lie between 0 and 255, found [256]."),
        // events
        bad(
            Golden.EVENTS,
            "/events/1/seq",
            "44",
            "Field [events[1].seq] must be greater than the seq before it (44): seqs of a batch"
                + " strictly increase, found [44]."),
        bad(Golden.EVENTS, "/events/0/at", ABSENT, "Field [events[0].at] is missing or null."),
        bad(
            Golden.EVENTS,
            "/events/0/type",
            "\"Leak opened\"",
            "Field [events[0].type] must be 1 to 64 lower-case letters, digits or underscores,"
                + " such as cold_water, found [Leak opened]."),
        bad(
            Golden.EVENTS,
            "/events/1/detail",
            ABSENT,
            "Field [events[1].detail] is missing or null."),
        bad(
            Golden.EVENTS,
            "/events/0/device",
            "null",
            "Field [events[0].device] is missing or null: an alert is about a meter."),
        bad(
            Golden.EVENTS,
            "/events/1/device",
            "\"sen-12345602-68-06\"",
            "Field [events[1].device] must be a device key such as LUG-12345678-0A-07, found"
                + " [sen-12345602-68-06]."),
        bad(
            Golden.EVENTS,
            "/events/0/alert/id",
            ABSENT,
            "Field [events[0].alert.id] is missing or null."),
        bad(
            Golden.EVENTS,
            "/events/0/alert/id",
            "0",
            "Field [events[0].alert.id] must be at least 1, found [0]."),
        bad(
            Golden.EVENTS,
            "/events/0/alert",
            "[]",
            "Field [events[0].alert] must be an object, found an array."),
        bad(
            Golden.EVENTS,
            "/events/0/alert/level",
            "4",
            "Field [events[0].alert.level] must lie between 1 and 3, found [4]."),
        bad(
            Golden.EVENTS,
            "/events/0/alert/level",
            "null",
            "Field [events[0].alert.level] is missing or null: a leak has a level, a total loss and"
                + " an average flow."),
        bad(
            Golden.EVENTS,
            "/events/0/alert/total_loss_m3",
            "\"-0.120\"",
            "Field [events[0].alert.total_loss_m3] must be a decimal such as 0.355, found"
                + " [-0.120]."),
        bad(
            Golden.EVENTS,
            "/events/0/alert/average_flow_lph",
            "5.0",
            "Field [events[0].alert.average_flow_lph] must be a string, found [5.0]."),
        bad(
            Golden.EVENTS,
            "/events/2/alert/condition",
            ABSENT,
            "Field [events[2].alert.condition] is missing or null."),
        bad(
            Golden.EVENTS,
            "/events/2/alert/detected_at",
            ABSENT,
            "Field [events[2].alert.detected_at] is missing or null."),
        bad(
            Golden.EVENTS,
            "/events/2/alert/source",
            "\"\"",
            "Field [events[2].alert.source] must not be blank, found []."),
        // inventory
        bad(
            Golden.INVENTORY,
            "/changes/0/action",
            "\"moved\"",
            "Field [changes[0].action] is not valid: Action [moved] must be one of [installed,"
                + " removed]."),
        bad(
            Golden.INVENTORY,
            "/changes/0/medium",
            ABSENT,
            "Field [changes[0].medium] is missing or null."),
        bad(
            Golden.INVENTORY,
            "/changes/0/site",
            "\"rl042\"",
            "Field [changes[0].site] must be two upper-case letters and three digits, such as"
                + " RL042, found [rl042]."),
        bad(
            Golden.INVENTORY,
            "/changes/1/dwelling",
            "\"  \"",
            "Field [changes[1].dwelling] must not be blank, found [  ]."),
        bad(
            Golden.INVENTORY,
            "/changes/0/printed_serial",
            "\"h8ca-029620\"",
            "Field [changes[0].printed_serial] must be 1 to 32 upper-case letters or digits, such"
                + " as H8CA029620, found [h8ca-029620]."),
        bad(
            Golden.INVENTORY,
            "/changes/1/room",
            "\"S\\u00e9jour\\n\"",
            "Field [changes[1].room] must not contain control characters, found [U+000A] at index"
                + " 6."),
        bad(
            Golden.INVENTORY,
            "/changes/2/device",
            ABSENT,
            "Field [changes[2].device] is missing or null."),
        // ack
        bad(Golden.ACK, "/epoch", ABSENT, "Field [epoch] is missing or null."),
        bad(Golden.ACK, "/acked_seq", ABSENT, "Field [acked_seq] is missing or null."),
        bad(Golden.ACK, "/acked_seq", "0", "Field [acked_seq] must be at least 1, found [0]."),
        // status
        bad(Golden.STATUS_ONLINE, "/gateway", ABSENT, "Field [gateway] is missing or null."),
        bad(
            Golden.STATUS_ONLINE,
            "/state",
            "\"away\"",
            "Field [state] is not valid: State [away] must be one of [online, offline]."),
        bad(Golden.STATUS_OFFLINE, "/epoch", "null", "Field [epoch] is missing or null."),
        bad(Golden.STATUS_ONLINE, "/at", ABSENT, "Field [at] is missing or null."),
        bad(Golden.STATUS_ONLINE, "/software", ABSENT, "Field [software] is missing or null."),
        // command request
        bad(
            Golden.COMMAND_REQUEST,
            "/args",
            "{\"Meter\": \"SEN-12345601-68-16\"}",
            "Field [args] must name its arguments with 1 to 32 lower-case letters, digits or"
                + " hyphens, starting with a letter, found [Meter]."),
        bad(
            Golden.COMMAND_REQUEST,
            "/args/meter",
            "5",
            "Field [args.meter] must be a string, found [5]."),
        bad(
            Golden.COMMAND_REQUEST,
            "/args/meter",
            "null",
            "Field [args.meter] is missing or null."),
        bad(
            Golden.COMMAND_REQUEST,
            "/args",
            "[]",
            "Field [args] must be an object, found an array."),
        // command response
        bad(Golden.COMMAND_RESPONSE, "/code", ABSENT, "Field [code] is missing or null."),
        bad(
            Golden.COMMAND_RESPONSE,
            "/code",
            "99",
            "Field [code] must lie between 200 and 599, found [99]."),
        bad(Golden.COMMAND_RESPONSE, "/body", ABSENT, "Field [body] is missing or null."));
  }

  private static Arguments bad(Golden golden, String pointer, String json, String message) {
    return Arguments.of(golden, pointer, json, message);
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @MethodSource("badFields")
  void aMissingOrBadFieldIsRefusedNamingItAndItsValue(
      Golden golden, String pointer, String json, String message) throws IOException {
    JsonNode value = json.equals(ABSENT) ? null : PLAIN.readTree(json);
    byte[] payload = PLAIN.writeValueAsBytes(changed(golden, pointer, value));

    ContractException e =
        assertThrows(ContractException.class, () -> Json.read(payload, golden.type()));

    assertEquals(message, e.getMessage());
  }

  /**
   * Removes each field of each golden file in turn: every field is required, except those listed,
   * and a refusal names the removed field.
   */
  @Test
  void removingAnyFieldIsRefusedNamingIt_exceptTheOptionalOnes() throws IOException {
    Set<String> optional = new TreeSet<>();
    for (Golden golden : Golden.values()) {
      for (String pointer : fieldPointers(PLAIN.readTree(golden.bytes()), "")) {
        byte[] payload = PLAIN.writeValueAsBytes(changed(golden, pointer, null));
        String path = path(pointer);
        try {
          Json.read(payload, golden.type());
          optional.add(golden.file() + " " + path.replaceAll("\\[\\d+]", "[]"));
        } catch (ContractException e) {
          assertTrue(
              e.getMessage().startsWith("Field [" + path + "] is missing or null"),
              golden.file() + " without " + path + ": " + e.getMessage());
        }
      }
    }

    assertEquals(
        new TreeSet<>(
            List.of(
                "command-request.json args",
                "events.json events[].alert",
                "events.json events[].alert.average_flow_lph",
                "events.json events[].alert.end",
                "events.json events[].alert.level",
                "events.json events[].alert.total_loss_m3",
                "events.json events[].device",
                "events.json pending_from",
                "inventory.json changes[].dwelling",
                "inventory.json changes[].lot",
                "inventory.json changes[].medium",
                "inventory.json changes[].printed_serial",
                "inventory.json changes[].room",
                "inventory.json changes[].site",
                "inventory.json pending_from",
                "readings.json pending_from",
                "readings.json readings[].meter_time",
                "readings.json readings[].rssi")),
        optional);
  }

  /** JSON pointers to every field of every object, but not inside free-form ones. */
  private static List<String> fieldPointers(JsonNode node, String pointer) {
    List<String> pointers = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        pointers.add(pointer + "/" + name);
        if (!name.equals("body") && !name.equals("args")) {
          pointers.addAll(fieldPointers(node.get(name), pointer + "/" + name));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers.addAll(fieldPointers(node.get(i), pointer + "/" + i));
      }
    }
    return pointers;
  }

  /** {@code /readings/2/seq} as the messages write it: {@code readings[2].seq}. */
  private static String path(String pointer) {
    return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
  }

  /** The golden file with the field at {@code pointer} set to {@code value}, or removed if null. */
  private static JsonNode changed(Golden golden, String pointer, JsonNode value)
      throws IOException {
    JsonNode root = PLAIN.readTree(golden.bytes());
    int last = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, last));
    String name = pointer.substring(last + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(name), value);
    } else if (value == null) {
      ((ObjectNode) parent).remove(name);
    } else {
      ((ObjectNode) parent).set(name, value);
    }
    return root;
  }
}
