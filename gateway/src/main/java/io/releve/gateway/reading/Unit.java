package io.releve.gateway.reading;

import java.util.HashMap;
import java.util.Map;

/**
 * The units a normalised value is expressed in. {@link #symbol()} is what JSON, CSV and the
 * database carry; the README lists them.
 */
public enum Unit {
  CUBIC_METRE("m3"),
  LITRE("l"),
  WATT_HOUR("Wh"),
  KILOWATT_HOUR("kWh"),
  MEGAWATT_HOUR("MWh"),
  JOULE("J"),
  KILOJOULE("kJ"),
  MEGAJOULE("MJ"),
  GIGAJOULE("GJ"),
  WATT("W"),
  KILOWATT("kW"),
  MEGAWATT("MW"),
  JOULE_PER_HOUR("J/h"),
  MEGAJOULE_PER_HOUR("MJ/h"),
  GIGAJOULE_PER_HOUR("GJ/h"),
  CUBIC_METRE_PER_HOUR("m3/h"),
  CUBIC_METRE_PER_MINUTE("m3/min"),
  CUBIC_METRE_PER_SECOND("m3/s"),
  LITRE_PER_HOUR("l/h"),
  KILOGRAM("kg"),
  TONNE("t"),
  KILOGRAM_PER_HOUR("kg/h"),
  CELSIUS("C"),
  KELVIN("K"),
  SECOND("s"),
  MINUTE("min"),
  HOUR("h"),
  DAY("d"),
  MONTH("month"),
  YEAR("year"),
  VOLT("V"),
  AMPERE("A"),
  BAR("bar"),
  HCA("HCA"),
  PERCENT("%"),
  PARTS_PER_MILLION("ppm"),
  DECIBEL_MILLIWATT("dBm"),
  /** Dates and times: the value is an ISO-8601 string. */
  DATE(""),
  /** A value with no physical unit: a counter, an identifier, a manufacturer code. */
  NONE("");

  private static final Map<String, Unit> BY_SYMBOL = new HashMap<>();

  static {
    for (Unit unit : values()) {
      if (!unit.symbol.isEmpty()) {
        BY_SYMBOL.put(unit.symbol, unit);
      }
    }
  }

  private final String symbol;

  Unit(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The unit with this symbol, or {@link #NONE} for an empty symbol. */
  public static Unit fromSymbol(String symbol) {
    if (symbol == null || symbol.isEmpty()) {
      return NONE;
    }
    Unit unit = BY_SYMBOL.get(symbol);
    if (unit == null) {
      throw new IllegalArgumentException("Unit [" + symbol + "] is not known.");
    }
    return unit;
  }
}
