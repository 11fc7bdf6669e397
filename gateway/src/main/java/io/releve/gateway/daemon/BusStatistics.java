package io.releve.gateway.daemon;

/**
 * How one bus has been doing since the daemon started, for a technician's status request.
 *
 * @param bus the bus name
 * @param polling whether its thread runs (it ends only when the daemon stops, or on a bug)
 * @param connected whether its port or connection is open right now
 * @param cycles cycles done
 * @param lastCycle the last cycle done, or null before the first one ends
 * @param consecutiveFailures cycles in a row, up to the last one, that stopped early or in which no
 *     meter answered (0 when the last one went well)
 * @param framesTotal telegrams received by cycles since the start
 * @param link what the link layer counted since the start
 */
public record BusStatistics(
    String bus,
    boolean polling,
    boolean connected,
    long cycles,
    CycleReport lastCycle,
    int consecutiveFailures,
    long framesTotal,
    LinkTotals link) {}
