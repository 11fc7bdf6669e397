package io.releve.gateway.health;

import io.releve.gateway.decode.DecodedFrame;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where the {@link MeterAlarmReader}s are registered: adding a meter model that
 * reports its own conditions is adding a reader here, with its golden telegrams.
 */
public final class MeterAlarms {

  /** In the order their sources are preferred when two report the same condition. */
  private static final List<MeterAlarmReader> READERS =
      List.of(new KamstrupInfoCodes(), new TplStatusAlarms());

  private MeterAlarms() {}

  /**
   * The conditions {@code frame} reports, read by every reader that applies to it: at most one
   * alarm per condition, in the order of {@link MeterCondition}. When several records or readers
   * report the same condition, the first found is kept (readers in registration order, records in
   * frame order); an empty list means the meter reports nothing.
   */
  public static List<MeterAlarm> of(DecodedFrame frame) {
    Map<MeterCondition, MeterAlarm> first = new EnumMap<>(MeterCondition.class);
    for (MeterAlarmReader reader : READERS) {
      if (reader.appliesTo(frame)) {
        for (MeterAlarm alarm : reader.read(frame)) {
          first.putIfAbsent(alarm.condition(), alarm);
        }
      }
    }
    return List.copyOf(first.values());
  }

  /**
   * The conditions {@code frame} could have reported, set or not: for a frame of a meter that
   * reports a leak in a record, a frame with that record and the bit clear ends the alarm, while a
   * frame without the record says nothing about it.
   */
  public static Set<MeterCondition> reportable(DecodedFrame frame) {
    Set<MeterCondition> reportable = EnumSet.noneOf(MeterCondition.class);
    for (MeterAlarmReader reader : READERS) {
      if (reader.appliesTo(frame)) {
        reportable.addAll(reader.reportable(frame));
      }
    }
    return reportable;
  }
}
