package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeqTallyTest {

  private static final SeqTally SENT = new SeqTally(336_000, 1, 336_000);

  @Test
  void differencesFrom_theSameTally_isEmpty() {
    assertEquals(List.of(), new SeqTally(336_000, 1, 336_000).differencesFrom(SENT));
  }

  @Test
  void differencesFrom_aBridgeMissingTheLastBatch_namesCountAndHighestSeq() {
    SeqTally held = new SeqTally(335_500, 1, 335_500);

    assertEquals(
        List.of("count 335500 instead of 336000", "highest seq 335500 instead of 336000"),
        held.differencesFrom(SENT));
  }

  @Test
  void differencesFrom_aBridgeHoldingNothing_namesAllThree() {
    assertEquals(
        List.of(
            "count 0 instead of 336000",
            "lowest seq 0 instead of 1",
            "highest seq 0 instead of 336000"),
        new SeqTally(0, 0, 0).differencesFrom(SENT));
  }
}
