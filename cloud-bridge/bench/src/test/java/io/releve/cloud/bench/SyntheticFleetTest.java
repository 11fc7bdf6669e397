package io.releve.cloud.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.releve.contract.Json;
import io.releve.contract.ReadingEntry;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.TopicName;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticFleetTest {

  @Test
  void everyPayload_readsBackAsTheContractsReadingsMessage_withItsGatewaysContiguousSeqs() {
    SyntheticFleet fleet = SyntheticFleet.build(3, 4, 7);

    assertEquals(3 * 4 * 7, fleet.readings());
    for (SyntheticFleet.Gateway gateway : fleet.gateways()) {
      assertEquals(gateway.id(), TopicName.parse(gateway.upTopic()).gateway());
      assertEquals(TopicName.Kind.UP_READINGS, TopicName.parse(gateway.upTopic()).kind());
      assertEquals(TopicName.Kind.DOWN_ACK, TopicName.parse(gateway.ackTopic()).kind());
      assertEquals(28, gateway.lastSeq());
      long expected = 1;
      for (int b = 0; b < gateway.batches().size(); b++) {
        ReadingsMessage message = Json.read(gateway.batches().get(b), ReadingsMessage.class);
        assertEquals(gateway.id(), message.gateway());
        assertEquals(gateway.epoch(), message.epoch());
        for (ReadingEntry reading : message.readings()) {
          assertEquals(expected++, reading.seq());
        }
        assertEquals(gateway.lastSeqOf(b), message.lastSeq());
      }
    }
  }

  @Test
  void gateways_haveIdsAndEpochsOfTheirOwn() {
    List<SyntheticFleet.Gateway> gateways = SyntheticFleet.build(2, 1, 1).gateways();

    assertEquals("bench-gw-001", gateways.get(0).id().value());
    assertEquals("bench-gw-002", gateways.get(1).id().value());
    assertNotEquals(gateways.get(0).epoch(), gateways.get(1).epoch());
  }

  @Test
  void readings_goRoundTheMetersOfTheGateway_oneReadingEachPerCycle() {
    ReadingEntry first = SyntheticFleet.reading(7, 1);
    ReadingEntry nextCycle = SyntheticFleet.reading(7, 1 + SyntheticFleet.METERS_PER_GATEWAY);
    ReadingEntry allocator = SyntheticFleet.reading(7, 5);

    assertEquals("SEN-00007000-68-16", first.device());
    assertEquals(first.device(), nextCycle.device());
    assertEquals(first.receivedAt().plusSeconds(15 * 60), nextCycle.receivedAt());
    assertEquals("heat_cost_allocator", allocator.medium());
  }
}
