package io.releve.portal.usage;

/**
 * What a dwelling's figures are summed by: a fluid in one unit. Usually one per fluid; heating may
 * come twice (kWh of a heat meter, units of allocators), which are never added together.
 */
public record FluidUnit(Fluid fluid, UsageUnit unit) implements Comparable<FluidUnit> {

  /** The unit a device of {@code medium} is shown in before its first reading says otherwise. */
  static UsageUnit defaultUnit(String medium) {
    if (Fluid.ALLOCATOR.equals(medium)) {
      return UsageUnit.ALLOCATOR_UNITS;
    }
    return Fluid.ofMedium(medium).orElseThrow() == Fluid.HEATING
        ? UsageUnit.KILOWATT_HOURS
        : UsageUnit.CUBIC_METRES;
  }

  @Override
  public int compareTo(FluidUnit other) {
    int byFluid = fluid.compareTo(other.fluid);
    return byFluid != 0 ? byFluid : unit.compareTo(other.unit);
  }
}
