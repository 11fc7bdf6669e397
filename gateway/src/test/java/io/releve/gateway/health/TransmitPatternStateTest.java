package io.releve.gateway.health;

import static io.releve.gateway.health.TransmitPatternTest.PARIS;
import static io.releve.gateway.health.TransmitPatternTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pattern's state written and read back with Jackson, and what a state must be. */
class TransmitPatternStateTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void stateWrittenAndReadBack_restoresAPatternThatJudgesAlike() throws Exception {
    TransmitPattern original = TransmitPatternTest.workingHoursUntil("2024-01-26T17:20");
    String json = MAPPER.writeValueAsString(original.state());
    TransmitPattern.State read = MAPPER.readValue(json, TransmitPattern.State.class);
    assertEquals(original.state(), read);

    TransmitPattern restored = TransmitPattern.restore(read, PARIS);
    for (String time : List.of("2024-01-29T07:59", "2024-01-29T13:59", "2024-01-29T14:00")) {
      assertEquals(original.evaluate(at(time)), restored.evaluate(at(time)), time);
    }
    restored.heard(at("2024-01-29T15:10"));
    original.heard(at("2024-01-29T15:10"));
    assertEquals(original.state(), restored.state());
  }

  @Test
  void stateInJson_isPlainTextAndNumbers() throws Exception {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    pattern.heard(at("2024-01-01T00:20")); // slot 0 of week 2819 (week 1 began on 29 December 1969)
    JsonNode json = MAPPER.valueToTree(pattern.state());
    assertEquals("2023-12-31T23:20:00Z", json.get("firstHeard").asText());
    assertEquals("2023-12-31T23:20:00Z", json.get("lastHeard").asText());
    assertEquals(168, json.get("lastWeekHeard").size());
    assertEquals(2819, json.get("lastWeekHeard").get(0).asInt());
    assertEquals(0, json.get("lastWeekHeard").get(1).asInt());
  }

  @Test
  void stateOfAMeterNeverHeard_roundTrips() throws Exception {
    TransmitPattern.State state = new TransmitPattern(PARIS).state();
    assertNull(state.firstHeard());
    TransmitPattern.State read =
        MAPPER.readValue(MAPPER.writeValueAsString(state), TransmitPattern.State.class);
    assertEquals(state, read);
    assertFalse(TransmitPattern.restore(read, PARIS).evaluate(at("2024-01-01T00:00")).notHeard());
  }

  @Test
  void state_isACopyOfThePattern() {
    TransmitPattern pattern = new TransmitPattern(PARIS);
    pattern.heard(at("2024-01-01T00:20"));
    TransmitPattern.State state = pattern.state();
    state.lastWeekHeard()[5] = 99;
    pattern.heard(at("2024-01-01T01:20"));
    assertEquals(0, state.lastWeekHeard()[1]);
    assertEquals(0, state.lastWeekHeard()[5]);
  }

  @Test
  void stateWithTheWrongNumberOfSlots_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TransmitPattern.State(null, null, new int[167]));
    assertEquals("lastWeekHeard has 167 slots; a week has 168.", e.getMessage());
  }

  @Test
  void stateWithOnlyOneReception_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TransmitPattern.State("2024-01-01T00:00:00Z", null, new int[168]));
    assertTrue(e.getMessage().startsWith("firstHeard [2024-01-01T00:00:00Z] and lastHeard [null]"));
  }

  @Test
  void stateWithANegativeWeek_isRefused() {
    int[] weeks = new int[168];
    weeks[7] = -1;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TransmitPattern.State("2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", weeks));
    assertTrue(e.getMessage().startsWith("lastWeekHeard[7] is -1;"), e.getMessage());
  }

  @Test
  void stateWithTextThatIsNoInstant_namesIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TransmitPattern.State("yesterday", "2024-01-02T00:00:00Z", new int[168]));
    assertEquals(
        "firstHeard [yesterday] is not an ISO-8601 instant such as 2024-03-04T10:15:30Z.",
        e.getMessage());
  }

  @Test
  void stateWithTheFirstReceptionAfterTheLast_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new TransmitPattern.State(
                "2024-01-03T00:00:00Z", "2024-01-02T00:00:00Z", new int[168]));
  }

  @Test
  void jsonOfABadState_failsToReadWithTheReason() {
    String json = "{\"firstHeard\":null,\"lastHeard\":null,\"lastWeekHeard\":[1,2]}";
    ValueInstantiationException e =
        assertThrows(
            ValueInstantiationException.class,
            () -> MAPPER.readValue(json, TransmitPattern.State.class));
    assertTrue(e.getMessage().contains("lastWeekHeard has 2 slots; a week has 168."));
  }
}
