package io.releve.gateway.store;

import java.time.Instant;

/**
 * Where the outbox stands.
 *
 * @param ackedSeq every row up to this seq is committed by the bridge (0: none yet)
 * @param nextSeq the seq the next stored row will get
 * @param depth rows held and not acknowledged
 * @param oldestUnsentReading when the first reading not acknowledged was received, null if none
 */
public record OutboxState(long ackedSeq, long nextSeq, long depth, Instant oldestUnsentReading) {}
