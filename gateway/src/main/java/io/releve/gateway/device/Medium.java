package io.releve.gateway.device;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The medium of a device, from the device type byte of its identity (EN 13757-3:2018, table 3). The
 * JSON name is {@link #label()}.
 */
public enum Medium {
  OTHER(0x00, "other"),
  OIL(0x01, "oil"),
  ELECTRICITY(0x02, "electricity"),
  GAS(0x03, "gas"),
  HEAT_OUTLET(0x04, "heat"),
  STEAM(0x05, "steam"),
  WARM_WATER(0x06, "warm_water"),
  WATER(0x07, "water"),
  HEAT_COST_ALLOCATOR(0x08, "heat_cost_allocator"),
  COMPRESSED_AIR(0x09, "compressed_air"),
  COOLING_OUTLET(0x0A, "cooling"),
  COOLING_INLET(0x0B, "cooling_inlet"),
  HEAT_INLET(0x0C, "heat_inlet"),
  HEAT_AND_COOLING(0x0D, "heat_and_cooling"),
  BUS_SYSTEM(0x0E, "bus_system"),
  UNKNOWN(0x0F, "unknown"),
  HOT_WATER(0x15, "hot_water"),
  COLD_WATER(0x16, "cold_water"),
  DUAL_WATER(0x17, "dual_water"),
  PRESSURE(0x18, "pressure"),
  AD_CONVERTER(0x19, "ad_converter"),
  SMOKE_DETECTOR(0x1A, "smoke_detector"),
  ROOM_SENSOR(0x1B, "room_sensor"),
  GAS_DETECTOR(0x1C, "gas_detector"),
  BREAKER(0x20, "breaker"),
  VALVE(0x21, "valve"),
  CUSTOMER_UNIT(0x25, "customer_unit"),
  WASTE_WATER(0x28, "waste_water"),
  GARBAGE(0x29, "garbage"),
  RADIO_CONVERTER(0x37, "radio_converter"),
  RESERVED(-1, "reserved");

  private static final Map<Integer, Medium> BY_CODE = new HashMap<>();
  private static final Map<String, Medium> BY_LABEL = new LinkedHashMap<>();

  static {
    for (Medium medium : values()) {
      BY_CODE.put(medium.code, medium);
      BY_LABEL.put(medium.label, medium);
    }
  }

  private final int code;
  private final String label;

  Medium(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The device type byte; -1 for {@link #RESERVED}. */
  public int code() {
    return code;
  }

  /** The name used in JSON, CSV and the database. */
  public String label() {
    return label;
  }

  public static Medium fromCode(int code) {
    return BY_CODE.getOrDefault(code, RESERVED);
  }

  /** Looks a medium up by its label or its enum name; throws naming the bad text. */
  public static Medium fromLabel(String text) {
    Medium medium = BY_LABEL.get(text);
    if (medium == null) {
      try {
        medium = valueOf(text.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Medium [" + text + "] is not known; use one of " + BY_LABEL.keySet() + ".", e);
      }
    }
    return medium;
  }
}
