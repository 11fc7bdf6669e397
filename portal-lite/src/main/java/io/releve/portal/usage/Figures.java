package io.releve.portal.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A dwelling's headline figures of one fluid and unit, inside the resident's window (see {@link
 * DwellingUsage} for the exact rules). A null use is unknown (no reading gave one), distinct from
 * zero.
 *
 * @param currentMonth use from the 1st of today's month to today
 * @param lastReadingAt when the last index of the fluid's devices was received; null when none
 * @param previousMonth use of the month before today's
 * @param yearToDate use from 1 January of today's year to today
 * @param monthlyAverage mean use of the complete months counted by {@code averageMonths}
 * @param averageMonths how many of the 12 months before today's counted in the average: those
 *     entirely inside the window with a known use
 * @param devices one line per meter or radiator, ordered by room, then serial, then device
 */
public record Figures(
    FluidUnit of,
    BigDecimal currentMonth,
    Instant lastReadingAt,
    BigDecimal previousMonth,
    BigDecimal yearToDate,
    BigDecimal monthlyAverage,
    int averageMonths,
    List<DeviceLine> devices) {}
