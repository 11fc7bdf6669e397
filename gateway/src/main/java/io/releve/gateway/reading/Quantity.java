package io.releve.gateway.reading;

/**
 * What a data record measures, named as the domain names it. {@link #label()} is the JSON, CSV and
 * database name.
 */
public enum Quantity {
  ENERGY("energy"),
  VOLUME("volume"),
  MASS("mass"),
  POWER("power"),
  VOLUME_FLOW("volume_flow"),
  MASS_FLOW("mass_flow"),
  FLOW_TEMPERATURE("flow_temperature"),
  RETURN_TEMPERATURE("return_temperature"),
  TEMPERATURE_DIFFERENCE("temperature_difference"),
  EXTERNAL_TEMPERATURE("external_temperature"),
  PRESSURE("pressure"),
  ON_TIME("on_time"),
  OPERATING_TIME("operating_time"),
  AVERAGING_DURATION("averaging_duration"),
  ACTUALITY_DURATION("actuality_duration"),
  DATE("date"),
  DATE_TIME("date_time"),
  HCA_UNITS("heat_cost_allocation"),
  FABRICATION_NUMBER("fabrication_number"),
  ENHANCED_IDENTIFICATION("enhanced_identification"),
  BUS_ADDRESS("bus_address"),
  ERROR_FLAGS("error_flags"),
  FIRMWARE_VERSION("firmware_version"),
  SOFTWARE_VERSION("software_version"),
  MODEL_VERSION("model_version"),
  PARAMETER_SET("parameter_set"),
  ACCESS_CODE("access_code"),
  VOLTAGE("voltage"),
  CURRENT("current"),
  STORAGE_INTERVAL("storage_interval"),
  DURATION_SINCE_READOUT("duration_since_readout"),
  RECEPTION_LEVEL("reception_level"),
  DIMENSIONLESS("dimensionless"),
  MANUFACTURER_SPECIFIC("manufacturer_specific"),
  OTHER("other");

  private final String label;

  Quantity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Quantity fromLabel(String label) {
    for (Quantity quantity : values()) {
      if (quantity.label.equals(label)) {
        return quantity;
      }
    }
    throw new IllegalArgumentException("Quantity [" + label + "] is not known.");
  }
}
