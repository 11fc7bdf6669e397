package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;

/**
 * One row of the meter events table.
 *
 * @param seq its outbox sequence number
 * @param alertId the alert it opened or closed, or null
 */
public record StoredEvent(
    long seq, DeviceIdentity device, Instant at, String type, String detail, Long alertId) {}
