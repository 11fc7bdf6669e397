package io.releve.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final UUID EPOCH = UUID.fromString("6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13");

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | Payload is empty.",
        "[1] | Payload must be a JSON object, found an array.",
        "\"ack\" | Payload must be a JSON object, found [\"ack\"].",
        "{\"v\": 1, | Payload is not valid JSON: Unexpected end-of-input within/between Object"
            + " entries (line 1, column 9).",
        "{\"v\": 1, \"v\": 1} | Payload is not valid JSON: Duplicate field 'v' (line 1, column 13).",
        "{\"v\": 1, \"epoch\": \"6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13\", \"acked_seq\": 1} {} |"
            + " Payload must hold one JSON object and nothing after it, found an object at line 1,"
            + " column 75.",
        "null | Payload must be a JSON object, found [null].",
        "{\"v\": 1, \"epoch\": \"6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13\", \"acked_seq\": 1} x |"
            + " Payload is not valid JSON: Unrecognized token 'x': was expecting (JSON String,"
            + " Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 76).",
      })
  void aPayloadThatIsNotOneJsonObjectIsRefused(String payload, String message) {
    ContractException e =
        assertThrows(ContractException.class, () -> Json.read(utf8(payload), Ack.class));

    assertEquals(message, e.getMessage());
  }

  @Test
  void unknownFieldsAreIgnored_soThatV1CanGrow() throws IOException {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(Golden.EVENTS.bytes());
    tree.put("compression", "none");
    ObjectNode first = (ObjectNode) tree.get("events").get(0);
    first.putArray("tags").add("night");
    ((ObjectNode) first.get("alert")).put("severity", "high");

    EventsMessage message = Json.read(PLAIN.writeValueAsBytes(tree), EventsMessage.class);

    assertEquals(Golden.EVENTS.read(), message);
  }

  @Test
  void anOptionalFieldLeftOutReadsAsNull() throws IOException {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(Golden.READINGS.bytes());
    ObjectNode radio = (ObjectNode) tree.get("readings").get(2);
    radio.remove("rssi");
    radio.remove("meter_time");

    ReadingsMessage message = Json.read(PLAIN.writeValueAsBytes(tree), ReadingsMessage.class);

    assertNull(message.readings().get(2).rssi());
    assertNull(message.readings().get(2).meterTime());
  }

  @Test
  void aRequestWithoutArgumentsHasNone() {
    CommandRequest request = Json.read(utf8("{\"v\": 1}"), CommandRequest.class);

    assertEquals(Map.of(), request.args());
    assertEquals("{\"v\":1,\"args\":{}}", new String(Json.write(request), StandardCharsets.UTF_8));
  }

  @Test
  void aResponseMayCarryJsonNullButNotNothing() {
    CommandResponse response =
        Json.read(utf8("{\"v\": 1, \"code\": 503, \"body\": null}"), CommandResponse.class);

    assertTrue(response.body().isNull());
    assertEquals(
        "{\"v\":1,\"code\":503,\"body\":null}",
        new String(
            Json.write(CommandResponse.of(CommandResponse.UNAVAILABLE, null)),
            StandardCharsets.UTF_8));
  }

  @Test
  void aResponseBodyCannotBeChangedFromOutside() throws IOException {
    ObjectNode body = PLAIN.createObjectNode().put("lines", 3);
    CommandResponse response = CommandResponse.of(CommandResponse.OK, body);

    body.put("lines", 4);
    ((ObjectNode) response.body()).put("lines", 5);

    assertEquals(3, response.body().get("lines").intValue());
  }

  @Test
  void messagesBuiltInJavaAreCheckedAsWhenRead() {
    ContractException e = assertThrows(ContractException.class, () -> new Ack(EPOCH, 0));

    assertEquals("Field [acked_seq] must be at least 1, found [0].", e.getMessage());
  }

  @Test
  void anAckIsWrittenWithVersionFirstAndSnakeCaseNames() {
    assertEquals(
        "{\"v\":1,\"epoch\":\"6f1c2a9e-7b4d-4e8a-9c61-2d5f0b7a8e13\",\"acked_seq\":46}",
        new String(Json.write(new Ack(EPOCH, 46)), StandardCharsets.UTF_8));
  }

  @Test
  void aReadingKeepsItsExactDecimalAndItsTimesToTheMillisecond() throws IOException {
    ReadingEntry entry =
        new ReadingEntry(
            7,
            "LUG-12345678-0A-07",
            "water",
            "volume",
            "0.000100",
            ReadingEntry.ValueKind.NUMBER,
            "m3",
            0,
            0,
            0,
            ReadingEntry.RecordFunction.INSTANTANEOUS,
            null,
            Instant.parse("2026-11-24T18:00:00.100Z"),
            ReadingEntry.ClockState.UNSYNCHRONISED,
            "east",
            null,
            0);
    ReadingsMessage message = new ReadingsMessage(GatewayId.of("gw"), EPOCH, List.of(entry));

    JsonNode written = PLAIN.readTree(Json.write(message)).get("readings").get(0);

    assertEquals("0.000100", written.get("value").textValue());
    assertEquals("2026-11-24T18:00:00.100Z", written.get("received_at").textValue());
    assertEquals("unsynchronised", written.get("clock_state").textValue());
    assertTrue(written.get("meter_time").isNull());
    assertEquals(message, Json.read(Json.write(message), ReadingsMessage.class));
  }

  @Test
  void aBatchKnowsItsFirstAndLastSeq() {
    EventsMessage events = (EventsMessage) Golden.EVENTS.read();

    assertEquals(44, events.firstSeq());
    assertEquals(48, events.lastSeq());
    assertEquals(3, events.entries().size());
  }

  @Test
  void aBatchWithoutPendingFromSaysNothingAboutLowerSeqs() throws IOException {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(Golden.INVENTORY.bytes());
    tree.remove("pending_from");

    InventoryMessage message = Json.read(PLAIN.writeValueAsBytes(tree), InventoryMessage.class);

    assertNull(message.pendingFrom());
    assertEquals(39, ((InventoryMessage) Golden.INVENTORY.read()).pendingFrom());
  }

  @Test
  void pendingFromCannotBeAboveTheFirstEntry() throws IOException {
    ObjectNode tree = (ObjectNode) PLAIN.readTree(Golden.READINGS.bytes());
    tree.put("pending_from", 42);

    ContractException e =
        assertThrows(
            ContractException.class,
            () -> Json.read(PLAIN.writeValueAsBytes(tree), ReadingsMessage.class));

    assertEquals(
        "Field [pending_from] must not be above the first entry's seq 41, found [42].",
        e.getMessage());
  }

  @Test
  void theEntriesOfABatchCannotBeChanged() {
    ReadingsMessage readings = (ReadingsMessage) Golden.READINGS.read();

    assertThrows(UnsupportedOperationException.class, () -> readings.readings().clear());
  }

  @Test
  void anInventoryRemovalNeedsOnlyTheDevice() {
    InventoryChange removal =
        new InventoryChange(
            9,
            InventoryChange.Action.REMOVED,
            "SEN-12345604-68-16",
            null,
            null,
            null,
            null,
            null,
            null);

    assertEquals("removed", removal.action().wireName());
  }

  @Test
  void anInstallationNeedsItsDwelling() {
    ContractException e =
        assertThrows(
            ContractException.class,
            () ->
                new InventoryChange(
                    9,
                    InventoryChange.Action.INSTALLED,
                    "SEN-12345604-68-16",
                    "cold_water",
                    "RL042",
                    null,
                    null,
                    null,
                    null));

    assertEquals("Field [dwelling] is missing or null.", e.getMessage());
  }
}
