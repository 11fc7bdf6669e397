package io.releve.portal.alerts;

/**
 * What raised an alert, as the contract's {@code AlertEntry.type} names it. The vocabulary is open
 * (a later gateway may send a new word within contract v1): an unknown word is {@link #OTHER} and
 * the page shows the word itself.
 */
public enum AlertType {
  /** Water flowing continuously, found from the indexes: has a level, a loss and a flow. */
  LEAK("leak"),
  /** A condition the meter reports itself (leak, burst, tamper, backflow, dry, alarm). */
  METER_ALARM("meter_alarm"),
  /** The meter stayed silent well beyond its usual transmit pattern. */
  NOT_HEARD("not_heard"),
  /** A word this portal does not know yet. */
  OTHER("other");

  private final String value;

  AlertType(String value) {
    this.value = value;
  }

  /** The word in the {@code alerts.type} column. */
  public String value() {
    return value;
  }

  /** The type stored as {@code value}; {@link #OTHER} for any word not listed here. */
  public static AlertType of(String value) {
    for (AlertType type : values()) {
      if (type != OTHER && type.value.equals(value)) {
        return type;
      }
    }
    return OTHER;
  }
}
