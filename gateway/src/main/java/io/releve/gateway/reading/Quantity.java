package io.releve.gateway.reading;

/**
 * What a data record measures, named as the domain names it. {@link #label()} is the JSON, CSV and
 * database name.
 */
public enum Quantity {
  ENERGY("energy"),
  /** Energy accumulated only while the flow is positive (EN 13757-3 VIFE 0x3B). */
  ENERGY_FORWARD("energy_forward"),
  /** Energy accumulated only while the flow is negative (EN 13757-3 VIFE 0x3C), as a magnitude. */
  ENERGY_BACKWARD("energy_backward"),
  VOLUME("volume"),
  /** Volume accumulated only while the flow is positive (EN 13757-3 VIFE 0x3B). */
  VOLUME_FORWARD("volume_forward"),
  /** Volume that flowed backwards (EN 13757-3 VIFE 0x3C), as a magnitude: never the index. */
  VOLUME_BACKWARD("volume_backward"),
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
  RELATIVE_HUMIDITY("relative_humidity"),
  HARDWARE_VERSION("hardware_version"),
  CUSTOMER_LOCATION("customer_location"),
  CUSTOMER("customer"),
  DEVICE_TYPE("device_type"),
  DIGITAL_INPUT("digital_input"),
  DIGITAL_OUTPUT("digital_output"),
  RESET_COUNTER("reset_counter"),
  CUMULATION_COUNTER("cumulation_counter"),
  BATTERY_OPERATING_TIME("battery_operating_time"),
  REMAINING_BATTERY_LIFE("remaining_battery_life"),
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
