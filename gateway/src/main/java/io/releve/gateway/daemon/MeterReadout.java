package io.releve.gateway.daemon;

import io.releve.gateway.ingest.IngestResult;
import io.releve.gateway.link.Readout;
import java.time.Instant;

/**
 * A meter read on request by its bus's thread, and what storing its telegrams did.
 *
 * @param bus the bus it was read on
 * @param readout the telegrams it sent
 * @param receivedAt when they were received, by the daemon's clock
 * @param stored what the ingest stored (the same as for a cycle), or null when the database could
 *     not be written: the telegrams are then kept and stored with the next cycle
 * @param storeFailure why they could not be stored, or null
 */
public record MeterReadout(
    String bus, Readout readout, Instant receivedAt, IngestResult stored, String storeFailure) {}
