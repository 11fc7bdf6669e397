package io.releve.portal.dashboard;

import io.releve.portal.usage.Fluid;
import java.util.Optional;

/** A tab of the dashboard: a fluid and the French word of its {@code ?fluide=} parameter. */
enum FluidTab {
  COLD_WATER(Fluid.COLD_WATER, "eau-froide"),
  HOT_WATER(Fluid.HOT_WATER, "eau-chaude"),
  HEATING(Fluid.HEATING, "chauffage");

  /** The query parameter that picks the tab. */
  static final String PARAMETER = "fluide";

  private final Fluid fluid;
  private final String slug;

  FluidTab(Fluid fluid, String slug) {
    this.fluid = fluid;
    this.slug = slug;
  }

  Fluid fluid() {
    return fluid;
  }

  /** The value of {@code ?fluide=}: {@code eau-froide}, {@code eau-chaude}, {@code chauffage}. */
  String slug() {
    return slug;
  }

  static FluidTab of(Fluid fluid) {
    for (FluidTab tab : values()) {
      if (tab.fluid == fluid) {
        return tab;
      }
    }
    throw new IllegalArgumentException("No tab for " + fluid);
  }

  /** The tab of {@code slug}; empty for null or any other text. */
  static Optional<FluidTab> ofSlug(String slug) {
    for (FluidTab tab : values()) {
      if (tab.slug.equals(slug)) {
        return Optional.of(tab);
      }
    }
    return Optional.empty();
  }
}
