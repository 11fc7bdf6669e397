package io.releve.portal.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One meter or radiator of a dwelling's breakdown.
 *
 * @param printedSerial null when unknown
 * @param room the room's label (allocators); null when none
 * @param index the last index received inside the window; null when none
 * @param indexAt when that index was received
 * @param monthUse the use of today's month inside the window: exactly 0 for a radiator that
 *     reported and used nothing, null (unknown) when no reading gave a use this month
 * @param installed false for a removed device (still listed for the days it counted)
 */
public record DeviceLine(
    String device,
    String printedSerial,
    String room,
    String medium,
    UsageUnit unit,
    BigDecimal index,
    Instant indexAt,
    BigDecimal monthUse,
    boolean installed) {}
