package io.releve.portal.export;

import java.util.Optional;

/** What a resident's dashboard has a tab for; the order is the tabs' and the statement's. */
public enum Fluid {
  COLD_WATER("cold_water"),
  HOT_WATER("hot_water"),
  HEATING("heating");

  private final String code;

  Fluid(String code) {
    this.code = code;
  }

  /** {@code cold_water}, {@code hot_water} or {@code heating}: message keys end with it. */
  public String code() {
    return code;
  }

  /**
   * The fluid a device of this medium (the gateway's medium names) measures: water meters count as
   * cold water, heat meters and heat cost allocators as heating; anything else (gas, electricity)
   * is none of the residents' fluids.
   */
  public static Optional<Fluid> ofMedium(String medium) {
    if (medium == null) {
      return Optional.empty();
    }
    return switch (medium) {
      case "cold_water", "water" -> Optional.of(COLD_WATER);
      case "hot_water" -> Optional.of(HOT_WATER);
      case "heat", "heat_inlet", "heat_cost_allocator" -> Optional.of(HEATING);
      default -> Optional.empty();
    };
  }
}
