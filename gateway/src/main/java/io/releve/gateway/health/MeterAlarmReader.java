package io.releve.gateway.health;

import io.releve.gateway.decode.DecodedFrame;
import java.util.List;
import java.util.Set;

/**
 * Reads the conditions one kind of meter, or one layer of the protocol, reports in a decoded frame.
 * One implementation per variant, registered in {@link MeterAlarms}. Implementations are pure and
 * stateless: the same frame always gives the same alarms.
 */
public interface MeterAlarmReader {

  /** Whether this reader understands {@code frame} (its manufacturer, medium or header). */
  boolean appliesTo(DecodedFrame frame);

  /**
   * The conditions {@code frame} reports, in the order they are found; empty when none is set. Only
   * called when {@link #appliesTo} is true.
   */
  List<MeterAlarm> read(DecodedFrame frame);

  /**
   * The conditions {@code frame} carries the means to report, set or not: a condition in here and
   * not in {@link #read} is over. Only called when {@link #appliesTo} is true.
   */
  Set<MeterCondition> reportable(DecodedFrame frame);
}
