package io.releve.portal.usage;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The units a use is shown in: water in cubic metres, a heat meter's energy in kilowatt-hours, a
 * heat cost allocator in its own units "U" — never euros, and never kWh for an allocator. The
 * rollups store every index already converted to one of these ({@code device_days.unit} is {@link
 * #code()}).
 */
public enum UsageUnit {
  CUBIC_METRES("m3", "m³"),
  KILOWATT_HOURS("kWh", "kWh"),
  ALLOCATOR_UNITS("U", "U");

  private static final Logger log = LoggerFactory.getLogger(UsageUnit.class);

  /** Index units met that cannot be shown, each logged once per run of the portal. */
  private static final Set<String> UNKNOWN_LOGGED = ConcurrentHashMap.newKeySet();

  private final String code;
  private final String symbol;

  UsageUnit(String code, String symbol) {
    this.code = code;
    this.symbol = symbol;
  }

  /** As stored in {@code device_days.unit} and {@code device_months.unit}: m3, kWh, U. */
  public String code() {
    return code;
  }

  /** As printed after a number: m³, kWh, U. */
  public String symbol() {
    return symbol;
  }

  /** The unit stored as {@code code}; empty for any other text. */
  public static Optional<UsageUnit> ofCode(String code) {
    for (UsageUnit unit : values()) {
      if (unit.code.equals(code)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }

  /** An index in a unit it is shown in. */
  public record Shown(UsageUnit unit, BigDecimal value) {}

  /**
   * An index reading converted to the unit it is shown in, exactly: a volume in {@code m3} as is,
   * in {@code l} divided by 1 000; an energy in {@code kWh} as is, in {@code Wh} divided by 1 000,
   * in {@code MWh} multiplied by 1 000; an allocation in units whatever the unit text (the gateway
   * writes {@code HCA}). Anything else is not shown: empty, and logged once per quantity and unit.
   */
  public static Optional<Shown> convert(String quantity, String unit, BigDecimal value) {
    switch (quantity) {
      case "volume":
        if (unit.equals("m3")) {
          return Optional.of(new Shown(CUBIC_METRES, value));
        }
        if (unit.equals("l")) {
          return Optional.of(new Shown(CUBIC_METRES, value.movePointLeft(3)));
        }
        break;
      case "energy":
        switch (unit) {
          case "kWh":
            return Optional.of(new Shown(KILOWATT_HOURS, value));
          case "Wh":
            return Optional.of(new Shown(KILOWATT_HOURS, value.movePointLeft(3)));
          case "MWh":
            return Optional.of(new Shown(KILOWATT_HOURS, value.movePointRight(3)));
          default:
            break;
        }
        break;
      case "heat_cost_allocation":
        return Optional.of(new Shown(ALLOCATOR_UNITS, value));
      default:
        break;
    }
    if (UNKNOWN_LOGGED.add(quantity + " " + unit)) {
      log.warn(
          "Index readings of quantity {} in unit [{}] are not shown: no conversion to m3, kWh or"
              + " allocator units",
          quantity,
          unit);
    }
    return Optional.empty();
  }
}
