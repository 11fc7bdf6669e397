package io.releve.gateway.store;

import io.releve.gateway.reading.Reading;

/**
 * A reading as stored, with its outbox sequence number.
 *
 * @param seq the outbox sequence number, unique in this database's epoch and never reused
 * @param reading the reading; times are kept to the millisecond
 */
public record StoredReading(long seq, Reading reading) {}
