/**
 * The building half of the wired simulator: meters that answer with real EN 13757-3 telegrams, the
 * consumption behind their indexes, the building they sit in and a backfill that fills a database
 * with months of history in seconds.
 *
 * <p>How the pieces fit:
 *
 * <pre>
 *  config/simulated-building.conf ──► Building ──► installation()  (what "meters import" takes)
 *                                         │
 *                                         ├──► meters()  WaterMeter, HeatCostAllocator, HeatMeter
 *                                         │        └── ConsumptionModel (deterministic, seeded)
 *                                         └──► plans()   BusPlan: PlannedSlave(address, meter)
 *                                                  └── turned into virtual slaves by the bus half
 *  Backfill(Building, FrameIngest) ──► readouts at every step ──► long frames ──► SQLite
 * </pre>
 *
 * <p>Every index is a pure function of the instant of the readout, so a meter read in real time,
 * through a {@link io.releve.gateway.sim.building.SimulationClock} running faster, or by the
 * backfill, always shows the same cumulative value for the same instant.
 */
package io.releve.gateway.sim.building;
