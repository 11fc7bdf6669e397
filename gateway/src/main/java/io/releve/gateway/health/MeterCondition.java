package io.releve.gateway.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A condition a meter reports about itself, as opposed to one we infer from its readings. Each
 * opens an alert of type "meter alarm" (DESIGN §3.3). The JSON and database name is {@link
 * #label()}.
 */
public enum MeterCondition {
  /** Water keeps flowing at a low rate: a dripping tap or a running cistern. */
  LEAK("leak"),
  /** A flow far above normal use: a burst pipe. */
  BURST("burst"),
  /** The meter detected tampering, as it defines it (opened, magnet held against it…). */
  TAMPER("tamper"),
  /** Water flows backwards through the meter. */
  BACKFLOW("backflow"),
  /** The meter's pipe is empty (no water at the sensor). */
  DRY("dry"),
  /** An abnormal condition or alarm the meter does not describe any further. */
  ALARM("alarm");

  private static final Map<String, MeterCondition> BY_LABEL = new LinkedHashMap<>();

  static {
    for (MeterCondition condition : values()) {
      BY_LABEL.put(condition.label, condition);
    }
  }

  private final String label;

  MeterCondition(String label) {
    this.label = label;
  }

  /** The name used in JSON and the database, lower case: {@code leak}, {@code burst}… */
  public String label() {
    return label;
  }

  /**
   * The condition named {@code text}, its {@link #label()} or its enum name in any case.
   *
   * @throws IllegalArgumentException naming the text and the known labels when none matches
   */
  public static MeterCondition fromLabel(String text) {
    MeterCondition condition = text == null ? null : BY_LABEL.get(text.toLowerCase(Locale.ROOT));
    if (condition == null) {
      throw new IllegalArgumentException(
          "Meter condition [" + text + "] is not known; use one of " + BY_LABEL.keySet() + ".");
    }
    return condition;
  }
}
