package io.releve.gateway.decode;

import static io.releve.gateway.decode.VifMeaning.code;
import static io.releve.gateway.decode.VifMeaning.number;

import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Unit;
import java.util.function.IntFunction;

/**
 * The VIF code tables of EN 13757-3 (primary table, extension tables 0xFB and 0xFD), each entry
 * already normalised to the canonical unit listed in the package documentation. Built once; a
 * lookup is an array index. Codes left {@code null} are reserved or not normalised and decode as
 * {@link VifMeaning#UNKNOWN}.
 */
final class VifTable {
  /** Primary VIF codes, indexed by {@code vif & 0x7F}. */
  private static final VifMeaning[] PRIMARY = new VifMeaning[128];

  /** First VIFE after VIF 0xFB, indexed by {@code vife & 0x7F}. */
  private static final VifMeaning[] EXTENSION_FB = new VifMeaning[128];

  /** First VIFE after VIF 0xFD, indexed by {@code vife & 0x7F}. */
  private static final VifMeaning[] EXTENSION_FD = new VifMeaning[128];

  /** The time unit selected by the last two bits (nn) of duration codes. */
  private static final Unit[] DURATION = {Unit.SECOND, Unit.MINUTE, Unit.HOUR, Unit.DAY};

  /** Operating time of the battery and similar codes use hours, days, months and years. */
  private static final Unit[] LONG_DURATION = {Unit.HOUR, Unit.DAY, Unit.MONTH, Unit.YEAR};

