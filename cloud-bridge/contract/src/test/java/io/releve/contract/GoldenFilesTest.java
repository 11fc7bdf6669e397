package io.releve.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every golden payload reads into its record and writes back to the same JSON. */
class GoldenFilesTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(Golden.class)
  void eachGoldenFileReadsIntoItsRecordAndWritesBackToTheSameJson(Golden golden)
      throws IOException {
    Object message = golden.read();

    assertInstanceOf(golden.type(), message);
    assertEquals(PLAIN.readTree(golden.bytes()), PLAIN.readTree(Json.write(message)));
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void eachGoldenFileIsUtf8WithVersionOne(Golden golden) throws IOException {
    JsonNode tree = PLAIN.readTree(golden.bytes());

    assertEquals(1, tree.get("v").intValue());
    // throws on bytes that are not UTF-8 (a file saved as Latin-1 would break "Séjour" and "m³")
    StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(golden.bytes()));
  }

  @Test
  void everyTopicKindHasAGoldenPayload() {
    Set<Class<?>> golden =
        EnumSet.allOf(Golden.class).stream().map(Golden::type).collect(Collectors.toSet());
    Set<Class<?>> kinds =
        EnumSet.allOf(TopicName.Kind.class).stream()
            .map(TopicName.Kind::payload)
            .collect(Collectors.toSet());

    assertEquals(kinds, golden);
  }

  @Test
  void goldenReadingsShareOneSequenceWithEventsAndInventory() {
    ReadingsMessage readings = (ReadingsMessage) Golden.READINGS.read();
    EventsMessage events = (EventsMessage) Golden.EVENTS.read();
    InventoryMessage inventory = (InventoryMessage) Golden.INVENTORY.read();
    Ack ack = (Ack) Golden.ACK.read();

    assertEquals(readings.epoch(), events.epoch());
    assertEquals(readings.epoch(), inventory.epoch());
    assertEquals(readings.epoch(), ack.epoch());
    assertEquals(41, readings.firstSeq());
    assertEquals(46, readings.lastSeq());
    // 39 to 46 are all there, across the three topics: the bridge may ack 46, not 47 or 48
    Set<Long> seqs =
        Stream.of(readings, events, inventory)
            .flatMap(message -> message.entries().stream())
            .map(Sequenced::seq)
            .collect(Collectors.toSet());
    for (long seq = 39; seq <= ack.ackedSeq(); seq++) {
      assertTrue(seqs.contains(seq), "seq " + seq);
    }
  }

  @Test
  void aGoldenFileThatDoesNotExistIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Golden.bytes("nothing.json"));

    assertEquals(
        "Golden file [nothing.json] is not on the classpath"
            + " (io/releve/contract/golden/nothing.json).",
        e.getMessage());
  }

  /** The README's section on the contract shows each golden file as it is. */
  @ParameterizedTest
  @EnumSource(Golden.class)
  void theReadmeShowsEachGoldenFileAsItIs(Golden golden) throws IOException {
    Path readme = Path.of("../../README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String file = new String(golden.bytes(), StandardCharsets.UTF_8).strip();

    assertTrue(
        text.contains(file), "README.md does not show " + golden.file() + " as it is:\n" + file);
  }
}
