package io.releve.gateway.health;

import io.releve.gateway.decode.ApplicationStatus;
import io.releve.gateway.decode.DecodedFrame;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The alarm any meter can raise in the status byte of its transport layer header: application
 * status bits 0–1 = 11, "abnormal condition / alarm" (EN 13757-7:2018 §7.5.6; EN 13757-3 for wired
 * frames). It says nothing finer, so it gives {@link MeterCondition#ALARM}. The other bits (power
 * low, permanent and temporary errors) are faults of the meter, not conditions of the water, and
 * are left to the status flags.
 */
final class TplStatusAlarms implements MeterAlarmReader {

  @Override
  public boolean appliesTo(DecodedFrame frame) {
    return frame.statusFlags().isPresent(); // absent for compact and headerless frames
  }

  @Override
  public List<MeterAlarm> read(DecodedFrame frame) {
    return frame
        .statusFlags()
        .filter(flags -> flags.application() == ApplicationStatus.ALARM)
        .map(
            flags ->
                List.of(
                    new MeterAlarm(
                        MeterCondition.ALARM,
                        String.format(
                            Locale.ROOT, "TPL status 0x%02X: application alarm", frame.status()))))
        .orElse(List.of());
  }

  @Override
  public Set<MeterCondition> reportable(DecodedFrame frame) {
    return Set.of(MeterCondition.ALARM);
  }
}