  static {
    // Primary table. Energy 10^(n-3) Wh is 10^(n-6) kWh; 10^n J is 10^(n-6) MJ.
    range(PRIMARY, 0x00, 0x07, n -> number(Quantity.ENERGY, Unit.KILOWATT_HOUR, n - 6));
    range(PRIMARY, 0x08, 0x0F, n -> number(Quantity.ENERGY, Unit.MEGAJOULE, n - 6));
    range(PRIMARY, 0x10, 0x17, n -> number(Quantity.VOLUME, Unit.CUBIC_METRE, n - 6));
    range(PRIMARY, 0x18, 0x1F, n -> number(Quantity.MASS, Unit.KILOGRAM, n - 3));
    range(PRIMARY, 0x20, 0x23, n -> number(Quantity.ON_TIME, DURATION[n], 0));
    range(PRIMARY, 0x24, 0x27, n -> number(Quantity.OPERATING_TIME, DURATION[n], 0));
    // Power 10^(n-3) W is 10^(n-6) kW; 10^n J/h is 10^(n-6) MJ/h.
    range(PRIMARY, 0x28, 0x2F, n -> number(Quantity.POWER, Unit.KILOWATT, n - 6));
    range(PRIMARY, 0x30, 0x37, n -> number(Quantity.POWER, Unit.MEGAJOULE_PER_HOUR, n - 6));
    range(PRIMARY, 0x38, 0x3F, n -> number(Quantity.VOLUME_FLOW, Unit.CUBIC_METRE_PER_HOUR, n - 6));
    // 10^(n-7) m3/min and 10^(n-9) m3/s, both brought to m3/h.
    range(PRIMARY, 0x40, 0x47, n -> flowPer(n - 7, 60));
    range(PRIMARY, 0x48, 0x4F, n -> flowPer(n - 9, 3600));
    range(PRIMARY, 0x50, 0x57, n -> number(Quantity.MASS_FLOW, Unit.KILOGRAM_PER_HOUR, n - 3));
    range(PRIMARY, 0x58, 0x5B, n -> number(Quantity.FLOW_TEMPERATURE, Unit.CELSIUS, n - 3));
    range(PRIMARY, 0x5C, 0x5F, n -> number(Quantity.RETURN_TEMPERATURE, Unit.CELSIUS, n - 3));
    range(PRIMARY, 0x60, 0x63, n -> number(Quantity.TEMPERATURE_DIFFERENCE, Unit.KELVIN, n - 3));
    range(PRIMARY, 0x64, 0x67, n -> number(Quantity.EXTERNAL_TEMPERATURE, Unit.CELSIUS, n - 3));
    range(PRIMARY, 0x68, 0x6B, n -> number(Quantity.PRESSURE, Unit.BAR, n - 3));
    PRIMARY[0x6C] = new VifMeaning(Quantity.DATE, Unit.DATE, 0, 1, ValueKind.DATE);
    PRIMARY[0x6D] = new VifMeaning(Quantity.DATE_TIME, Unit.DATE, 0, 1, ValueKind.DATE_TIME);
    PRIMARY[0x6E] = number(Quantity.HCA_UNITS, Unit.HCA, 0);
    range(PRIMARY, 0x70, 0x73, n -> number(Quantity.AVERAGING_DURATION, DURATION[n], 0));
    range(PRIMARY, 0x74, 0x77, n -> number(Quantity.ACTUALITY_DURATION, DURATION[n], 0));
    PRIMARY[0x78] = code(Quantity.FABRICATION_NUMBER);
    PRIMARY[0x79] = code(Quantity.ENHANCED_IDENTIFICATION);
    PRIMARY[0x7A] = code(Quantity.BUS_ADDRESS);
    PRIMARY[0x7F] = VifMeaning.MANUFACTURER;

    // Extension table 0xFB: the larger units. 10^(n-1) MWh is 10^(n+2) kWh, and so on.
    range(EXTENSION_FB, 0x00, 0x01, n -> number(Quantity.ENERGY, Unit.KILOWATT_HOUR, n + 2));
    range(EXTENSION_FB, 0x08, 0x09, n -> number(Quantity.ENERGY, Unit.MEGAJOULE, n + 2));
    range(EXTENSION_FB, 0x10, 0x11, n -> number(Quantity.VOLUME, Unit.CUBIC_METRE, n + 2));
    range(EXTENSION_FB, 0x18, 0x19, n -> number(Quantity.MASS, Unit.KILOGRAM, n + 5));
    range(EXTENSION_FB, 0x1A, 0x1B, n -> number(Quantity.RELATIVE_HUMIDITY, Unit.PERCENT, n - 1));
    range(EXTENSION_FB, 0x28, 0x29, n -> number(Quantity.POWER, Unit.KILOWATT, n + 2));
    range(EXTENSION_FB, 0x30, 0x31, n -> number(Quantity.POWER, Unit.MEGAJOULE_PER_HOUR, n + 2));

    // Extension table 0xFD: identification, states, electrical values.
    EXTENSION_FD[0x09] = code(Quantity.DEVICE_TYPE);
    EXTENSION_FD[0x0B] = code(Quantity.PARAMETER_SET);
    EXTENSION_FD[0x0C] = code(Quantity.MODEL_VERSION);
    EXTENSION_FD[0x0D] = code(Quantity.HARDWARE_VERSION);
    EXTENSION_FD[0x0E] = code(Quantity.FIRMWARE_VERSION);
    EXTENSION_FD[0x0F] = code(Quantity.SOFTWARE_VERSION);
    EXTENSION_FD[0x10] = code(Quantity.CUSTOMER_LOCATION);
    EXTENSION_FD[0x11] = code(Quantity.CUSTOMER);
    range(EXTENSION_FD, 0x12, 0x15, n -> code(Quantity.ACCESS_CODE));
    EXTENSION_FD[0x17] = code(Quantity.ERROR_FLAGS);
    EXTENSION_FD[0x1A] = code(Quantity.DIGITAL_OUTPUT);
    EXTENSION_FD[0x1B] = code(Quantity.DIGITAL_INPUT);
    range(EXTENSION_FD, 0x24, 0x27, n -> number(Quantity.STORAGE_INTERVAL, DURATION[n], 0));
    EXTENSION_FD[0x28] = number(Quantity.STORAGE_INTERVAL, Unit.MONTH, 0);
    EXTENSION_FD[0x29] = number(Quantity.STORAGE_INTERVAL, Unit.YEAR, 0);
    range(EXTENSION_FD, 0x2C, 0x2F, n -> number(Quantity.DURATION_SINCE_READOUT, DURATION[n], 0));
    EXTENSION_FD[0x3A] = number(Quantity.DIMENSIONLESS, Unit.NONE, 0);
    range(EXTENSION_FD, 0x40, 0x4F, n -> number(Quantity.VOLTAGE, Unit.VOLT, n - 9));
    range(EXTENSION_FD, 0x50, 0x5F, n -> number(Quantity.CURRENT, Unit.AMPERE, n - 12));
    EXTENSION_FD[0x60] = code(Quantity.RESET_COUNTER);
    EXTENSION_FD[0x61] = code(Quantity.CUMULATION_COUNTER);
    range(
        EXTENSION_FD,
        0x6C,
        0x6F,
        n -> number(Quantity.BATTERY_OPERATING_TIME, LONG_DURATION[n], 0));
    EXTENSION_FD[0x71] = number(Quantity.RECEPTION_LEVEL, Unit.DECIBEL_MILLIWATT, 0);
    EXTENSION_FD[0x74] = number(Quantity.REMAINING_BATTERY_LIFE, Unit.DAY, 0);
  }

  private VifTable() {}

  /** The meaning of a primary VIF (extension bit ignored); never null. */
  static VifMeaning primary(int vif) {
    return orUnknown(PRIMARY[vif & 0x7F]);
  }

  /** The meaning of the first VIFE after 0xFB; never null. */
  static VifMeaning extensionFb(int vife) {
    return orUnknown(EXTENSION_FB[vife & 0x7F]);
  }

  /** The meaning of the first VIFE after 0xFD; never null. */
  static VifMeaning extensionFd(int vife) {
    return orUnknown(EXTENSION_FD[vife & 0x7F]);
  }

  private static VifMeaning orUnknown(VifMeaning meaning) {
    return meaning == null ? VifMeaning.UNKNOWN : meaning;
  }

  private static VifMeaning flowPer(int exponent, int toPerHour) {
    return new VifMeaning(
        Quantity.VOLUME_FLOW, Unit.CUBIC_METRE_PER_HOUR, exponent, toPerHour, ValueKind.NUMBER);
  }

  private static void range(
      VifMeaning[] table, int first, int last, IntFunction<VifMeaning> byOffset) {
    for (int code = first; code <= last; code++) {
      table[code] = byOffset.apply(code - first);
    }
  }
}
