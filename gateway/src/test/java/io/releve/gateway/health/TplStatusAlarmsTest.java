package io.releve.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.device.Medium;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The application alarm of the transport layer status byte (EN 13757-7:2018 §7.5.6). */
class TplStatusAlarmsTest {
  private final TplStatusAlarms reader = new TplStatusAlarms();

  @Test
  void statusWithApplicationBitsEleven_reportsAlarm() {
    assertEquals(
        List.of(new MeterAlarm(MeterCondition.ALARM, "TPL status 0x03: application alarm")),
        reader.read(Frames.frame("ELS", Medium.WATER, 0x03)));
  }

  @Test
  void alarmWithOtherBitsSet_reportsAlarmWithTheWholeByte() {
    assertEquals(
        List.of(new MeterAlarm(MeterCondition.ALARM, "TPL status 0xF7: application alarm")),
        reader.read(Frames.frame("ELS", Medium.WATER, 0xF7)));
  }

  /** No error, busy, application error, power low, permanent and temporary errors, maker bits. */
  @ParameterizedTest(name = "status 0x{0}")
  @ValueSource(ints = {0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0xE0, 0xFE})
  void statusWithoutTheAlarmBits_reportsNothing(int status) {
    assertEquals(List.of(), reader.read(Frames.frame("ELS", Medium.WATER, status)));
  }

  @Test
  void frameWithoutStatusByte_isIgnored() {
    DecodedFrame compact = Frames.frame("ELS", Medium.WATER, DecodedFrame.NOT_PRESENT);
    assertFalse(reader.appliesTo(compact));
    assertEquals(List.of(), MeterAlarms.of(compact));
  }

  @Test
  void wiredFrameWithAlarmStatus_reportsAlarm() throws Exception {
    DecodedFrame frame = Frames.wired("9315", 0x07, 0x03, "0413E8030000");
    assertEquals(
        List.of(new MeterAlarm(MeterCondition.ALARM, "TPL status 0x03: application alarm")),
        MeterAlarms.of(frame));
  }
}
