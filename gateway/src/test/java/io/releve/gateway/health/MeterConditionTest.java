package io.releve.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterConditionTest {

  @Test
  void labels_areTheLowerCaseJsonNames() {
    assertEquals(
        List.of("leak", "burst", "tamper", "backflow", "dry", "alarm"),
        Arrays.stream(MeterCondition.values()).map(MeterCondition::label).toList());
  }

  @Test
  void fromLabel_readsEveryLabelBack() {
    for (MeterCondition condition : MeterCondition.values()) {
      assertEquals(condition, MeterCondition.fromLabel(condition.label()));
      assertEquals(condition, MeterCondition.fromLabel(condition.name()));
    }
  }

  @Test
  void fromLabel_withAnUnknownName_namesItAndTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MeterCondition.fromLabel("flood"));
    assertEquals(
        "Meter condition [flood] is not known; use one of"
            + " [leak, burst, tamper, backflow, dry, alarm].",
        e.getMessage());
  }
}
