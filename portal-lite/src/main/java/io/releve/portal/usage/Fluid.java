package io.releve.portal.usage;

import java.util.List;
import java.util.Optional;

/**
 * What a resident consumes, one dashboard tab each, and which device media count for it (the
 * gateway's medium names). A medium of none of them (electricity, gas…) is not shown.
 */
public enum Fluid {
  COLD_WATER("cold_water", List.of("cold_water", "water")),
  HOT_WATER("hot_water", List.of("warm_water", "hot_water")),
  HEATING("heating", List.of("heat", "heat_inlet", "heat_cost_allocator"));

  /** The medium of heat cost allocators: their use is in units, never kWh or euros. */
  public static final String ALLOCATOR = "heat_cost_allocator";

  private final String code;
  private final List<String> media;

  Fluid(String code, List<String> media) {
    this.code = code;
    this.media = media;
  }

  /** A stable lower-case name, for URLs and message keys ({@code cold_water}, {@code heating}). */
  public String code() {
    return code;
  }

  /** The device media that count for this fluid. */
  public List<String> media() {
    return media;
  }

  /** The fluid a device of {@code medium} counts for; empty for any other medium or null. */
  public static Optional<Fluid> ofMedium(String medium) {
    if (medium == null) {
      // List.of's contains refuses null
      return Optional.empty();
    }
    for (Fluid fluid : values()) {
      if (fluid.media.contains(medium)) {
        return Optional.of(fluid);
      }
    }
    return Optional.empty();
  }

  /** The fluid of {@link #code()}; empty when none. */
  public static Optional<Fluid> ofCode(String code) {
    for (Fluid fluid : values()) {
      if (fluid.code.equals(code)) {
        return Optional.of(fluid);
      }
    }
    return Optional.empty();
  }

  /**
   * The quantity a device of {@code medium} is read from: {@code volume} for water meters, {@code
   * energy} for heat meters (not their volume), {@code heat_cost_allocation} for allocators; empty
   * for a medium of no fluid.
   */
  public static Optional<String> indexQuantity(String medium) {
    if (ALLOCATOR.equals(medium)) {
      return Optional.of("heat_cost_allocation");
    }
    return ofMedium(medium).map(f -> f == HEATING ? "energy" : "volume");
  }

  /**
   * The SQL condition, on a {@code readings} row aliased {@code r}, that keeps the index readings
   * the rollups use: the current value (storage, tariff and subunit 0), a number, and the quantity
   * of {@link #indexQuantity} for the reading's medium. Built from constants only.
   */
  static String indexReadingCondition() {
    return "r.storage = 0 AND r.tariff = 0 AND r.subunit = 0 AND r.value_kind = 'number' AND ("
        + "(r.medium IN ('cold_water', 'water', 'warm_water', 'hot_water') AND r.quantity = 'volume')"
        + " OR (r.medium IN ('heat', 'heat_inlet') AND r.quantity = 'energy')"
        + " OR (r.medium = 'heat_cost_allocator' AND r.quantity = 'heat_cost_allocation'))";
  }
}
