package io.releve.gateway.alert;

/** The alert types of the residents' table (DESIGN §3.3). */
public enum AlertType {
  /** A leak found from the meter's flow by the gateway. */
  LEAK("leak"),
  /** A condition the meter itself reports: leak, burst, tamper, backflow… */
  METER_ALARM("meter_alarm"),
  /** A meter silent well beyond its weekly transmit pattern. */
  NOT_HEARD("not_heard");

  private final String label;

  AlertType(String label) {
    this.label = label;
  }

  /** The JSON, CSV and database name. */
  public String label() {
    return label;
  }
}
