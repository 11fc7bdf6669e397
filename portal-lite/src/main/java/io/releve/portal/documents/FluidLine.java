package io.releve.portal.documents;

import io.releve.portal.usage.FluidUnit;
import java.math.BigDecimal;

/**
 * One fluid's row of a monthly statement. A null use is "no data" (no reading gave one inside the
 * resident's stay), distinct from zero.
 *
 * @param use the month's use inside the residency's days
 * @param lastYear the same month of the year before, inside the same residency's days
 * @param evolution {@link Evolution#percent} of the two; null when it cannot be computed
 * @param average the building average of the month ({@link BuildingAverage}); null when not shown
 */
public record FluidLine(
    FluidUnit of,
    BigDecimal use,
    BigDecimal lastYear,
    BigDecimal evolution,
    BuildingAverage.Figure average) {}
