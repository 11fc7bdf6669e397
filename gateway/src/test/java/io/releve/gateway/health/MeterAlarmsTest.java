package io.releve.gateway.health;

import static io.releve.gateway.health.Frames.infoCode16;
import static io.releve.gateway.health.Frames.infoCode32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.device.Medium;
import java.util.List;
import org.junit.jupiter.api.Test;

/** All readers together: one alarm per condition, in a stable order. */
class MeterAlarmsTest {

  @Test
  void conditionsOfSeveralReaders_comeInTheOrderOfTheConditions() {
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.LEAK, "Kamstrup info code 0x0005, bit 2 (record 02 FF 20)"),
            new MeterAlarm(
                MeterCondition.DRY, "Kamstrup info code 0x0005, bit 0 (record 02 FF 20)"),
            new MeterAlarm(MeterCondition.ALARM, "TPL status 0x03: application alarm")),
        MeterAlarms.of(Frames.frame("KAM", Medium.COLD_WATER, 0x03, infoCode16(0x0005))));
  }

  @Test
  void conditionReportedTwice_isGivenOnceWithTheFirstSource() {
    assertEquals(
        List.of(
            new MeterAlarm(
                MeterCondition.LEAK, "Kamstrup info code 0x0004, bit 2 (record 02 FF 20)"),
            new MeterAlarm(
                MeterCondition.TAMPER, "Kamstrup info code 0x00000014, bit 4 (record 04 FF 23)")),
        MeterAlarms.of(Frames.kamstrupWater(infoCode16(0x0004), infoCode32(0x0014))));
  }

  @Test
  void frameReportingNothing_givesNoAlarm() {
    assertEquals(
        List.of(),
        MeterAlarms.of(Frames.frame("KAM", Medium.COLD_WATER, 0x14, infoCode16(0x0070))));
  }
}
