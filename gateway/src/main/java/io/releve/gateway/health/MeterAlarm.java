package io.releve.gateway.health;

import java.util.Objects;

/**
 * A condition a meter reports, with where in its telegram it was read.
 *
 * @param condition what the meter reports
 * @param source where it comes from, precise enough for a technician to find it in the telegram,
 *     e.g. {@code Kamstrup info code 0x0004, bit 2 (record 02 FF 20)} or {@code TPL status 0x03:
 *     application alarm}
 */
public record MeterAlarm(MeterCondition condition, String source) {

  public MeterAlarm {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("The source of a " + condition.label() + " is blank.");
    }
  }
}
