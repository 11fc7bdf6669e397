package io.releve.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Values as a reader of the page's language writes them: {@code 123,25} in French and {@code
 * 123.25} in English, with every decimal the meter gave (an index is never rounded), and units in
 * their printed form ({@code m³}).
 */
public final class Notation {

  /** The contract's unit codes that print otherwise. */
  private static final Map<String, String> UNITS = Map.of("m3", "m³", "m3/h", "m³/h");

  private Notation() {}

  /** {@code decimal} in the language's notation; anything that is not a number as it is. */
  public static String number(String decimal, Locale locale) {
    BigDecimal value;
    try {
      value = new BigDecimal(decimal);
    } catch (NumberFormatException e) {
      return decimal;
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    int scale = Math.max(0, value.scale());
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    return format.format(value);
  }

  /** The printed form of a unit code. */
  public static String unit(String code) {
    return UNITS.getOrDefault(code, code);
  }
}
